/**
 * What the run fold carries from one signal to the next, and the snapshot views
 * read. The fold state is immutable from the outside; folding one signal makes
 * exactly one new state object (a fixed-shape copy that the fold's parts edit
 * before anyone sees it), shares the step list and the dedupe log with the
 * previous state, and never copies either. A `RunTimeline` with plain arrays is
 * built only when someone reads it, once per state.
 */
import { KeyLog } from "./fold-dedupe";
import type { ModelRef } from "./run-signal";
import type { LifecycleOutcome, RestartEvidence, RunPhase, RunStatus, RunTimeline, TerminalRecord } from "./run-timeline";
import { StepList } from "./step-list";

export interface RunFold {
  readonly runId: string;
  readonly sessionKey: string | undefined;
  readonly status: RunStatus;
  readonly phase: RunPhase;
  readonly createdAt: number;
  readonly startedAt: number | undefined;
  readonly endedAt: number | undefined;
  readonly lastEventAt: number;
  readonly lastEventLabel: string;
  readonly requestedModel: ModelRef | undefined;
  readonly model: ModelRef | undefined;
  readonly text: string;
  readonly thinking: string;
  readonly steps: StepList;
  /** Tool steps still running: with none, no step needs to be searched for the phase. */
  readonly runningTools: number;
  readonly terminal: TerminalRecord | undefined;
  readonly lifecycleOutcome: LifecycleOutcome | undefined;
  readonly restart: RestartEvidence | undefined;
  readonly disconnectedAt: number | undefined;
  readonly reconnectedAt: number | undefined;
  readonly inactiveConfirmedAt: number | undefined;
  readonly quietUntil: number | undefined;
  readonly trigger: RunTimeline["trigger"];
  readonly signals: number;
  readonly unknownSignals: number;
  readonly extraTerminals: number;
  /** The `kind:runSeq` keys folded so far; this state sees the first `seenCount`. */
  readonly seenKeys: KeyLog;
  readonly seenCount: number;
  /** The highest per-run seq folded: a signal beyond it cannot be a re-delivery. */
  readonly newestSeq: number;
  /** The runSeq (or time) of the text currently shown, so older deltas never win. */
  readonly textMark: number;
  /**
   * The snapshot of this state, made when first read (runTimeline) and kept on the state
   * itself: a WeakMap beside the states cost a reload a tenth of its time in garbage
   * collection. A state is never spread, so a copy never carries it (copyFold resets it).
   */
  timeline: RunTimeline | undefined;
}

/**
 * A state copied field by field (object spread is slow in Node 20). Every state is made with
 * these fields in this order (here, createRunFold, restoreStoredRun), so all share one shape.
 */
export function copyFold(from: RunFold): RunDraft {
  return {
    runId: from.runId,
    sessionKey: from.sessionKey,
    status: from.status,
    phase: from.phase,
    createdAt: from.createdAt,
    startedAt: from.startedAt,
    endedAt: from.endedAt,
    lastEventAt: from.lastEventAt,
    lastEventLabel: from.lastEventLabel,
    requestedModel: from.requestedModel,
    model: from.model,
    text: from.text,
    thinking: from.thinking,
    steps: from.steps,
    runningTools: from.runningTools,
    terminal: from.terminal,
    lifecycleOutcome: from.lifecycleOutcome,
    restart: from.restart,
    disconnectedAt: from.disconnectedAt,
    reconnectedAt: from.reconnectedAt,
    inactiveConfirmedAt: from.inactiveConfirmedAt,
    quietUntil: from.quietUntil,
    trigger: from.trigger,
    signals: from.signals,
    unknownSignals: from.unknownSignals,
    extraTerminals: from.extraTerminals,
    seenKeys: from.seenKeys,
    seenCount: from.seenCount,
    newestSeq: from.newestSeq,
    textMark: from.textMark,
    timeline: undefined,
  };
}

/** A state while one signal is folded into it: a fresh copy no one else holds yet. */
export type RunDraft = { -readonly [K in keyof RunFold]: RunFold[K] };

export interface CreateRunInit {
  at?: number;
  sessionKey?: string;
  trigger?: RunTimeline["trigger"];
}

export function createRunFold(runId: string, init: CreateRunInit = {}): RunFold {
  const at = init.at ?? 0;
  return {
    runId,
    sessionKey: init.sessionKey,
    status: "queued",
    phase: { kind: "queued" },
    createdAt: at,
    startedAt: undefined,
    endedAt: undefined,
    lastEventAt: at,
    lastEventLabel: "created",
    requestedModel: undefined,
    model: undefined,
    text: "",
    thinking: "",
    steps: StepList.empty(),
    runningTools: 0,
    terminal: undefined,
    lifecycleOutcome: undefined,
    restart: undefined,
    disconnectedAt: undefined,
    reconnectedAt: undefined,
    inactiveConfirmedAt: undefined,
    quietUntil: undefined,
    trigger: init.trigger,
    signals: 0,
    unknownSignals: 0,
    extraTerminals: 0,
    seenKeys: KeyLog.empty(),
    seenCount: 0,
    newestSeq: Number.NEGATIVE_INFINITY,
    textMark: Number.NEGATIVE_INFINITY,
    timeline: undefined,
  };
}


/** The run as views read it; the same object for the same fold state. */
export function runTimeline(fold: RunFold): RunTimeline {
  let timeline = fold.timeline;
  if (timeline === undefined) {
    timeline = {
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
      steps: fold.steps.toArray(),
      terminal: fold.terminal,
      lifecycleOutcome: fold.lifecycleOutcome,
      restart: fold.restart,
      disconnectedAt: fold.disconnectedAt,
      reconnectedAt: fold.reconnectedAt,
      inactiveConfirmedAt: fold.inactiveConfirmedAt,
      quietUntil: fold.quietUntil,
      trigger: fold.trigger,
      stats: { signals: fold.signals, unknown: fold.unknownSignals, extraTerminals: fold.extraTerminals },
    };
    fold.timeline = timeline;
  }
  return timeline;
}
