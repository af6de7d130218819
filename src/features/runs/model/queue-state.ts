/**
 * Whether a message handed on to a later run (run-handoff.ts) still waits, or will never run. The gateway keeps every
 * message it accepted but has not yet taken in as a durable "pending input", listed by `chat.history` in
 * `pendingInputs.items` with its run id and a state (openclaw 2026.9.6, docs/concepts/session-tool.md and
 * dist/session-accessor-*.mjs):
 * - `queued`: it waits (steer-followup-mode.jsonl, the reads during the tool);
 * - `cancelled`: the whole session was stopped (`chat.abort` without a run id, as `/stop` does) before it ran
 *   (queue-followup-stop-session.jsonl, queue-steer-stop-session.jsonl). Stopping only the running reply by its run
 *   id, as Clawscope's Stop does, leaves it queued, and it runs next (queue-followup-stop-run.jsonl);
 * - `interrupted`: the gateway stopped (or the session was repaired) while it waited: kept for inspection, it never
 *   runs on its own (queue-followup-restart-after.jsonl).
 * Taken in, it leaves the list and its user row appears in `messages`. A session reset or delete drops the list
 * with the transcript, so a message in neither, read while nothing runs, is gone too.
 */
import { roleOfRow, runIdOfUserRow } from "@/lib/history-rows";
import type { PendingInput } from "@/lib/pending-inputs";
import { isRecord } from "@/lib/read-untrusted";
import { neverRan, waitsBehindAnotherRun, wasHandedOn } from "./run-handoff";
import type { RunTimeline } from "./run-timeline";

export type QueueState = "waiting" | "cancelled" | "interrupted" | "gone";

/** What one `chat.history` read says about the session's queue. */
export interface QueueEvidence {
  /** When the read was asked for: it says nothing about messages sent after it. */
  requestedAt: number;
  messages: readonly unknown[];
  /** Undefined when the read did not list pending inputs (an older gateway): no evidence either way. */
  pendingInputs?: readonly PendingInput[];
  inFlightRun: { runId: string } | null;
  hasActiveRun: boolean;
  activeRunIds: readonly string[];
}

/** Where a handed-on message stands by the newest read of its session's history. */
export function queueState(run: RunTimeline, history: QueueEvidence | undefined): QueueState {
  if (!history?.pendingInputs || history.requestedAt < run.createdAt) return "waiting";
  const pending = history.pendingInputs.find((input) => input.runId === run.runId);
  if (pending?.state === "cancelled" || pending?.state === "interrupted") return pending.state;
  if (pending) return "waiting";
  // Neither waiting nor taken in: gone, once the read is newer than the gateway's word that it took the message
  // (its run id's bare final) and nothing runs that could still be about to take it.
  const accepted = run.terminal !== undefined && history.requestedAt > run.terminal.at;
  const idle = !history.hasActiveRun && history.inFlightRun === null && history.activeRunIds.length === 0;
  const delivered = history.messages.some((row) => isRecord(row) && roleOfRow(row) === "user" && runIdOfUserRow(row) === run.runId);
  return accepted && idle && !delivered ? "gone" : "waiting";
}

/**
 * Whether a run was handed on to another run of its session, or waits behind one (run-handoff.ts), and if so whether
 * it still waits or the gateway dropped it; null for a run that runs under its own id.
 */
export function handoffState(run: RunTimeline, sessionRuns: readonly RunTimeline[], history: QueueEvidence | undefined): QueueState | null {
  if (wasHandedOn(run) || waitsBehindAnotherRun(run, sessionRuns)) return queueState(run, history);
  // A message that never ran can also end in a "stopped" of its own when the queue is cleared: the gateway's list
  // still tells why it was not answered.
  const pending = run.status === "ended" && neverRan(run) ? history?.pendingInputs?.find((input) => input.runId === run.runId) : undefined;
  return pending?.state === "cancelled" || pending?.state === "interrupted" ? pending.state : null;
}
