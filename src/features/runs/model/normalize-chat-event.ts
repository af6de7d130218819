/**
 * The `chat` event (one per state: delta, status, final, aborted, error) and
 * `chat.send_timing`, as run signal bodies. The dispatcher adds the run fields.
 */
import { readBoolean, readNumber, readRecord, readString, readText, type UnknownRecord } from "@/lib/read-untrusted";
import { textAsStreamed } from "@/lib/history-rows";
import { readCappedText } from "./bounded-text";
import { readProviderError } from "./normalize-provider-error";
import type { RunSignalBody } from "./run-signal";

export function chatEventBody(payload: UnknownRecord): RunSignalBody {
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
    case "status":
      return chatStatusBody(payload);
    case "final":
      return { kind: "chat-final", stopReason: readText(payload, "stopReason"), text: messageText };
    case "aborted":
      return {
        kind: "chat-aborted",
        stopReason: readText(payload, "stopReason"),
        text: messageText,
        errorMessage: readCappedText(payload, "errorMessage"),
      };
    case "error":
      return {
        kind: "chat-error",
        errorKind: readText(payload, "errorKind"),
        errorDetail: readProviderError(readRecord(payload, "errorDetail")),
        errorMessage: readCappedText(payload, "errorMessage"),
        stopReason: readText(payload, "stopReason"),
      };
    default:
      return { kind: "unknown", event: "chat", detail: `state ${String(state)}` };
  }
}

/** A status that carries `retry` announces a retry, whatever its phase says. */
function chatStatusBody(payload: UnknownRecord): RunSignalBody {
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

export function chatSendTimingBody(payload: UnknownRecord): RunSignalBody {
  const phase = readString(payload, "phase");
  if (phase === "dispatch-started") return { kind: "queued" };
  const model = readText(payload, "model");
  if (phase === "model-selected" && model !== undefined) {
    return { kind: "model-selected", provider: readText(payload, "provider"), model };
  }
  return { kind: "activity", label: `timing:${phase ?? "?"}` };
}
