import { foldRunSignal, foldRunSignals } from "../model/fold-run";
import { createRunFold, type RunFold } from "../model/fold-state";
import type { RunSignal } from "../model/run-signal";

/**
 * Folds signals into the runs they name, in `runs`; returns the runs that changed. A replay
 * holds long stretches of one run's signals: each stretch folds as one batch (one state copy).
 */
export function foldIntoRuns(
  runs: Map<string, RunFold>,
  signals: readonly RunSignal[],
  folded: (runId: string, sessionKey: string | undefined, stretch: readonly RunSignal[]) => void,
): Set<string> {
  const touched = new Set<string>();
  for (let start = 0; start < signals.length; ) {
    const first = signals[start] as RunSignal;
    let end = start + 1;
    while (end < signals.length && signals[end]?.runId === first.runId) end += 1;
    const known = runs.get(first.runId);
    const base = known ?? createRunFold(first.runId, { at: first.at, sessionKey: first.sessionKey });
    const stretch = end - start === 1 ? [first] : signals.slice(start, end);
    const next = stretch.length === 1 ? foldRunSignal(base, first) : foldRunSignals(base, stretch);
    start = end;
    folded(first.runId, next.sessionKey, stretch);
    if (next === known) continue;
    runs.set(first.runId, next);
    touched.add(first.runId);
  }
  return touched;
}
