import type { RunTimeline } from "../model/run-timeline";

export interface SessionRunList {
  /** Oldest first, by when each run was created. */
  runs: readonly RunTimeline[];
  /** The newest run that has not ended: the one Stop applies to. */
  activeRunId: string | null;
}

export function sessionRunList(runs: readonly RunTimeline[]): SessionRunList {
  const ordered = [...runs].sort((a, b) => a.createdAt - b.createdAt);
  const active = ordered.findLast((run) => run.status !== "ended");
  return { runs: ordered, activeRunId: active?.runId ?? null };
}
