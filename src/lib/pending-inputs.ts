/**
 * The messages the gateway accepted but has not taken into a run yet: `chat.history` lists them in
 * `pendingInputs.items`, each with its run id and a state (`queued`, `cancelled`, `interrupted`; openclaw 2026.9.6,
 * docs/concepts/session-tool.md). Taken in, a message leaves the list and its user row joins the transcript.
 */
import { isRecord } from "./read-untrusted";

export interface PendingInput {
  runId: string;
  state: string;
}

/** `pendingInputs.items` of a `chat.history` answer, junk skipped; undefined when the answer has no such list. */
export function readPendingInputs(raw: unknown): PendingInput[] | undefined {
  const items = isRecord(raw) ? raw.items : undefined;
  if (!Array.isArray(items)) return undefined;
  return items.flatMap((item) => (isRecord(item) && typeof item.runId === "string" && typeof item.state === "string" ? [{ runId: item.runId, state: item.state }] : []));
}
