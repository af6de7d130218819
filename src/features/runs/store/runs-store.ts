/**
 * Live runs of this tab, by run id: the folded timeline of every run the
 * gateway told us about. A vanilla store so the event bridge (outside React)
 * can write to it; actions are named after what happened.
 */
import { createStore, useStore } from "zustand";
import { createRun, foldRunSignal } from "../model/fold-run";
import type { RunSignal } from "../model/run-signal";
import type { RunTimeline } from "../model/run-timeline";

/** Runs kept in memory; older ended runs are dropped (history and the local log still have them). */
const MAX_RUNS = 400;

interface RunsState {
  runs: Record<string, RunTimeline>;
  runSent(runId: string, sessionKey: string, at: number): void;
  signalsReceived(signals: readonly RunSignal[]): void;
}

function prune(runs: Record<string, RunTimeline>): Record<string, RunTimeline> {
  const ids = Object.keys(runs);
  if (ids.length <= MAX_RUNS) return runs;
  const ended = ids.filter((id) => runs[id]?.status === "ended").sort((a, b) => (runs[a]?.lastEventAt ?? 0) - (runs[b]?.lastEventAt ?? 0));
  const next = { ...runs };
  for (const id of ended.slice(0, ids.length - MAX_RUNS)) delete next[id];
  return next;
}

export const runsStore = createStore<RunsState>()((set) => ({
  runs: {},
  runSent(runId, sessionKey, at) {
    set((state) => (state.runs[runId] ? state : { runs: prune({ ...state.runs, [runId]: createRun(runId, { at, sessionKey }) }) }));
  },
  signalsReceived(signals) {
    if (signals.length === 0) return;
    set((state) => {
      // One copy of the record per batch, not per signal: replays after a reload fold thousands at once.
      let runs: Record<string, RunTimeline> | null = null;
      for (const signal of signals) {
        const known = (runs ?? state.runs)[signal.runId];
        const next = foldRunSignal(known ?? createRun(signal.runId, { at: signal.at, sessionKey: signal.sessionKey }), signal);
        if (next === known) continue;
        runs ??= { ...state.runs };
        runs[signal.runId] = next;
      }
      return runs ? { runs: prune(runs) } : state;
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
