/**
 * When a run rebuilt from history ended. History rows say when each message was made, not when the run ended: a
 * turn's last row is its last reply's start (when the model call that wrote it began), which can be seconds before
 * the end live events showed. The gateway's record of the session (`sessionInfo`) gives the end of the session's
 * latest run (`lastRunId`, `startedAt`, `endedAt`; every capture's history read has them); any other run is only
 * known to have ended at or after its last row, and says so.
 */
import { isRecord, readNumber, readText } from "@/lib/read-untrusted";
import type { RunTimeline } from "./run-timeline";

export interface LastRunEnd {
  runId: string;
  /** On the gateway's clock. */
  startedAt?: number;
  endedAt: number;
}

/** The session's latest run and when it ended, when the gateway says it has ended. */
export function lastRunEnd(sessionInfo: unknown): LastRunEnd | undefined {
  if (!isRecord(sessionInfo)) return undefined;
  const runId = readText(sessionInfo, "lastRunId");
  const endedAt = readNumber(sessionInfo, "endedAt");
  const startedAt = readNumber(sessionInfo, "startedAt");
  if (runId === undefined || endedAt === undefined || readText(sessionInfo, "status") === "running") return undefined;
  // A new run has started (its start is after the end on record): the end belongs to the one before.
  if (startedAt !== undefined && endedAt < startedAt) return undefined;
  return { runId, startedAt, endedAt };
}

/** An ended run from history (on the browser's clock, `offset` behind the gateway's) with the end history vouches for. */
export function withHistoryEnd(run: RunTimeline, last: LastRunEnd | undefined, offset: number): RunTimeline {
  if (run.status !== "ended") return run;
  const keptUntil = run.endedAt ?? run.lastEventAt;
  const endedAt = last?.runId === run.runId ? last.endedAt - offset : undefined;
  // An end before the run's own rows is not this run's: the rows are what history is sure of.
  if (endedAt !== undefined && endedAt >= keptUntil) {
    // A run with no user row in view (an announce run) begins at its first reply row, after the gateway started it.
    const startedAt = last?.startedAt !== undefined ? last.startedAt - offset : undefined;
    const createdAt = startedAt !== undefined ? Math.min(run.createdAt, startedAt) : run.createdAt;
    return { ...run, createdAt, endedAt, lastEventAt: Math.max(run.lastEventAt, endedAt) };
  }
  return { ...run, endIsLowerBound: true };
}
