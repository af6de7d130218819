import { IDBFactory } from "fake-indexeddb";
import { beforeEach, describe, expect, it } from "vitest";
import { resetLocalDbForTests } from "@/lib/local-db";
import { isStillStored, persistOutbox, readOutbox } from "./outbox-persistence";
import { createOutboxStore } from "./outbox-store";

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetLocalDbForTests();
});

describe("outbox persistence", () => {
  it("keeps waiting messages across a reload, per gateway, and forgets delivered and canceled ones", async () => {
    const page = createOutboxStore();
    const persisted = persistOutbox(page, "ws://gw-a", (error) => {
      throw error;
    });
    page.getState().messageQueued({ runId: "r1", sessionKey: "s1", text: "first", createdAt: 1 });
    page.getState().messageQueued({ runId: "r2", sessionKey: "s1", text: "second", createdAt: 2 });
    page.getState().messageQueued({ runId: "r3", sessionKey: "s2", text: "third", createdAt: 3 });
    page.getState().sendStarted("s1", "r1");
    page.getState().sendAcknowledged("s1", "r1");
    page.getState().messageCanceled("s2", "r3");
    await persisted.flush();

    const other = createOutboxStore();
    persistOutbox(other, "ws://gw-b", () => undefined);
    other.getState().messageQueued({ runId: "b1", sessionKey: "s1", text: "elsewhere", createdAt: 1 });

    const reloaded = createOutboxStore();
    reloaded.getState().outboxRestored(await readOutbox("ws://gw-a"));
    const restored = reloaded.getState().bySession.s1 ?? [];
    // r1 was acknowledged: the gateway has it, so it left the disk and is never sent again, however long history gets.
    expect(restored.map(({ runId, status, text }) => ({ runId, status, text }))).toEqual([{ runId: "r2", status: "waiting", text: "second" }]);
    expect(reloaded.getState().bySession.s2).toBeUndefined();

    page.getState().historyDelivered("s1", new Set(["r1", "r2"]));
    await persisted.flush();
    expect(await readOutbox("ws://gw-a")).toEqual([]);
  });

  it("does not write a restored entry back, so a row another tab deleted stays deleted", async () => {
    const tabA = createOutboxStore();
    const persistedA = persistOutbox(tabA, "ws://gw", () => undefined);
    tabA.getState().messageQueued({ runId: "m1", sessionKey: "s1", text: "oops", createdAt: 1 });
    await persistedA.flush();

    const tabB = createOutboxStore();
    const persistedB = persistOutbox(tabB, "ws://gw", () => undefined);
    const stored = await readOutbox("ws://gw");
    tabA.getState().messageCanceled("s1", "m1");
    await persistedA.flush();
    tabB.getState().outboxRestored(stored);
    await persistedB.flush();

    expect(await readOutbox("ws://gw")).toEqual([]);
    expect(await isStillStored("m1")).toBe(false);
  });

  it("keeps a waiting message's attachments across a reload, so it still goes out with them", async () => {
    const page = createOutboxStore();
    const persisted = persistOutbox(page, "ws://gw", () => undefined);
    const dot = { kind: "image" as const, fileName: "dot.png", mimeType: "image/png", sizeBytes: 70, content: "iVBORw0KGgo=" };
    page.getState().messageQueued({ runId: "r1", sessionKey: "s1", text: "look", createdAt: 1, attachments: [dot] });
    await persisted.flush();

    const reloaded = createOutboxStore();
    reloaded.getState().outboxRestored(await readOutbox("ws://gw"));
    expect(reloaded.getState().bySession.s1?.[0]?.attachments).toEqual([dot]);
  });
});
