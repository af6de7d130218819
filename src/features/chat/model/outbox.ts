/**
 * The outbox: messages this browser wrote that the gateway has not yet shown
 * in the session's history. Each keeps the idempotency key it was first sent
 * with (it is also the run id), so sending it again after a reconnect, a
 * reload or a lost acknowledgement can only ever deliver it once.
 */
import { gatewayRefusalOf } from "@/gateway/request-errors";

export type OutboxStatus =
  /** Not sent yet, or sent without an answer: goes out when the gateway is reachable. */
  | "waiting"
  /** `chat.send` is on the wire. */
  | "sending"
  /** The gateway took it; kept until history shows the message. */
  | "sent"
  /** The gateway refused it for a reason a resend would not fix. */
  | "failed";

export interface OutboxEntry {
  runId: string;
  sessionKey: string;
  text: string;
  createdAt: number;
  status: OutboxStatus;
  /** How many times it went on the wire. Above zero, the gateway may already have it: check history before sending again. */
  attempts: number;
  error?: string;
}

export type SendFailure = { disposition: "retry"; reason: string; retryAfterMs?: number } | { disposition: "reject"; reason: string };

/** Refusals whose cause a resend with the same key cannot change. */
const FINAL_CODES = new Set(["INVALID_REQUEST", "FORBIDDEN", "NOT_PAIRED"]);

/**
 * Whether a failed `chat.send` should wait and go again, or be shown as not
 * delivered. Anything that did not come back as the gateway's own answer (a
 * closed socket, a local timeout, not connected) is uncertain, so it waits.
 */
export function classifySendFailure(error: unknown): SendFailure {
  const refusal = gatewayRefusalOf(error);
  if (!refusal) return { disposition: "retry", reason: error instanceof Error ? error.message : String(error) };
  if (refusal.retryable || !FINAL_CODES.has(refusal.code)) return { disposition: "retry", reason: refusal.message, retryAfterMs: refusal.retryAfterMs };
  return { disposition: "reject", reason: refusal.message };
}

/** Waiting entries in the order they were written, oldest first: a session's messages must arrive in order. */
export function sendOrder(entries: Iterable<OutboxEntry>): OutboxEntry[] {
  return [...entries].filter((entry) => entry.status === "waiting").sort((a, b) => a.createdAt - b.createdAt || a.runId.localeCompare(b.runId));
}

/** After a reload nothing is on the wire: an entry that was being sent, or was acknowledged but not yet in history, waits again. */
export function restoredEntry(entry: OutboxEntry): OutboxEntry {
  if (entry.status === "sending" || entry.status === "sent") return { ...entry, status: "waiting", attempts: Math.max(1, entry.attempts) };
  return entry;
}
