import type { Turn } from "./transcript";

export interface RunOnRecord {
  runId: string;
  createdAt: number;
}

/**
 * Turns for runs the page knows of that history does not list yet (started in
 * another tab or client, or still being written), after the transcript's own.
 * Runs from before the session was reset (`since`) belong to the old transcript.
 *
 * A message queued behind a running reply is answered by a run of the gateway's own id that it does not name
 * (steer-followup-mode.jsonl): the first such run to start after it, while it waits (`waits`), is shown under it from
 * its start, not as a turn of its own (history links them once it holds the answer).
 */
export function withRunsNotInHistory(turns: readonly Turn[], runs: readonly RunOnRecord[], since?: number, waits: (runId: string) => boolean = () => false): Turn[] {
  const shown = new Set(turns.flatMap((turn) => [turn.runId, ...(turn.answeredBy ?? [])]));
  const out = [...turns];
  const claimed = new Set<number>();
  for (const run of runs) {
    if (shown.has(run.runId) || (since !== undefined && run.createdAt < since)) continue;
    const waiting = out.findIndex((turn, index) => !claimed.has(index) && turn.runId !== null && !turn.answeredBy?.length && !turn.replyText && turn.at <= run.createdAt && waits(turn.runId));
    const turn = out[waiting];
    if (turn) {
      claimed.add(waiting);
      out[waiting] = { ...turn, answeredBy: [run.runId] };
      continue;
    }
    out.push({ key: run.runId, runId: run.runId, user: null, replyText: "", at: run.createdAt });
  }
  return out;
}
