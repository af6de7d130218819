/**
 * The outbox as live client state: one list per session, keyed by run id
 * (= idempotency key), so a resend is the same message, never a second one.
 * Persistence and sending live beside it (outbox-persistence, outbox-sender);
 * this store only records what happened to each message.
 */
import { createStore, useStore } from "zustand";
import { restoredEntry, type OutboxEntry, type OutgoingAttachment } from "../model/outbox";

interface OutboxState {
  bySession: Record<string, OutboxEntry[]>;
  /** Another gateway was chosen: its messages must never go to this one. */
  gatewayChanged(): void;
  outboxRestored(entries: readonly OutboxEntry[]): void;
  messageQueued(message: { runId: string; sessionKey: string; text: string; createdAt: number; attachments?: readonly OutgoingAttachment[] }): void;
  sendStarted(sessionKey: string, runId: string): void;
  sendAcknowledged(sessionKey: string, runId: string): void;
  /** It may or may not have arrived: wait, and ask history before the next try. */
  sendDeferred(sessionKey: string, runId: string, reason: string): void;
  sendRejected(sessionKey: string, runId: string, reason: string): void;
  /** "Send again" on a refused message: same key, back in line. */
  resendRequested(sessionKey: string, runId: string): void;
  messageCanceled(sessionKey: string, runId: string): void;
  /** Another page sent or canceled it (its stored copy is gone): this tab must not send it. */
  takenElsewhere(sessionKey: string, runId: string): void;
  historyDelivered(sessionKey: string, runIds: ReadonlySet<string>): void;
  /**
   * The session was reset or deleted on the gateway. Delivered messages went into the old transcript and would
   * wait forever for history to show them; after a delete nothing of it may go out (it would recreate it).
   */
  sessionCleared(sessionKey: string, how: { deleted: boolean }): void;
}

const EMPTY: OutboxEntry[] = [];

export type OutboxStore = ReturnType<typeof createOutboxStore>;

export function createOutboxStore() {
  return createStore<OutboxState>()((set) => {
    const patch = (sessionKey: string, fn: (list: OutboxEntry[]) => OutboxEntry[]) =>
      set((state) => {
        const list = state.bySession[sessionKey] ?? EMPTY;
        const next = fn(list);
        return next === list ? state : { bySession: { ...state.bySession, [sessionKey]: next } };
      });
    const update = (sessionKey: string, runId: string, fn: (entry: OutboxEntry) => OutboxEntry) =>
      patch(sessionKey, (list) => (list.some((entry) => entry.runId === runId) ? list.map((entry) => (entry.runId === runId ? fn(entry) : entry)) : list));
    return {
      bySession: {},
      gatewayChanged() {
        set({ bySession: {} });
      },
      outboxRestored(entries) {
        set((state) => {
          const bySession = { ...state.bySession };
          for (const stored of entries) {
            const list = bySession[stored.sessionKey] ?? EMPTY;
            const restored = restoredEntry(stored);
            // This tab's own copy is fresher than what an earlier page wrote.
            if (!restored || list.some((entry) => entry.runId === stored.runId)) continue;
            bySession[stored.sessionKey] = [...list, restored].sort((a, b) => a.createdAt - b.createdAt);
          }
          return { bySession };
        });
      },
      messageQueued({ runId, sessionKey, text, createdAt, attachments }) {
        const queued: OutboxEntry = { runId, sessionKey, text, createdAt, status: "waiting", attempts: 0, ...(attachments?.length ? { attachments } : {}) };
        patch(sessionKey, (list) => [...list.filter((entry) => entry.runId !== runId), queued]);
      },
      sendStarted(sessionKey, runId) {
        update(sessionKey, runId, (entry) => ({ ...entry, status: "sending", attempts: entry.attempts + 1, error: undefined }));
      },
      sendAcknowledged(sessionKey, runId) {
        update(sessionKey, runId, (entry) => ({ ...entry, status: "sent", error: undefined }));
      },
      sendDeferred(sessionKey, runId, reason) {
        update(sessionKey, runId, (entry) => ({ ...entry, status: "waiting", error: reason }));
      },
      sendRejected(sessionKey, runId, reason) {
        update(sessionKey, runId, (entry) => ({ ...entry, status: "failed", error: reason }));
      },
      resendRequested(sessionKey, runId) {
        // A refused message is certainly not in the gateway's history: no need to look before sending.
        update(sessionKey, runId, (entry) => (entry.status === "failed" ? { ...entry, status: "waiting", attempts: 0, error: undefined } : entry));
      },
      messageCanceled(sessionKey, runId) {
        // A message on the wire cannot be called back; a waiting or refused one can be dropped.
        patch(sessionKey, (list) => {
          const next = list.filter((entry) => entry.runId !== runId || entry.status === "sending" || entry.status === "sent");
          return next.length === list.length ? list : next;
        });
      },
      takenElsewhere(sessionKey, runId) {
        patch(sessionKey, (list) => {
          const next = list.filter((entry) => entry.runId !== runId);
          return next.length === list.length ? list : next;
        });
      },
      historyDelivered(sessionKey, runIds) {
        patch(sessionKey, (list) => {
          const remaining = list.filter((entry) => !runIds.has(entry.runId));
          return remaining.length === list.length ? list : remaining;
        });
      },
      sessionCleared(sessionKey, { deleted }) {
        patch(sessionKey, (list) => {
          const kept = deleted ? EMPTY : list.filter((entry) => entry.status !== "sent");
          return kept.length === list.length ? list : kept;
        });
      },
    };
  });
}

/** The page's outbox. */
export const outboxStore = createOutboxStore();

export function useOutbox(sessionKey: string): OutboxEntry[] {
  return useStore(outboxStore, (state) => state.bySession[sessionKey] ?? EMPTY);
}

export function outboxEntries(store: OutboxStore): OutboxEntry[] {
  return Object.values(store.getState().bySession).flat();
}
