/**
 * Gateway event frame → RunSignal[].
 *
 * Payloads are untrusted: every field is checked by hand and anything odd
 * becomes an `unknown` signal (or nothing) instead of an exception, because one
 * malformed event must never take the run inspector down. Events that are not
 * about a run (tick, presence, health, shutdown) yield `[]`; the connection
 * layer turns the ones that matter into connection signals itself.
 */
import {
  isRecord,
  readBoolean,
  readNumber,
  readRecord,
  readString,
  readStringArray,
  readText,
  type UnknownRecord,
} from "@/lib/read-untrusted";
import { textAsStreamed } from "@/lib/history-rows";
import type { ModelRef, ProviderErrorInfo, RunSignal, RunSignalBody } from "./run-signal";

export interface GatewayEventFrame {
  event: string;
  payload?: unknown;
  seq?: number;
}

type Base = Omit<RunSignal, keyof RunSignalBody | "kind">;

/** Events that mention a run but only prove it is alive. */
const ACTIVITY_EVENTS = new Set(["sessions.changed", "session.message", "chat.side_result", "session.operation"]);
const ACTIVITY_STREAMS = new Set(["usage", "plan", "compaction", "approval"]);

export function normalizeGatewayEvent(frame: GatewayEventFrame, receivedAt: number): RunSignal[] {
  const payload = frame.payload;
  if (!isRecord(payload)) return [];
  const runId = readText(payload, "runId");
  if (runId === undefined) return [];

  const base: Base = {
    runId,
    at: receivedAt,
    source: "live",
    sessionKey: readText(payload, "sessionKey"),
    frameSeq: typeof frame.seq === "number" && Number.isFinite(frame.seq) ? frame.seq : undefined,
    runSeq: readNumber(payload, "seq"),
    serverAt: readNumber(payload, "ts"),
  };
  const make = (body: RunSignalBody): RunSignal[] => [{ ...base, ...body }];

  switch (frame.event) {
    case "chat":
      return make(chatBody(payload));
    case "agent":
      return make(agentBody(payload));
    case "session.tool":
      // Tool activity of a run started by another socket; same payload as an `agent` tool event.
      return make(agentBody({ stream: "tool", ...payload }));
    case "chat.send_timing":
      return make(sendTimingBody(payload));
    default:
      if (ACTIVITY_EVENTS.has(frame.event)) return make({ kind: "activity", label: frame.event });
      return make({ kind: "unknown", event: frame.event });
  }
}

function chatBody(payload: UnknownRecord): RunSignalBody {
  const state = readString(payload, "state");
  const message = readRecord(payload, "message");
  const messageText = message ? textAsStreamed(message.content) : undefined;
  switch (state) {
    case "delta":
      return {
        kind: "assistant-text",
        text: messageText,
        delta: readString(payload, "deltaText"),
        replace: readBoolean(payload, "replace"),
      };
    case "status": {
      const retry = readRecord(payload, "retry");
      if (retry) {
        return {
          kind: "retry",
          attempt: readNumber(retry, "attempt"),
          maxAttempts: readNumber(retry, "maxAttempts"),
          reason: readText(retry, "reason"),
        };
      }
      const phase = readText(payload, "phase");
      return phase ? { kind: "status", phase } : { kind: "unknown", event: "chat", detail: "status without phase" };
    }
    case "final":
      return { kind: "chat-final", stopReason: readText(payload, "stopReason"), text: messageText };
    case "aborted":
      return {
        kind: "chat-aborted",
        stopReason: readText(payload, "stopReason"),
        text: messageText,
        errorMessage: readText(payload, "errorMessage"),
      };
    case "error":
      return {
        kind: "chat-error",
        errorKind: readText(payload, "errorKind"),
        errorDetail: readProviderError(readRecord(payload, "errorDetail")),
        errorMessage: readText(payload, "errorMessage"),
        stopReason: readText(payload, "stopReason"),
      };
    default:
      return { kind: "unknown", event: "chat", detail: `state ${String(state)}` };
  }
}

function agentBody(payload: UnknownRecord): RunSignalBody {
  const stream = readString(payload, "stream");
  const data = readRecord(payload, "data");
  if (stream === undefined || data === undefined) return { kind: "unknown", event: "agent", detail: "no stream/data" };
  switch (stream) {
    case "lifecycle":
      return lifecycleBody(data);
    case "assistant":
      return {
        kind: "assistant-text",
        text: readString(data, "text"),
        delta: readString(data, "delta"),
        replace: readBoolean(data, "replace"),
        segmentId: readText(data, "itemId"),
      };
    case "thinking":
      return {
        kind: "thinking-text",
        text: readString(data, "text"),
        delta: readString(data, "delta"),
        segmentId: readText(data, "itemId"),
      };
    case "tool":
      return toolBody(data);
    case "item":
      return itemBody(data);
    case "command_output":
      return commandOutputBody(data);
    case "run_status": {
      const phase = readText(data, "phase");
      if (phase === "retrying") {
        return {
          kind: "retry",
          attempt: readNumber(data, "attempt"),
          maxAttempts: readNumber(data, "maxAttempts"),
          reason: readText(data, "reason"),
          delayMs: readNumber(data, "delayMs"),
          message: readText(data, "message"),
        };
      }
      return phase ? { kind: "status", phase } : { kind: "activity", label: "run_status" };
    }
    case "error": {
      const expected = readNumber(data, "expected");
      const received = readNumber(data, "received");
      if (readString(data, "reason") === "seq gap" && expected !== undefined && received !== undefined) {
        return { kind: "seq-gap", expected, received };
      }
      return { kind: "unknown", event: "agent", detail: `error ${readString(data, "reason") ?? ""}`.trim() };
    }
    default:
      if (ACTIVITY_STREAMS.has(stream)) return { kind: "activity", label: stream };
      return { kind: "unknown", event: "agent", detail: `stream ${stream}` };
  }
}

function lifecycleBody(data: UnknownRecord): RunSignalBody {
  const phase = readString(data, "phase");
  switch (phase) {
    case "start":
      return { kind: "lifecycle-start", startedAt: readNumber(data, "startedAt") };
    case "model": {
      const model = readText(data, "model");
      // The gateway clears the model (`null`) when an attempt ends; that is not a new selection.
      if (model === undefined) return { kind: "activity", label: "lifecycle:model-cleared" };
      return { kind: "model-selected", provider: readText(data, "provider"), model };
    }
    case "finishing":
      return {
        kind: "lifecycle-finishing",
        error: readText(data, "error"),
        observation: readProviderError(readRecord(data, "errorObservation")),
        stopReason: readText(data, "stopReason"),
      };
    case "end": {
      const reply = readRecord(data, "terminalReply");
      const receipt = readRecord(data, "terminalReceipt");
      return {
        kind: "lifecycle-end",
        stopReason: readText(data, "stopReason"),
        aborted: readBoolean(data, "aborted") ?? false,
        status: readText(data, "status"),
        replyText: reply ? readString(reply, "text") : undefined,
        successfulToolNames: receipt ? readStringArray(receipt, "successfulToolNames") : undefined,
      };
    }
    case "error":
      return {
        kind: "lifecycle-error",
        error: readText(data, "error"),
        observation: readProviderError(readRecord(data, "errorObservation")),
        aborted: readBoolean(data, "aborted") ?? false,
        stopReason: readText(data, "stopReason"),
        timeoutPhase: readText(data, "timeoutPhase"),
      };
    case "fallback":
      return {
        kind: "fallback",
        from: modelRef(readText(data, "selectedProvider"), readText(data, "selectedModel")),
        to: modelRef(readText(data, "activeProvider"), readText(data, "activeModel")),
        reason: readText(data, "reasonSummary"),
        attempts: readStringArray(data, "attemptSummaries") ?? [],
      };
    case "fallback_cleared":
      return { kind: "fallback-cleared", to: modelRef(readText(data, "selectedProvider"), readText(data, "selectedModel")) };
    case "fallback_step":
      return {
        kind: "fallback-step",
        fromModel: readText(data, "fallbackStepFromModel"),
        toModel: readText(data, "fallbackStepToModel"),
        reason: readText(data, "fallbackStepFromFailureReason"),
        detail: readText(data, "fallbackStepFromFailureDetail"),
        position: readNumber(data, "fallbackStepChainPosition"),
        outcome: readText(data, "fallbackStepFinalOutcome"),
      };
    default:
      return { kind: "activity", label: `lifecycle:${phase ?? "?"}` };
  }
}

function toolBody(data: UnknownRecord): RunSignalBody {
  const toolCallId = readText(data, "toolCallId");
  const phase = readString(data, "phase");
  if (toolCallId === undefined) return { kind: "unknown", event: "agent", detail: "tool without toolCallId" };
  const name = readText(data, "name");
  switch (phase) {
    case "start":
      return {
        kind: "tool-start",
        toolCallId,
        name: name ?? "tool",
        args: data.args,
        parentToolCallId: readText(data, "parentToolCallId"),
      };
    case "update":
      return { kind: "tool-update", toolCallId, name, partialText: resultText(data.partialResult) };
    case "result": {
      const result = data.result;
      const details = isRecord(result) ? readRecord(result, "details") : undefined;
      return {
        kind: "tool-result",
        toolCallId,
        name,
        isError: readBoolean(data, "isError") ?? false,
        resultText: resultText(result),
        exitCode: details ? readNumber(details, "exitCode") : undefined,
        durationMs: details ? readNumber(details, "durationMs") : undefined,
        errorText: summaryText(data.toolErrorSummary),
      };
    }
    case "input_delta":
      return { kind: "activity", label: "tool:input" };
    default:
      return { kind: "unknown", event: "agent", detail: `tool phase ${String(phase)}` };
  }
}

function itemBody(data: UnknownRecord): RunSignalBody {
  const itemId = readText(data, "itemId");
  const phase = readString(data, "phase");
  if (itemId === undefined || (phase !== "start" && phase !== "update" && phase !== "end")) {
    return { kind: "unknown", event: "agent", detail: "item without id/phase" };
  }
  return {
    kind: "item",
    phase,
    itemId,
    itemKind: readText(data, "kind") ?? "unknown",
    title: readText(data, "title"),
    name: readText(data, "name"),
    toolCallId: readText(data, "toolCallId"),
    status: readText(data, "status"),
    progressText: readText(data, "progressText"),
    error: summaryText(data.error),
    startedAt: readNumber(data, "startedAt"),
    endedAt: readNumber(data, "endedAt"),
  };
}

function commandOutputBody(data: UnknownRecord): RunSignalBody {
  const phase = readString(data, "phase");
  if (phase !== "delta" && phase !== "end") return { kind: "activity", label: "command_output" };
  return {
    kind: "command-output",
    phase,
    toolCallId: readText(data, "toolCallId"),
    itemId: readText(data, "itemId"),
    name: readText(data, "name"),
    output: readString(data, "output"),
    exitCode: readNumber(data, "exitCode"),
    durationMs: readNumber(data, "durationMs"),
  };
}

function sendTimingBody(payload: UnknownRecord): RunSignalBody {
  const phase = readString(payload, "phase");
  if (phase === "dispatch-started") return { kind: "queued" };
  const model = readText(payload, "model");
  if (phase === "model-selected" && model !== undefined) {
    return { kind: "model-selected", provider: readText(payload, "provider"), model };
  }
  return { kind: "activity", label: `timing:${phase ?? "?"}` };
}

export function readProviderError(record: UnknownRecord | undefined): ProviderErrorInfo | undefined {
  if (!record) return undefined;
  const status = record.httpStatus;
  const info: ProviderErrorInfo = {
    provider: readText(record, "provider"),
    model: readText(record, "model"),
    failoverReason: readText(record, "failoverReason"),
    runtimeFailureKind: readText(record, "providerRuntimeFailureKind"),
    providerErrorType: readText(record, "providerErrorType"),
    httpStatus: typeof status === "number" ? status : typeof status === "string" ? Number.parseInt(status, 10) || undefined : undefined,
    messagePreview: readText(record, "providerErrorMessagePreview"),
  };
  return Object.values(info).some((value) => value !== undefined) ? info : undefined;
}

function modelRef(provider: string | undefined, model: string | undefined): ModelRef | undefined {
  return model === undefined ? undefined : { provider, model };
}

/** Tool results are `{content:[{type:"text"}], details}`, a bare string, or absent. */
function resultText(result: unknown): string | undefined {
  if (typeof result === "string") return result;
  if (!isRecord(result)) return undefined;
  return textAsStreamed(result.content);
}

function summaryText(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (isRecord(value)) return readText(value, "message") ?? readText(value, "summary") ?? readText(value, "error");
  return undefined;
}
