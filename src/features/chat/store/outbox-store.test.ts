import { describe, expect, it } from "vitest";
import { createOutboxStore } from "./outbox-store";

function storeWith() {
  const store = createOutboxStore();
  const actions = store.getState();
  for (const [runId, sessionKey] of [["sent", "agent:main:s"], ["waiting", "agent:main:s"], ["other", "agent:main:other"]] as const) {
    actions.messageQueued({ runId, sessionKey, text: runId, createdAt: 1 });
  }
  actions.sendStarted("agent:main:s", "sent");
  actions.sendAcknowledged("agent:main:s", "sent");
  actions.sendAcknowledged("agent:main:other", "other");
  return store;
}

const runIds = (store: ReturnType<typeof createOutboxStore>, sessionKey: string) => (store.getState().bySession[sessionKey] ?? []).map((entry) => entry.runId);

describe("outbox store: a session cleared on the gateway", () => {
  it("drops what was delivered before a reset (history will never show it again) and keeps what is still to go", () => {
    const store = storeWith();
    store.getState().sessionCleared("agent:main:s", { deleted: false });
    expect(runIds(store, "agent:main:s")).toEqual(["waiting"]);
    expect(runIds(store, "agent:main:other")).toEqual(["other"]);
  });

  it("drops everything of a deleted session, so nothing recreates it", () => {
    const store = storeWith();
    store.getState().sessionCleared("agent:main:s", { deleted: true });
    expect(runIds(store, "agent:main:s")).toEqual([]);
    expect(runIds(store, "agent:main:other")).toEqual(["other"]);
  });
});
