import type { RunTimeline } from "../model/run-timeline";

export interface SessionRunList {
  /** Oldest first, by when each run was created. */
  runs: readonly RunTimeline[];
  /** The newest run that has not ended and that the gateway has not confirmed is over: the one Stop applies to. */
  activeRunId: string | null;
}

export function sessionRunList(runs: readonly RunTimeline[]): SessionRunList {
  const ordered = [...runs].sort((a, b) => a.createdAt - b.createdAt);
  // A run interrupted by a restart never gets a terminal event; history's "not active" is its end for Stop.
  const active = ordered.findLast((run) => run.status !== "ended" && run.inactiveConfirmedAt === undefined);
  return { runs: ordered, activeRunId: active?.runId ?? null };
}
