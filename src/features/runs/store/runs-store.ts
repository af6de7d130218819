/**
 * Live runs of this tab, by run id: the folded timeline of every run the
 * gateway told us about. A vanilla store so the event bridge (outside React)
 * can write to it; actions are named after what happened.
 */
import { createStore, useStore } from "zustand";
import { foldRunSignal } from "../model/fold-run";
import { createRunFold, runTimeline, type RunFold } from "../model/fold-state";
import type { RunSignal } from "../model/run-signal";
import type { RunTimeline } from "../model/run-timeline";

/** Runs kept in memory; older ended runs are dropped (history and the local log still have them). */
const MAX_RUNS = 400;

interface RunsState {
  runs: Record<string, RunTimeline>;
  /** The fold state behind each run; `runs` holds its snapshots. */
  folds: Record<string, RunFold>;
  runSent(runId: string, sessionKey: string, at: number): void;
  signalsReceived(signals: readonly RunSignal[]): void;
}

/** Snapshots of the runs that changed (views read `runs`); older ended runs are dropped from both records. */
function withFolds(state: RunsState, folds: Record<string, RunFold>, changed: Iterable<string>): Pick<RunsState, "runs" | "folds"> {
  const runs = { ...state.runs };
  for (const id of changed) {
    const fold = folds[id];
    if (fold) runs[id] = runTimeline(fold);
  }
  const ids = Object.keys(folds);
  if (ids.length <= MAX_RUNS) return { runs, folds };
  const ended = ids.filter((id) => folds[id]?.status === "ended").sort((a, b) => (folds[a]?.lastEventAt ?? 0) - (folds[b]?.lastEventAt ?? 0));
  for (const id of ended.slice(0, ids.length - MAX_RUNS)) {
    delete folds[id];
    delete runs[id];
  }
  return { runs, folds };
}

export const runsStore = createStore<RunsState>()((set) => ({
  runs: {},
  folds: {},
  runSent(runId, sessionKey, at) {
    set((state) => (state.folds[runId] ? state : withFolds(state, { ...state.folds, [runId]: createRunFold(runId, { at, sessionKey }) }, [runId])));
  },
  signalsReceived(signals) {
    if (signals.length === 0) return;
    set((state) => {
      // One copy of the record per batch, not per signal: replays after a reload fold thousands at once.
      let folds: Record<string, RunFold> | null = null;
      const changed = new Set<string>();
      for (const signal of signals) {
        const known = (folds ?? state.folds)[signal.runId];
        const next = foldRunSignal(known ?? createRunFold(signal.runId, { at: signal.at, sessionKey: signal.sessionKey }), signal);
        if (next === known) continue;
        folds ??= { ...state.folds };
        folds[signal.runId] = next;
        changed.add(signal.runId);
      }
      return folds ? withFolds(state, folds, changed) : state;
    });
  },
}));

export function useRun(runId: string | null): RunTimeline | undefined {
  return useStore(runsStore, (state) => (runId ? state.runs[runId] : undefined));
}

export function openRunIds(sessionKey?: string): string[] {
  return Object.values(runsStore.getState().runs)
    .filter((run) => run.status !== "ended" && (sessionKey === undefined || run.sessionKey === sessionKey))
    .map((run) => run.runId);
}
