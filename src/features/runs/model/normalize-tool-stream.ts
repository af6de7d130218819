/**
 * The `agent` streams about tools: `tool` (start, update, result), `item`
 * (activity cards with a readable title) and `command_output` (live output of
 * a command and its exit).
 */
import { isRecord, readBoolean, readNumber, readRecord, readString, readText, type UnknownRecord } from "@/lib/read-untrusted";
import { textAsStreamed } from "@/lib/history-rows";
import { capText, readCappedText } from "./bounded-text";
import type { RunSignalBody } from "./run-signal";

export function toolStreamBody(data: UnknownRecord): RunSignalBody {
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

export function itemStreamBody(data: UnknownRecord): RunSignalBody {
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

export function commandOutputStreamBody(data: UnknownRecord): RunSignalBody {
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

/** Tool results are `{content:[{type:"text"}], details}`, a bare string, or absent. */
function resultText(result: unknown): string | undefined {
  if (typeof result === "string") return result;
  if (!isRecord(result)) return undefined;
  return textAsStreamed(result.content);
}

/** Error summaries are a string or a record naming the failure as `message`, `summary` or `error`. */
function summaryText(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() === "" ? undefined : capText(value);
  if (isRecord(value)) return readCappedText(value, "message") ?? readCappedText(value, "summary") ?? readCappedText(value, "error");
  return undefined;
}
