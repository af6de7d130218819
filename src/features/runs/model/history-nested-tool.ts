/**
 * A tool run inside another: Tool Search's `tool_call` runs the tool it names (`{ id: "sessions_spawn", args }`),
 * and live events show that inner call as a step of its own (`parentToolCallId`). History keeps the inner call
 * as a `custom` row of type `openclaw.nested-tool.v1`, between the outer call and its result, whose content is
 * the call (`toolCall`, with the gateway's start time) and its result (`toolResult`, with its end time)
 * (openclaw 2026.9.6, src/testing/captures/g-subagent-spawn.jsonl). These become the same signals live events give.
 */
import { textAsStreamed } from "@/lib/history-rows";
import { isRecord, readNumber, readString, readText, type UnknownRecord } from "@/lib/read-untrusted";
import type { RunSignalBody } from "./run-signal";

export const NESTED_TOOL_ROW = "openclaw.nested-tool.v1";

export interface TimedBody {
  at: number;
  body: RunSignalBody;
}

export function isNestedToolRow(row: UnknownRecord): boolean {
  return readString(row, "customType") === NESTED_TOOL_ROW;
}

/** The inner call's start and result, each at the time the gateway gave it (else the row's). */
export function nestedToolSignals(row: UnknownRecord, rowAt: number, titles: ReadonlyMap<string, string>): TimedBody[] {
  const parts = Array.isArray(row.content) ? row.content.filter(isRecord) : [];
  const call = parts.find((part) => part.type === "toolCall");
  const result = parts.find((part) => part.type === "toolResult" || part.role === "toolResult");
  const toolCallId = (call && readText(call, "id")) ?? (result && readText(result, "toolCallId"));
  if (toolCallId === undefined) return [];
  const name = (call && readText(call, "name")) ?? (result && readText(result, "toolName")) ?? "tool";
  const startedAt = (call && readNumber(call, "timestamp")) ?? (result && readNumber(result, "startedAt")) ?? rowAt;
  const parentToolCallId = (call && readText(call, "parentToolCallId")) ?? (result && readText(result, "parentToolCallId"));
  const out: TimedBody[] = [{ at: startedAt, body: { kind: "tool-start", toolCallId, name, args: call?.arguments, parentToolCallId } }];
  const title = titles.get(toolCallId);
  if (title) out.push({ at: startedAt, body: { kind: "item", phase: "update", itemId: `tool:${toolCallId}`, itemKind: "tool", toolCallId, title } });
  if (!result) return out;
  const endedAt = readNumber(result, "timestamp") ?? startedAt;
  // Unlike an outer call's rows, the gateway times the inner call itself: its start and end are the call's own.
  const resultStartedAt = readNumber(result, "startedAt") ?? startedAt;
  out.push({
    at: Math.max(endedAt, startedAt),
    body: {
      kind: "tool-result",
      toolCallId,
      name,
      isError: result.isError === true,
      resultText: textAsStreamed(result.content),
      durationMs: endedAt >= resultStartedAt ? endedAt - resultStartedAt : undefined,
    },
  });
  return out;
}
