/**
 * A run's status, live phase and lifecycle moments on the timeline: queued,
 * started, model selected, finishing, ended, and the terminal `chat` event
 * that settles the outcome. The gateway sends its second terminal `error`
 * only to add detail to the first, so the user sees one failure.
 *
 * Every handler edits a draft (fold-state.ts) and says whether it changed it.
 */
import type { RunDraft } from "./fold-state";
import { StepList } from "./step-list";
import { modelName, type ModelRef, type RunSignal } from "./run-signal";
import type { LifecycleEvent, LifecycleStep, RunPhase, TerminalRecord } from "./run-timeline";

const MAX_FOLLOW_UPS = 4;
const UNDERSCORE = 95;
const SPACE = 32;

/** Built once: a lifecycle step is looked up on every lifecycle signal. */
const LIFECYCLE_IDS: Record<LifecycleEvent, string> = {
  queued: "lifecycle:queued",
  started: "lifecycle:started",
  "model-selected": "lifecycle:model-selected",
  finishing: "lifecycle:finishing",
  ended: "lifecycle:ended",
  completed: "lifecycle:completed",
  failed: "lifecycle:failed",
  aborted: "lifecycle:aborted",
};

/** Phases without fields are shared, so the fold allocates no phase per signal. */
export const PHASE = {
  thinking: { kind: "thinking" },
  writingReply: { kind: "writing-reply" },
  waitingForModel: { kind: "waiting-for-model" },
  finishing: { kind: "finishing" },
  ended: { kind: "ended" },
} as const satisfies Record<string, RunPhase>;

/** Moves an open run to `phase`. */
export function running(run: RunDraft, phase: RunPhase): boolean {
  if (run.status === "ended") return false;
  if (run.status === "running" && samePhase(run.phase, phase)) return false;
  run.status = "running";
  run.phase = phase;
  return true;
}

function sameModel(a: ModelRef | undefined, b: ModelRef | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.provider === b.provider && a.model === b.model);
}

export function samePhase(a: RunPhase, b: RunPhase): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case "preparing":
      return b.kind === a.kind && b.step === a.step;
    case "starting-model":
      return b.kind === a.kind && sameModel(a.model, b.model);
    case "using-tool":
      return b.kind === a.kind && b.tool === a.tool && b.title === a.title;
    case "retrying":
      return b.kind === a.kind && b.attempt === a.attempt && b.maxAttempts === a.maxAttempts && b.reason === a.reason;
    case "falling-back":
      return b.kind === a.kind && b.to === a.to;
    default:
      return b.kind === a.kind;
  }
}

/** Lifecycle moments appear once each; repeats (one per retry attempt) add nothing. */
export function addLifecycleStep(
  run: RunDraft,
  signal: RunSignal,
  event: LifecycleEvent,
  label: string,
  model?: ModelRef,
  id = LIFECYCLE_IDS[event],
): boolean {
  if (run.steps.indexOf(id) >= 0) return false;
  const step: LifecycleStep = { id, kind: "lifecycle", at: signal.at, source: signal.source, event, label, model };
  if (event === "queued" || event === "started") return queuedBeforeStarted(run, step);
  run.steps = run.steps.put(step, -1);
  return true;
}

/**
 * A run is queued before it starts, but the two moments can come from two clocks: the queue is when this browser heard
 * the gateway dispatch the message, a start adopted from a history read is the gateway's own time (shifted to this
 * browser's clock), and the latency between them can put the start first. The queue then takes the start's time and
 * its place just before it: it happened no later.
 */
function queuedBeforeStarted(run: RunDraft, step: LifecycleStep): boolean {
  const otherIndex = run.steps.indexOf(step.event === "queued" ? LIFECYCLE_IDS.started : LIFECYCLE_IDS.queued);
  const other = otherIndex >= 0 ? run.steps.at(otherIndex) : undefined;
  if (other === undefined || (step.event === "queued" ? step.at <= other.at : other.at <= step.at)) {
    run.steps = run.steps.put(step, -1);
    return true;
  }
  const [queued, started] = step.event === "queued" ? [{ ...step, at: other.at }, other] : [{ ...other, at: step.at }, step];
  const steps = run.steps.toArray().filter((kept) => kept !== other);
  const at = steps.findIndex((kept) => kept.at > started.at);
  steps.splice(at < 0 ? steps.length : at, 0, queued, started);
  run.steps = StepList.from(steps);
  return true;
}

/** Pre-output progress; the gateway repeats it (chat and agent, every attempt), so a repeat is recognized before anything is made. */
export function preparing(run: RunDraft, phase: string): boolean {
  const current = run.phase;
  if (run.status === "running" && current.kind === "preparing" && phase !== "starting_model" && isWordsOf(current.step, phase)) return false;
  return running(run, phase === "starting_model" ? { kind: "starting-model", model: run.model } : { kind: "preparing", step: phase.replaceAll("_", " ") });
}

/** Whether `words` is `phase` with underscores as spaces. */
function isWordsOf(words: string, phase: string): boolean {
  if (words.length !== phase.length) return false;
  for (let index = 0; index < phase.length; index += 1) {
    const char = phase.charCodeAt(index);
    if (words.charCodeAt(index) !== (char === UNDERSCORE ? SPACE : char)) return false;
  }
  return true;
}

export function lifecycleStart(run: RunDraft, signal: Extract<RunSignal, { kind: "lifecycle-start" }>): boolean {
  let changed = running(run, { kind: "starting-model", model: run.model });
  if (run.startedAt === undefined || signal.at < run.startedAt) {
    run.startedAt = signal.at;
    changed = true;
  }
  // A new attempt after a tentative lifecycle error means the gateway is still trying.
  if (run.lifecycleOutcome?.kind === "error" && run.lifecycleOutcome.at < signal.at) {
    run.lifecycleOutcome = undefined;
    changed = true;
  }
  return addLifecycleStep(run, signal, "started", "started") || changed;
}

export function modelSelected(run: RunDraft, signal: RunSignal, provider: string | undefined, model: string): boolean {
  const current = run.model;
  const same = current !== undefined && current.provider === provider && current.model === model;
  const ref: ModelRef = same ? current : { provider, model };
  const name = modelName(ref);
  let changed = false;
  if (run.requestedModel === undefined) {
    run.requestedModel = ref;
    changed = true;
  }
  if (!same && (current === undefined || modelName(current) !== name)) {
    run.model = ref;
    changed = true;
  }
  const phase = run.phase;
  if (phase.kind === "starting-model" && run.status !== "ended" && !sameModel(phase.model, ref)) {
    changed = running(run, { kind: "starting-model", model: ref }) || changed;
  }
  // Every attempt selects its model again: the step is looked up before its label is made.
  const id = `lifecycle:model:${name}`;
  if (run.steps.indexOf(id) >= 0) return changed;
  run.steps = run.steps.put({ id, kind: "lifecycle", at: signal.at, source: signal.source, event: "model-selected", label: `model ${name}`, model: ref }, -1);
  return true;
}

export function lifecycleEnd(run: RunDraft, signal: Extract<RunSignal, { kind: "lifecycle-end" }>): boolean {
  let changed = false;
  if (run.lifecycleOutcome?.kind !== "end") {
    run.lifecycleOutcome = { kind: "end", at: signal.at, aborted: signal.aborted, stopReason: signal.stopReason, status: signal.status };
    changed = true;
  }
  if (run.text === "" && signal.replyText) {
    run.text = signal.replyText;
    changed = true;
  }
  changed = running(run, PHASE.finishing) || changed;
  const event: LifecycleEvent = signal.aborted ? "aborted" : "ended";
  return addLifecycleStep(run, signal, event, signal.aborted ? "stopped" : "ended", undefined, "lifecycle:ended") || changed;
}

export function lifecycleError(run: RunDraft, signal: Extract<RunSignal, { kind: "lifecycle-error" }>): boolean {
  if (run.lifecycleOutcome !== undefined) return false;
  run.lifecycleOutcome = {
    kind: "error",
    at: signal.at,
    aborted: signal.aborted,
    stopReason: signal.stopReason,
    error: signal.error,
    observation: signal.observation,
    timeoutPhase: signal.timeoutPhase,
  };
  running(run, PHASE.finishing);
  return true;
}

type TerminalSignal = Extract<RunSignal, { kind: "chat-final" | "chat-aborted" | "chat-error" }>;

function terminalKind(signal: TerminalSignal): TerminalRecord["kind"] {
  return signal.kind === "chat-final" ? "final" : signal.kind === "chat-aborted" ? "aborted" : "error";
}

export function chatTerminal(run: RunDraft, signal: TerminalSignal): boolean {
  const existing = run.terminal;
  if (existing !== undefined) return mergeTerminal(run, existing, signal);
  const kind = terminalKind(signal);
  run.terminal = {
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
  run.status = "ended";
  run.phase = PHASE.ended;
  run.endedAt = signal.at;
  if (text !== undefined && text !== "") run.text = text;
  run.textMark = Number.POSITIVE_INFINITY;
  const event: LifecycleEvent = kind === "final" ? "completed" : kind === "aborted" ? "aborted" : "failed";
  const index = run.steps.indexOf("lifecycle:ended");
  const step: LifecycleStep = {
    id: "lifecycle:ended",
    kind: "lifecycle",
    at: index >= 0 ? Math.min(run.steps.at(index)?.at ?? signal.at, signal.at) : signal.at,
    source: signal.source,
    event,
    label: event === "completed" ? "completed" : event === "aborted" ? "stopped" : "failed",
  };
  run.steps = run.steps.put(step, index);
  return true;
}

/**
 * A failed run gets two terminal `error` events (the second with `seq:1`, no
 * errorKind); whichever comes first is the outcome and the other only fills in
 * what it lacked.
 */
function mergeTerminal(run: RunDraft, existing: TerminalRecord, signal: TerminalSignal): boolean {
  const message = signal.kind === "chat-final" ? undefined : signal.errorMessage;
  if (message === undefined ? existing.kind === terminalKind(signal) : message === existing.errorMessage || existing.followUps.includes(message)) {
    return false;
  }
  const detail = signal.kind === "chat-error" ? signal : undefined;
  run.terminal = {
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
  run.extraTerminals += 1;
  return true;
}
