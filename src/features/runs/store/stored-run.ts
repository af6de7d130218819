/**
 * A run as this browser stores it: the fold state itself (fold-state.ts), so a
 * reload restores the run as it was seen, without folding anything again, and
 * a run still live goes on folding new signals on top of it. What was seen
 * live is stored as coming from this browser's log, which is what it is to
 * whoever reads it back.
 */
import { KeyLog } from "../model/fold-dedupe";
import { foldRunSignals } from "../model/fold-run";
import { createRunFold, type RunFold } from "../model/fold-state";
import type { RunSignal } from "../model/run-signal";
import type { TerminalRecord, TimelineStep } from "../model/run-timeline";
import { StepList } from "../model/step-list";
import { isStoredStep, LIFECYCLE_OUTCOME_SHAPE, matches, PHASE_SHAPE, RESTART_SHAPE, signalProblem, STORED_RUN_SHAPE, TERMINAL_SHAPE, type Shape } from "./stored-shape";

export const STORED_RUN_VERSION = 2;

/** The fold state as plain data: steps as a list, the dedupe log as its recent keys, no infinities (JSON has none). */
export interface StoredRun extends Omit<RunFold, "steps" | "seenKeys" | "seenCount" | "newestSeq" | "textMark" | "timeline"> {
  version: typeof STORED_RUN_VERSION;
  steps: readonly TimelineStep[];
  recentKeys: number[];
  newestSeq: number | null;
  textMark: number | null;
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

function asLogged<T extends { source: string }>(item: T): T {
  return item.source === "live" ? { ...item, source: "local-log" } : item;
}

export function storedRunOf(fold: RunFold): StoredRun {
  return {
    version: STORED_RUN_VERSION,
    runId: fold.runId,
    sessionKey: fold.sessionKey,
    status: fold.status,
    phase: fold.phase,
    createdAt: fold.createdAt,
    startedAt: fold.startedAt,
    endedAt: fold.endedAt,
    lastEventAt: fold.lastEventAt,
    lastEventLabel: fold.lastEventLabel,
    requestedModel: fold.requestedModel,
    model: fold.model,
    text: fold.text,
    thinking: fold.thinking,
    steps: fold.steps.toArray().map(asLogged),
    runningTools: fold.runningTools,
    terminal: fold.terminal && (asLogged(fold.terminal) as TerminalRecord),
    lifecycleOutcome: fold.lifecycleOutcome,
    restart: fold.restart,
    disconnectedAt: fold.disconnectedAt,
    reconnectedAt: fold.reconnectedAt,
    inactiveConfirmedAt: fold.inactiveConfirmedAt,
    quietUntil: fold.quietUntil,
    trigger: fold.trigger,
    signals: fold.signals,
    unknownSignals: fold.unknownSignals,
    extraTerminals: fold.extraTerminals,
    recentKeys: fold.seenKeys.recent(fold.seenCount),
    newestSeq: finiteOrNull(fold.newestSeq),
    textMark: finiteOrNull(fold.textMark),
  };
}

const isOptional = (value: unknown, fieldShape: Shape) => value === undefined || matches(value, fieldShape);
const isNumber = (value: unknown) => typeof value === "number";
const isMark = (value: unknown) => value === null || (typeof value === "number" && Number.isFinite(value));

/** Why a stored run cannot be restored, or undefined when it can. */
export function storedRunProblem(value: unknown): string | undefined {
  if (!matches(value, STORED_RUN_SHAPE)) return "a field of the wrong type";
  if (value.version !== STORED_RUN_VERSION) return `version ${JSON.stringify(value.version)}`;
  if (!matches(value.phase, PHASE_SHAPE)) return "an unknown phase";
  if (!isOptional(value.terminal, TERMINAL_SHAPE)) return "an unreadable terminal event";
  if (!isOptional(value.lifecycleOutcome, LIFECYCLE_OUTCOME_SHAPE)) return "an unreadable lifecycle end";
  if (!isOptional(value.restart, RESTART_SHAPE)) return "an unreadable restart";
  if (!isMark(value.newestSeq) || !isMark(value.textMark)) return "an unreadable seq mark";
  const keys = value.recentKeys;
  if (!Array.isArray(keys) || !keys.every(isNumber)) return "unreadable dedupe keys";
  const steps = value.steps;
  if (!Array.isArray(steps)) return "no step list";
  let previousAt = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < steps.length; index += 1) {
    const step: unknown = steps[index];
    if (!isStoredStep(step)) return `an unreadable step ${JSON.stringify((step as { kind?: unknown } | null)?.kind)}`;
    // The step list is kept in time order; a list that is not would misplace every later step.
    if ((step as TimelineStep).at < previousAt) return "steps out of time order";
    previousAt = (step as TimelineStep).at;
  }
  return undefined;
}

/** The fold state back from a stored run that passed `storedRunProblem`. */
export function restoreStoredRun(stored: StoredRun): RunFold {
  const seenKeys = KeyLog.of(stored.recentKeys);
  // Field for field in copyFold's order, so a restored state has the fold's one shape.
  return {
    runId: stored.runId,
    sessionKey: stored.sessionKey,
    status: stored.status,
    phase: stored.phase,
    createdAt: stored.createdAt,
    startedAt: stored.startedAt,
    endedAt: stored.endedAt,
    lastEventAt: stored.lastEventAt,
    lastEventLabel: stored.lastEventLabel,
    requestedModel: stored.requestedModel,
    model: stored.model,
    text: stored.text,
    thinking: stored.thinking,
    steps: StepList.from(stored.steps),
    runningTools: stored.runningTools,
    terminal: stored.terminal,
    lifecycleOutcome: stored.lifecycleOutcome,
    restart: stored.restart,
    disconnectedAt: stored.disconnectedAt,
    reconnectedAt: stored.reconnectedAt,
    inactiveConfirmedAt: stored.inactiveConfirmedAt,
    quietUntil: stored.quietUntil,
    trigger: stored.trigger,
    signals: stored.signals,
    unknownSignals: stored.unknownSignals,
    extraTerminals: stored.extraTerminals,
    seenKeys,
    seenCount: seenKeys.size,
    newestSeq: stored.newestSeq ?? Number.NEGATIVE_INFINITY,
    textMark: stored.textMark ?? Number.NEGATIVE_INFINITY,
    timeline: undefined,
  };
}

/**
 * A run the first schema stored as signals, folded now: each signal checked
 * first, and one that cannot be folded (an unknown kind, a text that is not
 * text) left out and reported, so the rest of the run still loads.
 */
export function runFromStoredSignals(runId: string, sessionKey: string, signals: readonly unknown[], dropped: (problem: string) => void): RunFold {
  const readable: RunSignal[] = [];
  for (const signal of signals) {
    const problem = signalProblem(signal) ?? ((signal as RunSignal).runId === runId ? undefined : "a signal of another run");
    if (problem === undefined) readable.push({ ...(signal as RunSignal), source: "local-log", sessionKey });
    else dropped(problem);
  }
  return foldRunSignals(createRunFold(runId, { at: readable[0]?.at, sessionKey }), readable);
}
