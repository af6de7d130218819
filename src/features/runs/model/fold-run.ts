/**
 * The run fold: RunTimeline × RunSignal → RunTimeline, pure.
 *
 * It must give the same timeline whatever order, duplication or source the
 * signals come in, because live events, local-log replays and history rebuilds
 * all feed it:
 * - duplicates: a bounded ring of `kind:runSeq` keys drops re-deliveries, and
 *   every merge below is idempotent for signals without a seq;
 * - order: steps are placed by time, text only moves forward (per-run seq),
 *   and connection events count only when they happened before the run ended;
 * - the gateway's second terminal `error` only adds detail to the first.
 * A signal that changes nothing returns the same object, so React and the
 * store can compare by reference.
 */
import { foldConnectionSignal } from "./fold-connection";
import { foldToolItem, foldToolSignal } from "./fold-tool";
import { parseHttpStatus, parseRetryAfterMs } from "./parse-error-text";
import { modelName, type ModelRef, type RunSignal } from "./run-signal";
import type { LifecycleEvent, LifecycleStep, RunPhase, RunTimeline, TerminalRecord } from "./run-timeline";
import { findStep, putIfAbsent, putStep } from "./step-list";

/** Enough to catch re-deliveries and overlapping replays; older copies are caught by the idempotent merges. */
const RECENT_KEYS = 256;
const MAX_FOLLOW_UPS = 4;
/** Every signal kind needs a code; the Record type makes a new kind a compile error here. */
const KIND_CODE: Record<RunSignal["kind"], number> = {
  queued: 0,
  status: 1,
  "lifecycle-start": 2,
  "model-selected": 3,
  "lifecycle-finishing": 4,
  "lifecycle-end": 5,
  "lifecycle-error": 6,
  fallback: 7,
  "fallback-cleared": 8,
  "fallback-step": 9,
  retry: 10,
  "assistant-text": 11,
  "thinking-text": 12,
  "tool-start": 13,
  "tool-update": 14,
  "tool-result": 15,
  item: 16,
  "command-output": 17,
  "chat-final": 18,
  "chat-aborted": 19,
  "chat-error": 20,
  disconnected: 21,
  reconnected: 22,
  "gateway-restarting": 23,
  "gateway-restarted": 24,
  "run-inactive": 25,
  "seq-gap": 26,
  activity: 27,
  unknown: 28,
};
const KIND_COUNT = Object.keys(KIND_CODE).length;
const NOT_RUN_ACTIVITY: ReadonlySet<RunSignal["kind"]> = new Set([
  "disconnected",
  "reconnected",
  "gateway-restarting",
  "gateway-restarted",
  "run-inactive",
]);

export interface CreateRunInit {
  at?: number;
  sessionKey?: string;
  trigger?: RunTimeline["trigger"];
}

export function createRun(runId: string, init: CreateRunInit = {}): RunTimeline {
  const at = init.at ?? 0;
  return {
    runId,
    sessionKey: init.sessionKey,
    status: "queued",
    phase: { kind: "queued" },
    createdAt: at,
    lastEventAt: at,
    lastEventLabel: "created",
    text: "",
    thinking: "",
    steps: [],
    trigger: init.trigger,
    stats: { signals: 0, unknown: 0, extraTerminals: 0 },
    recentKeys: [],
    textMark: Number.NEGATIVE_INFINITY,
  };
}

export function foldRunSignal(run: RunTimeline, signal: RunSignal): RunTimeline {
  if (signal.runId !== run.runId) return run;
  const key = dedupeKey(signal);
  if (key !== undefined && run.recentKeys.includes(key)) return run;
  const applied = apply(run, signal);
  // A keyed signal that changed nothing still proves the run is alive.
  if (applied === run && key === undefined) return run;
  return touch(applied, signal, key);
}

/** Folds many signals; the store uses it for replays, tests for captures. */
export function foldRunSignals(run: RunTimeline, signals: Iterable<RunSignal>): RunTimeline {
  let next = run;
  for (const signal of signals) next = foldRunSignal(next, signal);
  return next;
}

/**
 * `kind:runSeq` as one number (runSeq × kind count + kind code): long runs
 * check every signal against the ring, and numbers compare far faster than strings.
 */
function dedupeKey(signal: RunSignal): number | undefined {
  // `chat` status retry and `agent` run_status retrying share a seq but carry different fields: merge, do not drop.
  if (signal.runSeq === undefined || signal.kind === "retry") return undefined;
  return signal.runSeq * KIND_COUNT + KIND_CODE[signal.kind];
}

function touch(run: RunTimeline, signal: RunSignal, key: number | undefined): RunTimeline {
  let recentKeys = run.recentKeys;
  if (key !== undefined) {
    const kept = recentKeys.slice(recentKeys.length >= RECENT_KEYS ? 1 : 0);
    kept.push(key);
    recentKeys = kept;
  }
  // Connection news is not run activity; counting it would hide a silent run behind a reconnect.
  const newest = signal.at >= run.lastEventAt && !NOT_RUN_ACTIVITY.has(signal.kind);
  return {
    ...run,
    sessionKey: run.sessionKey ?? signal.sessionKey,
    createdAt: run.stats.signals === 0 && run.createdAt === 0 ? signal.at : Math.min(run.createdAt, signal.at),
    lastEventAt: newest ? signal.at : run.lastEventAt,
    lastEventLabel: newest ? signal.kind : run.lastEventLabel,
    stats: { ...run.stats, signals: run.stats.signals + 1 },
    recentKeys,
  };
}

function apply(run: RunTimeline, signal: RunSignal): RunTimeline {
  switch (signal.kind) {
    case "queued":
      return addLifecycleStep(run, signal, "queued", "queued");
    case "status":
      return running(run, preparingPhase(signal.phase, run));
    case "lifecycle-start":
      return lifecycleStart(run, signal);
    case "model-selected":
      return modelSelected(run, signal, { provider: signal.provider, model: signal.model });
    case "lifecycle-finishing":
      return signal.error === undefined
        ? addLifecycleStep(running(run, { kind: "finishing" }), signal, "finishing", "finishing")
        : providerError(run, signal);
    case "lifecycle-end":
      return lifecycleEnd(run, signal);
    case "lifecycle-error":
      return lifecycleError(run, signal);
    case "fallback":
      return fallback(run, signal);
    case "fallback-cleared":
      return signal.to ? { ...run, model: signal.to } : run;
    case "fallback-step":
      return fallbackStep(run, signal);
    case "retry":
      return retry(run, signal);
    case "assistant-text":
      return assistantText(run, signal);
    case "thinking-text":
      return thinkingText(run, signal);
    case "tool-start":
    case "tool-update":
    case "tool-result":
    case "command-output":
      return foldToolSignal(run, signal);
    case "item":
      return signal.itemKind === "tool" ? foldToolItem(run, signal) : note(run, signal);
    case "chat-final":
    case "chat-aborted":
    case "chat-error":
      return chatTerminal(run, signal);
    case "disconnected":
    case "reconnected":
    case "gateway-restarting":
    case "gateway-restarted":
      return foldConnectionSignal(run, signal);
    case "run-inactive":
      return run.inactiveConfirmedAt !== undefined && run.inactiveConfirmedAt <= signal.at
        ? run
        : { ...run, inactiveConfirmedAt: signal.at };
    case "seq-gap":
      return seqGap(run, signal);
    case "activity":
      return run;
    case "unknown":
      return { ...run, stats: { ...run.stats, unknown: run.stats.unknown + 1 } };
  }
}

// ---------------------------------------------------------------------------
// Status, phase and lifecycle

/** Lifecycle moments appear once each; repeats (one per retry attempt) add nothing. */
function addLifecycleStep(
  run: RunTimeline,
  signal: RunSignal,
  event: LifecycleEvent,
  label: string,
  model?: ModelRef,
  id = `lifecycle:${event}`,
): RunTimeline {
  if (findStep(run.steps, id) >= 0) return run;
  const step: LifecycleStep = { id, kind: "lifecycle", at: signal.at, source: signal.source, event, label, model };
  return putStep(run, step, -1);
}

function running(run: RunTimeline, phase: RunPhase): RunTimeline {
  if (run.status === "ended") return run;
  if (run.status === "running" && samePhase(run.phase, phase)) return run;
  return { ...run, status: "running", phase };
}

function samePhase(a: RunPhase, b: RunPhase): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function preparingPhase(phase: string, run: RunTimeline): RunPhase {
  if (phase === "starting_model") return { kind: "starting-model", model: run.model };
  return { kind: "preparing", step: phase.replace(/_/g, " ") };
}

function lifecycleStart(run: RunTimeline, signal: Extract<RunSignal, { kind: "lifecycle-start" }>): RunTimeline {
  let next = running(run, { kind: "starting-model", model: run.model });
  if (next.startedAt === undefined || signal.at < next.startedAt) next = { ...next, startedAt: signal.at };
  // A new attempt after a tentative lifecycle error means the gateway is still trying.
  if (next.lifecycleOutcome?.kind === "error" && next.lifecycleOutcome.at < signal.at) {
    next = { ...next, lifecycleOutcome: undefined };
  }
  return addLifecycleStep(next, signal, "started", "started");
}

function modelSelected(run: RunTimeline, signal: RunSignal, model: ModelRef): RunTimeline {
  const name = modelName(model);
  let next: RunTimeline = run;
  if (run.requestedModel === undefined) next = { ...next, requestedModel: model };
  if (run.model === undefined || modelName(run.model) !== name) next = { ...next, model };
  if (next.phase.kind === "starting-model" && next.status !== "ended" && !samePhase(next.phase, { kind: "starting-model", model })) {
    next = { ...next, phase: { kind: "starting-model", model } };
  }
  return addLifecycleStep(next, signal, "model-selected", `model ${name}`, model, `lifecycle:model:${name}`);
}

function lifecycleEnd(run: RunTimeline, signal: Extract<RunSignal, { kind: "lifecycle-end" }>): RunTimeline {
  let next = run;
  if (next.lifecycleOutcome?.kind !== "end") {
    next = {
      ...next,
      lifecycleOutcome: {
        kind: "end",
        at: signal.at,
        aborted: signal.aborted,
        stopReason: signal.stopReason,
        status: signal.status,
      },
    };
  }
  if (next.text === "" && signal.replyText) next = { ...next, text: signal.replyText };
  next = running(next, { kind: "finishing" });
  const event: LifecycleEvent = signal.aborted ? "aborted" : "ended";
  return addLifecycleStep(next, signal, event, signal.aborted ? "stopped" : "ended", undefined, "lifecycle:ended");
}

function lifecycleError(run: RunTimeline, signal: Extract<RunSignal, { kind: "lifecycle-error" }>): RunTimeline {
  if (run.lifecycleOutcome !== undefined) return run;
  return running(
    {
      ...run,
      lifecycleOutcome: {
        kind: "error",
        at: signal.at,
        aborted: signal.aborted,
        stopReason: signal.stopReason,
        error: signal.error,
        observation: signal.observation,
        timeoutPhase: signal.timeoutPhase,
      },
    },
    { kind: "finishing" },
  );
}

function providerError(run: RunTimeline, signal: Extract<RunSignal, { kind: "lifecycle-finishing" }>): RunTimeline {
  const message = signal.error ?? "model request failed";
  const observation = signal.observation;
  return putIfAbsent(run, {
    id: `provider-error:${signal.runSeq ?? signal.at}`,
    kind: "provider-error",
    at: signal.at,
    source: signal.source,
    provider: observation?.provider ?? run.model?.provider,
    model: observation?.model ?? run.model?.model,
    httpStatus: observation?.httpStatus ?? parseHttpStatus(message),
    retryAfterMs: parseRetryAfterMs(message),
    failoverReason: observation?.failoverReason,
    message,
  });
}

// ---------------------------------------------------------------------------
// Retries and fallbacks

function retry(run: RunTimeline, signal: Extract<RunSignal, { kind: "retry" }>): RunTimeline {
  const id = `retry:${signal.attempt ?? signal.at}`;
  const index = findStep(run.steps, id);
  const existing = index >= 0 ? run.steps[index] : undefined;
  const base = existing?.kind === "retry" ? existing : undefined;
  const step = {
    id,
    kind: "retry" as const,
    at: base ? Math.min(base.at, signal.at) : signal.at,
    source: base?.source ?? signal.source,
    attempt: base?.attempt ?? signal.attempt,
    maxAttempts: base?.maxAttempts ?? signal.maxAttempts,
    reason: base?.reason ?? signal.reason,
    delayMs: base?.delayMs ?? signal.delayMs,
    message: base?.message ?? signal.message,
  };
  if (base && JSON.stringify(base) === JSON.stringify(step)) return run;
  let next = putStep(run, step, index);
  if (step.delayMs !== undefined) {
    const quietUntil = step.at + step.delayMs;
    if (next.quietUntil === undefined || quietUntil > next.quietUntil) next = { ...next, quietUntil };
  }
  return running(next, { kind: "retrying", attempt: step.attempt, maxAttempts: step.maxAttempts, reason: step.reason });
}

function fallback(run: RunTimeline, signal: Extract<RunSignal, { kind: "fallback" }>): RunTimeline {
  const from = signal.from ? modelName(signal.from) : undefined;
  const to = signal.to ? modelName(signal.to) : undefined;
  let next = putIfAbsent(run, {
    id: `fallback:${from ?? "?"}->${to ?? "?"}`,
    kind: "fallback",
    at: signal.at,
    source: signal.source,
    from,
    to,
    reason: signal.reason,
    outcome: "succeeded",
    attempts: signal.attempts,
  });
  if (signal.to && (next.model === undefined || modelName(next.model) !== to)) next = { ...next, model: signal.to };
  return running(next, { kind: "falling-back", to });
}

function fallbackStep(run: RunTimeline, signal: Extract<RunSignal, { kind: "fallback-step" }>): RunTimeline {
  const next = putIfAbsent(run, {
    id: `fallback-step:${signal.position ?? "?"}:${signal.fromModel ?? "?"}:${signal.outcome ?? "?"}`,
    kind: "fallback",
    at: signal.at,
    source: signal.source,
    from: signal.fromModel,
    to: signal.toModel,
    reason: signal.reason,
    detail: signal.detail,
    outcome: signal.outcome,
    attempts: [],
  });
  return signal.toModel && signal.outcome !== "chain_exhausted" ? running(next, { kind: "falling-back", to: signal.toModel }) : next;
}

// ---------------------------------------------------------------------------
// Assistant text and thinking

/** Ordering mark: the per-run seq when present (shared by chat and agent events), else time. */
function mark(signal: RunSignal): number {
  return signal.runSeq ?? signal.at;
}

function nextText(current: string, signal: { text?: string; delta?: string; replace?: boolean }): string {
  if (signal.text !== undefined) return signal.text;
  if (signal.delta === undefined) return current;
  return signal.replace ? signal.delta : current + signal.delta;
}

function assistantText(run: RunTimeline, signal: Extract<RunSignal, { kind: "assistant-text" }>): RunTimeline {
  // After the terminal event the final message is authoritative; late deltas (e.g. the abort's
  // `replace:""`) must not blank it.
  if (run.terminal !== undefined) return run;
  const order = mark(signal);
  if (order < run.textMark) return run;
  const text = nextText(run.text, signal);
  let next: RunTimeline = text === run.text && order === run.textMark ? run : { ...run, text, textMark: order };
  next = upsertSegment(next, signal, "text", text);
  return running(next, { kind: "writing-reply" });
}

function thinkingText(run: RunTimeline, signal: Extract<RunSignal, { kind: "thinking-text" }>): RunTimeline {
  const text = nextText(run.thinking, signal);
  const next = text === run.thinking ? run : { ...run, thinking: text };
  return running(upsertSegment(next, signal, "thinking", text), { kind: "thinking" });
}

/**
 * Text segments are split by tool calls. `agent` events name their segment
 * (itemId); `chat` deltas do not, so they join the newest segment unless a
 * tool ran after it, and a named event adopts such an unnamed segment.
 */
function upsertSegment(run: RunTimeline, signal: RunSignal & { segmentId?: string }, kind: "text" | "thinking", text: string): RunTimeline {
  if (text === "") return run;
  const steps = run.steps;
  let index = signal.segmentId === undefined ? -1 : findStep(steps, `${kind}:${signal.segmentId}`);
  if (index < 0) {
    for (let cursor = steps.length - 1; cursor >= 0; cursor -= 1) {
      const step = steps[cursor];
      if (step?.kind === "tool") break;
      if (step?.kind === kind && (signal.segmentId === undefined || step.segmentId.startsWith("unnamed:"))) {
        index = cursor;
        break;
      }
    }
  }
  const existing = index >= 0 ? steps[index] : undefined;
  if (existing && (existing.kind === "text" || existing.kind === "thinking")) {
    const segmentId = existing.segmentId.startsWith("unnamed:") && signal.segmentId ? signal.segmentId : existing.segmentId;
    if (existing.text === text && segmentId === existing.segmentId) return run;
    return putStep(run, { ...existing, id: `${kind}:${segmentId}`, segmentId, text }, index);
  }
  const segmentId = signal.segmentId ?? `unnamed:${signal.at}`;
  return putStep(run, { id: `${kind}:${segmentId}`, kind, at: signal.at, source: signal.source, segmentId, text });
}

function note(run: RunTimeline, signal: Extract<RunSignal, { kind: "item" }>): RunTimeline {
  const id = `note:${signal.itemId}`;
  const index = findStep(run.steps, id);
  const existing = index >= 0 ? run.steps[index] : undefined;
  const base = existing?.kind === "note" ? existing : undefined;
  const step = {
    id,
    kind: "note" as const,
    at: base?.at ?? signal.at,
    source: base?.source ?? signal.source,
    itemKind: signal.itemKind,
    title: signal.title ?? base?.title,
    text: signal.progressText ?? base?.text,
    endedAt: signal.phase === "end" ? signal.at : base?.endedAt,
  };
  if (base && JSON.stringify(base) === JSON.stringify(step)) return run;
  return putStep(run, step, index);
}

// ---------------------------------------------------------------------------
// Terminal chat events

type TerminalSignal = Extract<RunSignal, { kind: "chat-final" | "chat-aborted" | "chat-error" }>;

function terminalKind(signal: TerminalSignal): TerminalRecord["kind"] {
  return signal.kind === "chat-final" ? "final" : signal.kind === "chat-aborted" ? "aborted" : "error";
}

function chatTerminal(run: RunTimeline, signal: TerminalSignal): RunTimeline {
  const existing = run.terminal;
  if (existing !== undefined) return mergeTerminal(run, existing, signal);
  const kind = terminalKind(signal);
  const terminal: TerminalRecord = {
    kind,
    at: signal.at,
    source: signal.source,
    stopReason: signal.stopReason,
    errorKind: signal.kind === "chat-error" ? signal.errorKind : undefined,
    errorDetail: signal.kind === "chat-error" ? signal.errorDetail : undefined,
    errorMessage: signal.kind === "chat-final" ? undefined : signal.errorMessage,
    followUps: [],
  };
  const text = signal.kind === "chat-error" ? undefined : signal.text;
  const next: RunTimeline = {
    ...run,
    status: "ended",
    phase: { kind: "ended" },
    endedAt: signal.at,
    terminal,
    text: text !== undefined && text !== "" ? text : run.text,
    textMark: Number.POSITIVE_INFINITY,
  };
  const event: LifecycleEvent = kind === "final" ? "completed" : kind === "aborted" ? "aborted" : "failed";
  const index = findStep(next.steps, "lifecycle:ended");
  const step: LifecycleStep = {
    id: "lifecycle:ended",
    kind: "lifecycle",
    at: index >= 0 ? Math.min(next.steps[index]?.at ?? signal.at, signal.at) : signal.at,
    source: signal.source,
    event,
    label: event === "completed" ? "completed" : event === "aborted" ? "stopped" : "failed",
  };
  return putStep(next, step);
}

/**
 * A failed run gets two terminal `error` events (the second with `seq:1`, no
 * errorKind); whichever comes first is the outcome and the other only fills in
 * what it lacked, so the user sees one failure.
 */
function mergeTerminal(run: RunTimeline, existing: TerminalRecord, signal: TerminalSignal): RunTimeline {
  const message = signal.kind === "chat-final" ? undefined : signal.errorMessage;
  if (message === undefined ? existing.kind === terminalKind(signal) : message === existing.errorMessage || existing.followUps.includes(message)) {
    return run;
  }
  const detail = signal.kind === "chat-error" ? signal : undefined;
  const merged: TerminalRecord = {
    ...existing,
    errorKind: existing.errorKind ?? detail?.errorKind,
    errorDetail: existing.errorDetail ?? detail?.errorDetail,
    errorMessage: existing.errorMessage ?? message,
    stopReason: existing.stopReason ?? signal.stopReason,
    followUps:
      message === undefined || existing.errorMessage === undefined || existing.followUps.length >= MAX_FOLLOW_UPS
        ? existing.followUps
        : [...existing.followUps, message],
  };
  return { ...run, terminal: merged, stats: { ...run.stats, extraTerminals: run.stats.extraTerminals + 1 } };
}

// ---------------------------------------------------------------------------
// Gaps

function seqGap(run: RunTimeline, signal: Extract<RunSignal, { kind: "seq-gap" }>): RunTimeline {
  return putIfAbsent(run, {
    id: `gap:${signal.expected}-${signal.received}`,
    kind: "gap",
    at: signal.at,
    source: signal.source,
    expected: signal.expected,
    received: signal.received,
  });
}
