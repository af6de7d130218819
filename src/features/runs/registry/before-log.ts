/**
 * A reload restores each run from this browser's log, but live events and
 * history may fold into a run before that read comes back. What each run
 * folded before its session's log was read is held here, so the run restored
 * from the log folds it again on top and resumes where the log left it,
 * whichever came first. Once a session's log is read nothing more is held.
 */
import { foldRunSignals } from "../model/fold-run";
import type { RunFold } from "../model/fold-state";
import type { RunSignal } from "../model/run-signal";

/** Signals held per run; a run past this keeps what this page folded, and its log is not merged. */
export const MAX_SIGNALS_BEFORE_LOG = 1_000;

export class BeforeLog {
  /** null: too many to hold. */
  private readonly held = new Map<string, RunSignal[] | null>();
  private readonly read = new Set<string>();

  hold(runId: string, sessionKey: string | undefined, signals: readonly RunSignal[]): void {
    if (sessionKey !== undefined && this.read.has(sessionKey)) return;
    const held = this.held.get(runId);
    if (held === null) return;
    const next = held ?? [];
    for (const signal of signals) next.push(signal);
    this.held.set(runId, next.length > MAX_SIGNALS_BEFORE_LOG ? null : next);
  }

  /** The run as the log restored it with what this page folded since; undefined: keep `known`. */
  restore(logged: RunFold, known: RunFold | undefined): RunFold | undefined {
    if (known === undefined) return logged;
    const held = this.held.get(logged.runId);
    return held ? foldRunSignals(logged, held) : undefined;
  }

  sessionRead(sessionKey: string, sessionOf: (runId: string) => string | undefined): void {
    this.read.add(sessionKey);
    for (const runId of this.held.keys()) if (sessionOf(runId) === sessionKey) this.held.delete(runId);
  }

  forget(runId: string): void {
    this.held.delete(runId);
  }
}
