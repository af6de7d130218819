/**
 * Which runs would otherwise hang: pure rules the registry applies on its
 * periodic sweep.
 *
 * - A run first heard of from an event this tab did not expect (another
 *   client's, or a stray id) that never started is dropped after a bound:
 *   otherwise it stays "queued" for ever and holds the session's Stop button.
 * - A run whose agent lifecycle ended but whose chat final never came is over
 *   for Stop after a short grace, as if history had said it is not active.
 */
import type { RunFold } from "../model/fold-state";

/** How long a run heard of only from a stray event may stay unstarted before it is dropped. */
export const UNSTARTED_RUN_TTL_MS = 2 * 60_000;
/** The chat final follows the lifecycle end within moments; past this, the run is over for Stop. */
export const LIFECYCLE_END_GRACE_MS = 10_000;

export interface HangingRuns {
  /** Never started, not sent by this tab, silent for the bound: forget them. */
  drop: string[];
  /** Lifecycle ended, no chat terminal, nothing has settled them yet: mark them not active. */
  settle: string[];
}

type Judged = Pick<RunFold, "runId" | "status" | "lastEventAt" | "terminal" | "lifecycleOutcome" | "inactiveConfirmedAt">;

export function findHangingRuns(runs: Iterable<Judged>, unexpected: ReadonlySet<string>, now: number): HangingRuns {
  const found: HangingRuns = { drop: [], settle: [] };
  for (const run of runs) {
    if (run.status === "queued" && unexpected.has(run.runId) && now - run.lastEventAt >= UNSTARTED_RUN_TTL_MS) found.drop.push(run.runId);
    const end = run.lifecycleOutcome;
    if (end?.kind === "end" && run.terminal === undefined && run.inactiveConfirmedAt === undefined && now - end.at >= LIFECYCLE_END_GRACE_MS) {
      found.settle.push(run.runId);
    }
  }
  return found;
}
