/**
 * What the reply bubble says when a run shows no text. "No reply." is a fact only once the run's end is known; while
 * its outcome is unknown, or after the gateway went down under it, text may still come (the gateway can resume the
 * turn by itself), so the bubble says only what is known so far.
 */
import type { RunOutcome } from "./run-outcome";

export function emptyReplyWords(outcome: RunOutcome, answeredBelow: boolean): string {
  if (answeredBelow) return "The reply went on to answer the message you sent while it ran: see below.";
  switch (outcome.kind) {
    case "unknown":
      return "No reply text so far.";
    case "interrupted":
      return "No reply before the gateway went down.";
    default:
      return "No reply.";
  }
}
