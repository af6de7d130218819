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

/** A file going out with a message, read in full: chat.send carries it as base64. */
export interface OutgoingAttachment {
  kind: "image" | "file";
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  /** The file's bytes as base64, without a data-URL prefix. */
  content: string;
}

export interface OutboxEntry {
  runId: string;
  sessionKey: string;
  text: string;
  /** Kept with the message (and on disk) until the gateway has it, so a resend carries them too. */
  attachments?: readonly OutgoingAttachment[];
  createdAt: number;
  status: OutboxStatus;
  /** How many times it went on the wire. Above zero, the gateway may already have it: check history before sending again. */
  attempts: number;
  error?: string;
  /** Read back from storage an earlier page or another tab wrote: that page may have sent or canceled it since. */
  fromDisk?: true;
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

/**
 * An entry as a new page takes it over. Acknowledged messages are never sent
 * again (the gateway has them, even if history is too long to show it), and
 * anything else is looked up in history before it goes, since another tab
 * may have sent it meanwhile.
 */
export function restoredEntry(entry: OutboxEntry): OutboxEntry | null {
  if (entry.status === "sent") return null;
  if (entry.status === "failed") return { ...entry, fromDisk: true };
  return { ...entry, status: "waiting", attempts: Math.max(1, entry.attempts), fromDisk: true };
}
