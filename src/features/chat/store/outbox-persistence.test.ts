import { IDBFactory } from "fake-indexeddb";
import { beforeEach, describe, expect, it } from "vitest";
import { resetLocalDbForTests } from "@/lib/local-db";
import { persistOutbox, readOutbox } from "./outbox-persistence";
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
    // r1 was acknowledged but history had not shown it yet: it waits again, marked as possibly delivered.
    expect(restored.map(({ runId, status, attempts, text }) => ({ runId, status, attempts, text }))).toEqual([
      { runId: "r1", status: "waiting", attempts: 1, text: "first" },
      { runId: "r2", status: "waiting", attempts: 0, text: "second" },
    ]);
    expect(reloaded.getState().bySession.s2).toBeUndefined();

    page.getState().historyDelivered("s1", new Set(["r1", "r2"]));
    await persisted.flush();
    expect(await readOutbox("ws://gw-a")).toEqual([]);
  });
});
