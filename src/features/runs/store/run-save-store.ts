/**
 * Whether each run this tab logged is saved in this browser. A run whose last
 * write failed lives only in this tab until a later write succeeds; its turn
 * says so, because a reload would lose what only this browser saw.
 */
import { createStore } from "zustand";
import type { SaveResult } from "./run-log";

export type NotSaved = Extract<SaveResult, { status: "not-saved" }>;

interface RunSaveState {
  /** `${gatewayScope}|${runId}` → why its last write failed; a saved run has no entry. */
  notSaved: ReadonlyMap<string, NotSaved>;
  runsSaveResult(gatewayScope: string, runIds: readonly string[], result: SaveResult): void;
}

const keyOf = (gatewayScope: string, runId: string) => `${gatewayScope}|${runId}`;

export const runSaveStore = createStore<RunSaveState>()((set) => ({
  notSaved: new Map(),
  runsSaveResult: (gatewayScope, runIds, result) =>
    set((state) => {
      const notSaved = new Map(state.notSaved);
      for (const runId of runIds) {
        if (result.status === "saved") notSaved.delete(keyOf(gatewayScope, runId));
        else notSaved.set(keyOf(gatewayScope, runId), result);
      }
      return { notSaved };
    }),
}));

export function notSavedOf(state: Pick<RunSaveState, "notSaved">, gatewayScope: string, runId: string): NotSaved | undefined {
  return state.notSaved.get(keyOf(gatewayScope, runId));
}
