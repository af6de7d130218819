/**
 * The gateway's own `seq gap` report in words. It compares each agent event's per-run `seq` with the
 * last one it numbered for that run (openclaw dist server-chat: `expected: last + 1, received: evt.seq`).
 * Events past the expected one mean some were skipped; a `received` at or below `expected` means the
 * run's numbering started again, which the gateway also reports as a gap: after a command such as
 * `/exec …` its reply is numbered 1 under the run's id, then the agent's own events start at 1 too.
 */
import type { GapStep } from "./run-timeline";

type Gap = Pick<GapStep, "expected" | "received">;

/** How many events the report says were skipped: none when the numbering started again. */
export function missedEventCount(gap: Gap): number {
  return Math.max(0, gap.received - gap.expected);
}

/** The seq numbers skipped, e.g. "4" or "4–8"; undefined when none were. */
export function missedSeqRange(gap: Gap): string | undefined {
  const missed = missedEventCount(gap);
  if (missed === 0) return undefined;
  return missed === 1 ? `${gap.expected}` : `${gap.expected}–${gap.received - 1}`;
}

export function describeGap(gap: Gap): string {
  const range = missedSeqRange(gap);
  if (range === undefined) return `the gateway numbered this run's events from ${gap.received} again (it expected ${gap.expected}); no events were missed`;
  // The run is merged with the session's saved transcript, which has its messages though not every live event.
  return `${missedEventCount(gap) === 1 ? "event" : "events"} ${range} never arrived; the gateway's saved transcript fills in what it has`;
}
