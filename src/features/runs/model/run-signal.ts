/**
 * RunSignal — the one vocabulary the run fold understands.
 *
 * Gateway frames, `chat.history` rows, the local log and the connection layer
 * all speak different dialects; each is translated into these signals first so
 * the fold (fold-run.ts) has a single closed input type and can be replayed
 * from any source. Every signal names the run it belongs to and where it came
 * from, so a restored timeline can say "seen live", "from history" or "from
 * this browser's log".
 */

import type { TokenUsage } from "@/lib/token-usage";

export type SignalSource = "live" | "history" | "local-log";

export interface ModelRef {
  provider?: string;
  model: string;
}

/** "provider/model", the way the gateway names models in fallback steps and logs. */
export function modelName(model: ModelRef): string {
  return model.provider ? `${model.provider}/${model.model}` : model.model;
}

/**
 * What the gateway told us about a provider failure. Field names follow
 * `chat` `errorDetail` and lifecycle `errorObservation`, which share a shape.
 */
export interface ProviderErrorInfo {
  provider?: string;
  model?: string;
  failoverReason?: string;
  runtimeFailureKind?: string;
  providerErrorType?: string;
  httpStatus?: number;
  messagePreview?: string;
}

interface SignalBase {
  runId: string;
  /** Epoch ms on the client clock for live signals, the row's timestamp for history. */
  at: number;
  source: SignalSource;
  sessionKey?: string;
  /** Outer per-connection frame `seq`; restarts at 1 on every socket. */
  frameSeq?: number;
  /** Per-run `payload.seq`, shared by `chat` and `agent` events of one run. */
  runSeq?: number;
  /** The gateway's own clock (`agent` payload `ts`), kept for durations only. */
  serverAt?: number;
}

export type RunSignalBody =
  /** `chat.send` acked, or the gateway started dispatching. */
  | { kind: "queued" }
  /** Pre-output progress (`preparing_workspace`, `starting_model`, …). */
  | { kind: "status"; phase: string }
  | { kind: "lifecycle-start"; startedAt?: number }
  | { kind: "model-selected"; provider?: string; model: string }
  /**
   * `finishing` closes one model attempt. With `error` it is a failed attempt
   * that a retry or fallback may still rescue, so it is not terminal.
   */
  | { kind: "lifecycle-finishing"; error?: string; observation?: ProviderErrorInfo; stopReason?: string }
  | {
      kind: "lifecycle-end";
      stopReason?: string;
      aborted: boolean;
      status?: string;
      replyText?: string;
      successfulToolNames?: string[];
    }
  | {
      kind: "lifecycle-error";
      error?: string;
      observation?: ProviderErrorInfo;
      aborted: boolean;
      stopReason?: string;
      timeoutPhase?: string;
    }
  | { kind: "fallback"; from?: ModelRef; to?: ModelRef; reason?: string; attempts: string[] }
  | { kind: "fallback-cleared"; to?: ModelRef }
  | {
      kind: "fallback-step";
      fromModel?: string;
      toModel?: string;
      reason?: string;
      /** Provider body text such as "401 Missing scopes: model.request"; sent nowhere else. */
      detail?: string;
      position?: number;
      outcome?: string;
    }
  /** One retry announced by `chat` status `retry` and/or `agent` `run_status` `retrying`. */
  | { kind: "retry"; attempt?: number; maxAttempts?: number; reason?: string; delayMs?: number; message?: string }
  /**
   * Assistant text. `text` is cumulative for the segment; `delta` is appended
   * only when no cumulative text was sent.
   */
  | { kind: "assistant-text"; text?: string; delta?: string; replace?: boolean; segmentId?: string }
  | { kind: "thinking-text"; text?: string; delta?: string; segmentId?: string }
  | { kind: "tool-start"; toolCallId: string; name: string; args?: unknown; parentToolCallId?: string }
  /** `partialText` is a snapshot: the tool's output so far. */
  | { kind: "tool-update"; toolCallId: string; name?: string; partialText?: string }
  | {
      kind: "tool-result";
      toolCallId: string;
      name?: string;
      isError: boolean;
      resultText?: string;
      exitCode?: number;
      durationMs?: number;
      errorText?: string;
    }
  /** Activity items: tool cards with a readable title, or preamble narration. */
  | {
      kind: "item";
      phase: "start" | "update" | "end";
      itemId: string;
      itemKind: string;
      title?: string;
      name?: string;
      toolCallId?: string;
      status?: string;
      progressText?: string;
      error?: string;
      startedAt?: number;
      endedAt?: number;
    }
  /**
   * A command's live output. `output` is a snapshot (everything printed so
   * far), which is what the gateway sends; `chunk` is only what is new.
   */
  | {
      kind: "command-output";
      phase: "delta" | "end";
      toolCallId?: string;
      itemId?: string;
      name?: string;
      output?: string;
      chunk?: string;
      exitCode?: number;
      durationMs?: number;
    }
  | { kind: "chat-final"; stopReason?: string; text?: string }
  | { kind: "chat-aborted"; stopReason?: string; text?: string; errorMessage?: string }
  | {
      kind: "chat-error";
      errorKind?: string;
      errorDetail?: ProviderErrorInfo;
      errorMessage?: string;
      stopReason?: string;
    }
  | { kind: "disconnected"; code: number; reason: string }
  | { kind: "reconnected"; bootChanged?: boolean }
  | { kind: "gateway-restarting"; reason: string; restartExpectedMs?: number }
  | { kind: "gateway-restarted"; bootChanged: boolean }
  /** The gateway (or history) says this run is no longer active. */
  | { kind: "run-inactive"; via: "session-info" | "history" | "agent-wait" | "lifecycle-end" }
  | { kind: "seq-gap"; expected: number; received: number }
  /**
   * One model call's token counts, from a transcript row (`callId` is the row id). Live, the `usage`
   * stream sends no `callId` and only `output`, as the run's running total (5, then 18 after a 13-token call).
   */
  | ({ kind: "model-usage"; callId?: string } & TokenUsage)
  /** A known event that only proves the run is alive (timings, plan updates). */
  | { kind: "activity"; label: string }
  /** Anything we could not read; kept so it is counted and never crashes the fold. */
  | { kind: "unknown"; event: string; detail?: string };

export type RunSignal = SignalBase & RunSignalBody;

export type RunSignalKind = RunSignal["kind"];

type ConnectionBody = Extract<
  RunSignalBody,
  { kind: "disconnected" | "reconnected" | "gateway-restarting" | "gateway-restarted" | "run-inactive" }
>;

/**
 * Connection events carry no runId on the wire; the store fans them out to the
 * runs that were active when they happened.
 */
export function signalsForRuns(
  runIds: readonly string[],
  body: ConnectionBody,
  at: number,
  source: SignalSource = "live",
): RunSignal[] {
  return runIds.map((runId) => ({ ...body, runId, at, source }));
}
