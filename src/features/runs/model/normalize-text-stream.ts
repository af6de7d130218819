/**
 * The `agent` `assistant` and `thinking` streams: text of one segment (the
 * stream's `itemId`), cumulative in `text` or appended in `delta`.
 */
import { readBoolean, readString, readText, type UnknownRecord } from "@/lib/read-untrusted";
import type { RunSignalBody } from "./run-signal";

export function assistantStreamBody(data: UnknownRecord): RunSignalBody {
  return {
    kind: "assistant-text",
    text: readString(data, "text"),
    delta: readString(data, "delta"),
    replace: readBoolean(data, "replace"),
    segmentId: readText(data, "itemId"),
  };
}

export function thinkingStreamBody(data: UnknownRecord): RunSignalBody {
  return {
    kind: "thinking-text",
    text: readString(data, "text"),
    delta: readString(data, "delta"),
    segmentId: readText(data, "itemId"),
  };
}
