import type { Turn } from "./transcript";

export interface RunOnRecord {
  runId: string;
  createdAt: number;
}

/**
 * Turns for runs the page knows of that history does not list yet (started in
 * another tab or client, or still being written), after the transcript's own.
 * Runs from before the session was reset (`since`) belong to the old transcript.
 */
export function withRunsNotInHistory(turns: readonly Turn[], runs: readonly RunOnRecord[], since?: number): Turn[] {
  const shown = new Set(turns.flatMap((turn) => [turn.runId, ...(turn.answeredBy ?? [])]));
  const extra = runs
    .filter((run) => !shown.has(run.runId) && (since === undefined || run.createdAt >= since))
    .map((run): Turn => ({ key: run.runId, runId: run.runId, user: null, replyText: "", at: run.createdAt }));
  return extra.length === 0 ? [...turns] : [...turns, ...extra];
}
