/**
 * Gateway event frame → RunSignal[].
 *
 * Payloads are untrusted: every field is checked by hand and anything odd
 * becomes an `unknown` signal (or nothing) instead of an exception, because one
 * malformed event must never take the run inspector down. Events that are not
 * about a run (tick, presence, health, shutdown) yield `[]`; the connection
 * layer turns the ones that matter into connection signals itself.
 *
 * This module only dispatches: each `agent` stream and the `chat` event have
 * their own reader (normalize-*.ts) that returns the signal body, and the run
 * fields are added here once, onto the body. It runs on every live event, so it
 * allocates the body (which becomes the signal) and its array and nothing else.
 */
import { isRecord, readNumber, readRecord, readString, readText, type UnknownRecord } from "@/lib/read-untrusted";
import { chatEventBody, chatSendTimingBody } from "./normalize-chat-event";
import { lifecycleStreamBody, runStatusStreamBody } from "./normalize-lifecycle";
import { assistantStreamBody, thinkingStreamBody } from "./normalize-text-stream";
import { commandOutputStreamBody, itemStreamBody, toolStreamBody } from "./normalize-tool-stream";
import type { RunSignal, RunSignalBody } from "./run-signal";

export interface GatewayEventFrame {
  event: string;
  payload?: unknown;
  seq?: number;
}

/** Events that mention a run but only prove it is alive. */
const ACTIVITY_EVENTS = new Set(["sessions.changed", "session.message", "chat.side_result", "session.operation"]);
const ACTIVITY_STREAMS = new Set(["plan", "compaction", "approval"]);

export function normalizeGatewayEvent(frame: GatewayEventFrame, receivedAt: number): RunSignal[] {
  const payload = frame.payload;
  if (!isRecord(payload)) return [];
  const runId = readText(payload, "runId");
  if (runId === undefined) return [];
  // The run fields are stamped onto the body, which every reader makes fresh for this one
  // signal: spreading both into a new object costs ~2 µs a signal in Node 20 and an extra allocation in every engine.
  const signal = eventBody(frame.event, payload) as RunSignal;
  signal.runId = runId;
  signal.at = receivedAt;
  signal.source = "live";
  signal.sessionKey = readText(payload, "sessionKey");
  signal.frameSeq = typeof frame.seq === "number" && Number.isFinite(frame.seq) ? frame.seq : undefined;
  signal.runSeq = readNumber(payload, "seq");
  signal.serverAt = readNumber(payload, "ts");
  return [signal];
}

function eventBody(event: string, payload: UnknownRecord): RunSignalBody {
  switch (event) {
    case "chat":
      return chatEventBody(payload);
    case "agent":
      return agentStreamBody(readString(payload, "stream"), readRecord(payload, "data"));
    case "session.tool":
      // Tool activity of a run started by another socket: an `agent` payload whose stream is `tool` unless it says otherwise.
      return agentStreamBody(Object.hasOwn(payload, "stream") ? readString(payload, "stream") : "tool", readRecord(payload, "data"));
    case "chat.send_timing":
      return chatSendTimingBody(payload);
    default:
      return ACTIVITY_EVENTS.has(event) ? { kind: "activity", label: event } : { kind: "unknown", event };
  }
}

function agentStreamBody(stream: string | undefined, data: UnknownRecord | undefined): RunSignalBody {
  if (stream === undefined || data === undefined) return { kind: "unknown", event: "agent", detail: "no stream/data" };
  switch (stream) {
    case "lifecycle":
      return lifecycleStreamBody(data);
    case "assistant":
      return assistantStreamBody(data);
    case "thinking":
      return thinkingStreamBody(data);
    case "tool":
      return toolStreamBody(data);
    case "item":
      return itemStreamBody(data);
    case "command_output":
      return commandOutputStreamBody(data);
    case "run_status":
      return runStatusStreamBody(data);
    case "error":
      return agentErrorBody(data);
    case "usage": {
      // Live the gateway tells only the output of the call that just ended; the row in history has the rest.
      const output = readNumber(data, "outputTokens");
      return output === undefined ? { kind: "activity", label: "usage" } : { kind: "model-usage", output };
    }
    default:
      return ACTIVITY_STREAMS.has(stream) ? { kind: "activity", label: stream } : { kind: "unknown", event: "agent", detail: `stream ${stream}` };
  }
}

/** The only agent error the fold acts on is the gateway's own report of a seq gap. */
function agentErrorBody(data: UnknownRecord): RunSignalBody {
  const reason = readString(data, "reason");
  const expected = readNumber(data, "expected");
  const received = readNumber(data, "received");
  if (reason === "seq gap" && expected !== undefined && received !== undefined) return { kind: "seq-gap", expected, received };
  return { kind: "unknown", event: "agent", detail: `error ${reason ?? ""}`.trim() };
}
