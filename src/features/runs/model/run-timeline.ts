/**
 * The shape of one run (one assistant turn) as the inspector shows it: a status, a live phase, and every step on one
 * time axis. A snapshot of the fold's state (fold-state.ts `runTimeline`), fed by live and local-log signals and by
 * history-to-runs.ts, combined by merge-run-sources.ts. Plain data, compared by reference in React: the same fold
 * state gives the same object.
 */
import type { ApprovalDecision } from "@/gateway/exec-approvals";
import type { BoundedText } from "./bounded-text";
import type { TokenUsage } from "@/lib/token-usage";
import type { ModelRef, ProviderErrorInfo, SignalSource } from "./run-signal";

export type RunStatus = "queued" | "running" | "ended";

export type RunPhase =
  | { kind: "queued" }
  | { kind: "preparing"; step: string }
  | { kind: "starting-model"; model?: ModelRef }
  | { kind: "thinking" }
  | { kind: "writing-reply" }
  | { kind: "using-tool"; tool: string; title?: string }
  | { kind: "waiting-for-model" }
  | { kind: "retrying"; attempt?: number; maxAttempts?: number; reason?: string }
  | { kind: "falling-back"; to?: string }
  | { kind: "finishing" }
  | { kind: "ended" };

interface StepBase {
  /** Stable across sources so history, live and local-log copies of a step merge. */
  id: string;
  at: number;
  endedAt?: number;
  durationMs?: number;
  /** Where this step was learned: live event, `chat.history`, or this browser's log. */
  source: SignalSource;
}

export type LifecycleEvent = "queued" | "started" | "model-selected" | "finishing" | "ended" | "completed" | "failed" | "aborted";

export interface LifecycleStep extends StepBase {
  kind: "lifecycle";
  event: LifecycleEvent;
  label: string;
  model?: ModelRef;
}

/** `unknown`: the call was open when the run stopped being observed (open-steps.ts); never folded, only shown. */
export type ToolStatus = "running" | "done" | "error" | "unknown";

/** When and why an open step stopped being known: the connection dropped, or the gateway went down under the run. */
export interface OpenStepEnd {
  at: number;
  why: "connection-lost" | "interrupted" | "restarted" | "events-lost";
}

export interface ToolStep extends StepBase {
  kind: "tool";
  toolCallId: string;
  name: string;
  /** The gateway's readable title ("Exec print text → run uname"), when it sent one. */
  title?: string;
  args?: unknown;
  /** Live output as the command printed it: appended chunks, else the newest snapshot, else the result (live-output.ts). */
  output: BoundedText;
  /** Where `output` came from; once snapshots own it, chunks are dropped. */
  outputFrom?: "chunks" | "snapshots" | "result";
  result?: BoundedText;
  exitCode?: number;
  isError: boolean;
  error?: string;
  status: ToolStatus;
  parentToolCallId?: string;
  /** Server-clock start from the activity item, for durations immune to client clock skew. */
  serverStartedAt?: number;
  /** A live/local step that chat.history also recorded. */
  confirmedByHistory?: boolean;
  /** Set with status `unknown`: from when the call's fate is not known, and why. */
  unsettled?: OpenStepEnd;
}

export interface TextStep extends StepBase {
  kind: "text";
  segmentId: string;
  text: string;
}

export interface ThinkingStep extends StepBase {
  kind: "thinking";
  segmentId: string;
  text: string;
}

/** Preamble narration and other activity items that are not tool calls. */
export interface NoteStep extends StepBase {
  kind: "note";
  itemKind: string;
  title?: string;
  text?: string;
}

export interface RetryStep extends StepBase {
  kind: "retry";
  attempt?: number;
  maxAttempts?: number;
  reason?: string;
  delayMs?: number;
  message?: string;
}

export interface FallbackStep extends StepBase {
  kind: "fallback";
  from?: string;
  to?: string;
  reason?: string;
  /** Provider detail such as "401 Missing scopes: model.request". */
  detail?: string;
  /** `next_fallback` | `succeeded` | `chain_exhausted` as the gateway reports it. */
  outcome?: string;
  attempts: readonly string[];
}

export interface ProviderErrorStep extends StepBase {
  kind: "provider-error";
  provider?: string;
  model?: string;
  httpStatus?: number;
  retryAfterMs?: number;
  failoverReason?: string;
  message: string;
}

export type ConnectionEventKind = "disconnected" | "reconnected" | "gateway-restarting" | "gateway-restarted";

export interface ConnectionStep extends StepBase {
  kind: "connection";
  event: ConnectionEventKind;
  code?: number;
  reason?: string;
  /** Plain words for the user, e.g. "1012 gateway restarting". */
  words: string;
}

/** One model call's tokens: in, out and cached, and a cost only where the gateway priced it. */
export interface UsageStep extends StepBase, TokenUsage {
  kind: "usage";
  /** Live only: the run's output so far as the `usage` stream reported it (a running total), `output` being this call's share. */
  runOutput?: number;
}

export interface GapStep extends StepBase {
  kind: "gap";
  expected: number;
  received: number;
}

export type TimelineStep =
  | LifecycleStep
  | ToolStep
  | TextStep
  | ThinkingStep
  | NoteStep
  | RetryStep
  | FallbackStep
  | ProviderErrorStep
  | ConnectionStep
  | GapStep
  | UsageStep;

export type StepKind = TimelineStep["kind"];

/** The first terminal `chat` event; later duplicates only add detail. */
export interface TerminalRecord {
  kind: "final" | "aborted" | "error";
  at: number;
  source: SignalSource;
  stopReason?: string;
  errorKind?: string;
  errorDetail?: ProviderErrorInfo;
  errorMessage?: string;
  /** Messages of the extra terminal errors the gateway sends after the first. */
  followUps: readonly string[];
}

/**
 * Lifecycle `end`/`error` seen without (or before) the chat terminal. `error`
 * is tentative: the gateway may still retry, so it only decides the outcome
 * once the gateway is known to be idle.
 */
export interface LifecycleOutcome {
  kind: "end" | "error";
  at: number;
  aborted: boolean;
  stopReason?: string;
  status?: string;
  error?: string;
  observation?: ProviderErrorInfo;
  timeoutPhase?: string;
}

export interface RestartEvidence {
  at: number;
  via: "shutdown" | "close" | "boot-changed";
  code?: number;
  words: string;
}

export interface RunStats {
  signals: number;
  unknown: number;
  /** Terminal chat events after the first (the gateway sends two for failures). */
  extraTerminals: number;
}

export interface RunTimeline {
  runId: string;
  sessionKey?: string;
  status: RunStatus;
  phase: RunPhase;
  createdAt: number;
  startedAt?: number;
  endedAt?: number;
  lastEventAt: number;
  lastEventLabel: string;
  /** The first model the gateway selected for this run. */
  requestedModel?: ModelRef;
  /** The model currently (or finally) answering. */
  model?: ModelRef;
  /** The visible reply; the final message replaces streamed text. */
  text: string;
  thinking: string;
  steps: readonly TimelineStep[];
  terminal?: TerminalRecord;
  lifecycleOutcome?: LifecycleOutcome;
  restart?: RestartEvidence;
  disconnectedAt?: number;
  reconnectedAt?: number;
  /** When the gateway or history confirmed this run is no longer active. */
  inactiveConfirmedAt?: number;
  /** A retry announced a wait; silence until then is expected. */
  quietUntil?: number;
  /** The user message that started this run came from the gateway, not the user. */
  trigger?: "user" | "restart-recovery";
  /** History alone did not say when the run ended: it ended at or after `endedAt` (else `lastEventAt`); "at least". */
  endIsLowerBound?: true;
  stats: RunStats;
  /** Only on a view of the run (open-steps.ts): from when, and why, its open steps are not known. */
  openStepsEnd?: OpenStepEnd;
  /** Exec approvals the run asked for (run-approvals.ts); kept by the registry beside the fold. */
  approvals?: readonly RunApproval[];
}

/** One exec approval of a run, as far as this page knows it. */
export interface RunApproval {
  id: string;
  command: string;
  toolCallId?: string;
  requestedAt: number;
  expiresAt: number;
  decision?: ApprovalDecision;
  decidedAt?: number;
  decidedBy?: string;
}

/**
 * How long a tool call took: the gateway's own figure, else its start to its end as events told them. History rows say
 * only when the model wrote the call and when its result was stored: no duration rather than a wrong one.
 */
export function toolDurationMs(step: ToolStep): number | undefined {
  if (step.durationMs !== undefined) return step.durationMs;
  return step.endedAt !== undefined && step.source !== "history" ? step.endedAt - step.at : undefined;
}

export type StepOfKind<K extends StepKind> = Extract<TimelineStep, { kind: K }>;

export function isStepKind<K extends StepKind>(step: TimelineStep | undefined, kind: K): step is StepOfKind<K> {
  return step?.kind === kind;
}

/** The newest step of a kind that passes `accept`. */
export function lastStepOfKind<K extends StepKind>(
  steps: readonly TimelineStep[],
  kind: K,
  accept: (step: StepOfKind<K>) => boolean = () => true,
): StepOfKind<K> | undefined {
  for (let index = steps.length - 1; index >= 0; index -= 1) {
    const step = steps[index];
    if (isStepKind(step, kind) && accept(step)) return step;
  }
  return undefined;
}

/** How many steps are of a kind, without a list of them. */
export function countStepsOfKind(steps: readonly TimelineStep[], kind: StepKind): number {
  let count = 0;
  for (let index = 0; index < steps.length; index += 1) if (steps[index]?.kind === kind) count += 1;
  return count;
}

export function stepsOfKind<K extends StepKind>(steps: readonly TimelineStep[], kind: K): StepOfKind<K>[] {
  return steps.filter((step): step is StepOfKind<K> => step.kind === kind);
}
