/** What a `chat.history` read settles about the runs the registry holds. */
import type { PendingInput } from "@/lib/pending-inputs";
import type { RunFold } from "../model/fold-state";
import type { RunSignal } from "../model/run-signal";

/** What one `chat.history` read says about a session's runs. */
export interface HistorySnapshot {
  /** When the read was asked for: runs created after it cannot be judged by it. */
  requestedAt: number;
  messages: readonly unknown[];
  activity: unknown;
  inFlightRunRaw: unknown;
  sessionInfoRaw: unknown;
  inFlightRun: { runId: string; text: string; startedAt?: number } | null;
  /** Messages accepted but not yet taken into a run (queue-state.ts); undefined when the read does not list them. */
  pendingInputs?: readonly PendingInput[];
  activeRunIds: readonly string[];
  hasActiveRun: boolean;
  /** Gateway clock minus browser clock when the read was made (history times are the gateway's). */
  clockOffsetMs?: number;
}

/**
 * After a history read: a run the gateway says is in flight is adopted (a
 * reload mid-run), and open runs the gateway no longer lists are settled —
 * but only runs that existed when history was asked for.
 */
export function reconciliationSignals(
  sessionKey: string,
  history: HistorySnapshot,
  openRunIds: readonly string[],
  seen: ReadonlyMap<string, Pick<RunFold, "createdAt"> & Partial<Pick<RunFold, "text">>>,
  receivedAt: number,
): RunSignal[] {
  const loadedAt = history.requestedAt;
  const signals: RunSignal[] = [];
  const inFlight = history.inFlightRun;
  if (inFlight) {
    const at = inFlight.startedAt === undefined ? loadedAt : inFlight.startedAt - (history.clockOffsetMs ?? 0);
    signals.push({ kind: "lifecycle-start", startedAt: inFlight.startedAt, runId: inFlight.runId, at, source: "history", sessionKey });
    // Only text the page lacks (a reload mid-run): the read's snapshot is older than text followed live, and taken
    // as newer it would stop the live reply at it (a message steered in makes the page read mid-run). Placed when the
    // answer came, not when it was asked for: the words came after every frame before the answer, and a message
    // steered in between the two (its bare final) owns them (textBetween).
    if (inFlight.text && !seen.get(inFlight.runId)?.text) signals.push({ kind: "assistant-text", text: inFlight.text, runId: inFlight.runId, at: Math.max(loadedAt, receivedAt), source: "history", sessionKey });
  }
  const active = new Set([...history.activeRunIds, ...(inFlight ? [inFlight.runId] : [])]);
  // "Active, but no run ids" (after a crash) confirms nothing either way.
  if (history.hasActiveRun && active.size === 0) return signals;
  for (const runId of openRunIds) {
    if (active.has(runId) || (seen.get(runId)?.createdAt ?? Infinity) >= loadedAt) continue;
    signals.push({ kind: "run-inactive", via: "history", runId, at: loadedAt, source: "history", sessionKey });
  }
  return signals;
}
