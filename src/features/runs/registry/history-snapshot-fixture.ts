import type { HistorySnapshot } from "./reconcile-history";

/** A recorded `chat.history` payload as the chat query hands it to the registry (tests): idle unless told otherwise. */
export function historySnapshotOf(payload: Record<string, unknown>, requestedAt: number, overrides: Partial<HistorySnapshot> = {}): HistorySnapshot {
  return {
    requestedAt,
    messages: Array.isArray(payload.messages) ? payload.messages : [],
    activity: payload.activity,
    inFlightRunRaw: payload.inFlightRun,
    sessionInfoRaw: payload.sessionInfo,
    inFlightRun: null,
    activeRunIds: [],
    hasActiveRun: false,
    ...overrides,
  };
}
