/**
 * The `agent` `lifecycle` stream (start, model, finishing, end, error and the
 * fallback phases) and `run_status` (pre-output phases and retries).
 */
import { readBoolean, readNumber, readRecord, readString, readStringArray, readText, type UnknownRecord } from "@/lib/read-untrusted";
import { readCappedText } from "./bounded-text";
import { readProviderError } from "./normalize-provider-error";
import type { ModelRef, RunSignalBody } from "./run-signal";

export function lifecycleStreamBody(data: UnknownRecord): RunSignalBody {
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
        error: readCappedText(data, "error"),
        observation: readProviderError(readRecord(data, "errorObservation")),
        stopReason: readText(data, "stopReason"),
      };
    case "end":
      return lifecycleEndBody(data);
    case "error":
      return {
        kind: "lifecycle-error",
        error: readCappedText(data, "error"),
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
        reason: readCappedText(data, "reasonSummary"),
        attempts: readStringArray(data, "attemptSummaries") ?? [],
      };
    case "fallback_cleared":
      return { kind: "fallback-cleared", to: modelRef(readText(data, "selectedProvider"), readText(data, "selectedModel")) };
    case "fallback_step":
      return {
        kind: "fallback-step",
        fromModel: readText(data, "fallbackStepFromModel"),
        toModel: readText(data, "fallbackStepToModel"),
        reason: readCappedText(data, "fallbackStepFromFailureReason"),
        detail: readCappedText(data, "fallbackStepFromFailureDetail"),
        position: readNumber(data, "fallbackStepChainPosition"),
        outcome: readText(data, "fallbackStepFinalOutcome"),
      };
    default:
      return { kind: "activity", label: `lifecycle:${phase ?? "?"}` };
  }
}

function lifecycleEndBody(data: UnknownRecord): RunSignalBody {
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

/** `retrying` is the agent's half of a retry (the `chat` status carries the other); any other phase is progress. */
export function runStatusStreamBody(data: UnknownRecord): RunSignalBody {
  const phase = readText(data, "phase");
  if (phase === "retrying") {
    return {
      kind: "retry",
      attempt: readNumber(data, "attempt"),
      maxAttempts: readNumber(data, "maxAttempts"),
      reason: readText(data, "reason"),
      delayMs: readNumber(data, "delayMs"),
      message: readCappedText(data, "message"),
    };
  }
  return phase ? { kind: "status", phase } : { kind: "activity", label: "run_status" };
}

function modelRef(provider: string | undefined, model: string | undefined): ModelRef | undefined {
  return model === undefined ? undefined : { provider, model };
}
