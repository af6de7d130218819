/**
 * Messages this tab sent that history does not show yet. Keyed by the run id
 * (= idempotency key), so a resend is the same message, never a second one.
 */
import { createStore, useStore } from "zustand";
import type { PendingMessage } from "../model/transcript";

interface PendingState {
  bySession: Record<string, PendingMessage[]>;
  messageSubmitted(message: Omit<PendingMessage, "status">): void;
  messageAcknowledged(sessionKey: string, runId: string): void;
  messageFailed(sessionKey: string, runId: string, error: string): void;
  messageDiscarded(sessionKey: string, runId: string): void;
  historyDelivered(sessionKey: string, runIds: ReadonlySet<string>): void;
}

const EMPTY: PendingMessage[] = [];

export const pendingMessagesStore = createStore<PendingState>()((set) => {
  const patch = (sessionKey: string, fn: (list: PendingMessage[]) => PendingMessage[]) =>
    set((state) => {
      const list = state.bySession[sessionKey] ?? EMPTY;
      const next = fn(list);
      return next === list ? state : { bySession: { ...state.bySession, [sessionKey]: next } };
    });
  return {
    bySession: {},
    messageSubmitted(message) {
      patch(message.sessionKey, (list) => [...list.filter((item) => item.runId !== message.runId), { ...message, status: "sending" }]);
    },
    messageAcknowledged(sessionKey, runId) {
      patch(sessionKey, (list) => list.map((item) => (item.runId === runId ? { ...item, status: "sent", error: undefined } : item)));
    },
    messageFailed(sessionKey, runId, error) {
      patch(sessionKey, (list) => list.map((item) => (item.runId === runId ? { ...item, status: "failed", error } : item)));
    },
    messageDiscarded(sessionKey, runId) {
      patch(sessionKey, (list) => list.filter((item) => item.runId !== runId));
    },
    historyDelivered(sessionKey, runIds) {
      patch(sessionKey, (list) => {
        const remaining = list.filter((item) => !runIds.has(item.runId));
        return remaining.length === list.length ? list : remaining;
      });
    },
  };
});

export function usePendingMessages(sessionKey: string): PendingMessage[] {
  return useStore(pendingMessagesStore, (state) => state.bySession[sessionKey] ?? EMPTY);
}
