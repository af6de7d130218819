/**
 * A 300-event run with a sub-agent and an exec approval, made of real gateway
 * frames (as long-run.ts makes the 5,000-event run):
 *
 * - the parent run of g-subagent-spawn up to its `sessions_spawn` call (through
 *   Tool Search's `tool_call`) and that call's answer naming the child;
 * - tool turns as long-run.ts builds them, continuing the parent (its `seq`, its clock);
 * - the exec call of exec-approval-allow-once that waited for an operator: its
 *   `exec.approval.requested`, the wait, `exec.approval.resolved` and the command's
 *   output, moved into the parent run (run id, session, `seq`, times);
 * - the parent's last reply and end, the child run in its own session and the
 *   announce run that carries the child's answer back, as captured.
 *
 * Ids are kept where the frames name each other (the spawn's answer names the
 * child's run and session; the announce run id names both); per-run `seq` and
 * times are renumbered so each segment follows the one before.
 */
import { parseApprovalEvent } from "@/gateway/exec-approvals";
import { RunRegistry } from "@/features/runs/registry/run-registry";
import { captureEventFrames, isRec, toGatewayEvent, type RawEvent, type Rec } from "./captures";
import { buildLongRun } from "./long-run";

export interface RunWithChild {
  runId: string;
  sessionKey: string;
  events: RawEvent[];
}

interface Frame {
  frame: Rec;
  receivedAt: number;
}

const GAP_MS = 40;

function payloadOf(entry: Frame): Rec {
  return isRec(entry.frame.payload) ? entry.frame.payload : {};
}

function dataOf(entry: Frame): Rec {
  const data = payloadOf(entry).data;
  return isRec(data) ? data : {};
}

/** Epoch milliseconds anywhere in a frame (ts, startedAt, createdAtMs, message timestamps…). */
function isEpochMs(value: number): boolean {
  return value > 1.6e12 && value < 2.1e12;
}

function shiftTimes(value: unknown, by: number): unknown {
  if (typeof value === "number") return isEpochMs(value) ? value + by : value;
  if (Array.isArray(value)) return value.map((item) => shiftTimes(item, by));
  if (isRec(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shiftTimes(item, by)]));
  return value;
}

/** The segment cloned with its times moved so its first frame arrives `GAP_MS` after `after`. */
function follow(segment: readonly Frame[], after: number): Frame[] {
  const by = after + GAP_MS - (segment[0]?.receivedAt ?? after);
  return segment.map((entry) => ({ frame: shiftTimes(entry.frame, by) as Rec, receivedAt: entry.receivedAt + by }));
}

/** Gives the run's frames the run seqs from `next` on, in order, keeping frames that shared a seq together. */
function renumberRun(segment: readonly Frame[], runId: string, next: number): number {
  const mapped = new Map<number, number>();
  for (const entry of segment) {
    const payload = payloadOf(entry);
    if (payload.runId !== runId || typeof payload.seq !== "number") continue;
    if (!mapped.has(payload.seq)) mapped.set(payload.seq, next++);
    payload.seq = mapped.get(payload.seq);
  }
  return next;
}

function maxRunSeq(segment: readonly Frame[], runId: string): number {
  return Math.max(0, ...segment.map((entry) => payloadOf(entry)).filter((payload) => payload.runId === runId && typeof payload.seq === "number").map((payload) => payload.seq as number));
}

/** The exec call that waited for approval, moved into the parent run. */
function approvalSegment(approvalCapture: string, runId: string, sessionKey: string): Frame[] {
  const frames = captureEventFrames(approvalCapture);
  const requested = frames.find((entry) => entry.frame.event === "exec.approval.requested");
  const request = requested && isRec(payloadOf(requested).request) ? (payloadOf(requested).request as Rec) : undefined;
  const capturedRunId = request?.runId;
  if (typeof capturedRunId !== "string") throw new Error("bench: no exec.approval.requested naming a run in the capture");
  const first = frames.findIndex((entry) => payloadOf(entry).runId === capturedRunId && payloadOf(entry).stream === "item" && dataOf(entry).phase === "start");
  const last = frames.findIndex((entry) => payloadOf(entry).runId === capturedRunId && payloadOf(entry).stream === "command_output" && dataOf(entry).phase === "end");
  return frames.slice(first, last + 1).flatMap((entry) => {
    const clone = structuredClone(entry);
    const payload = payloadOf(clone);
    if (payload.runId === capturedRunId) {
      payload.runId = runId;
      payload.sessionKey = sessionKey;
      return [clone];
    }
    if (isRec(payload.request) && payload.request.runId === capturedRunId) {
      payload.request.runId = runId;
      payload.request.sessionKey = sessionKey;
      return [clone];
    }
    return [];
  });
}

export function buildRunWithChild(captures: { spawn: string; approval: string; tool: string; retry: string }, options: { events: number }): RunWithChild {
  const frames = captureEventFrames(captures.spawn);
  const spawnCall = frames.find((entry) => payloadOf(entry).stream === "tool" && dataOf(entry).name === "tool_call");
  const runId = spawnCall && payloadOf(spawnCall).runId;
  const sessionKey = spawnCall && payloadOf(spawnCall).sessionKey;
  if (typeof runId !== "string" || typeof sessionKey !== "string") throw new Error("bench: no tool_call (sessions_spawn) in the spawn capture");
  // The parent up to the end of its spawn call; then its reply and end, the child, the announce run.
  const spawnEnd = frames.findIndex((entry) => payloadOf(entry).runId === runId && payloadOf(entry).stream === "item" && dataOf(entry).phase === "end" && dataOf(entry).name === "tool_call");
  const opening = frames.slice(0, spawnEnd + 1).map((entry) => structuredClone(entry));
  const rest = frames.slice(spawnEnd + 1).map((entry) => structuredClone(entry));
  const tail = rest.filter((entry) => payloadOf(entry).runId === runId);
  const others = rest.filter((entry) => payloadOf(entry).runId !== runId);

  const approval = approvalSegment(captures.approval, runId, sessionKey);
  const fillerEvents = options.events - opening.length - approval.length - rest.length;
  if (fillerEvents < 0) throw new Error(`bench: the captures alone are more than ${options.events} events`);
  const openingEnd = opening.at(-1)?.receivedAt ?? 0;
  const filler = buildLongRun(captures.tool, captures.retry, {
    events: fillerEvents,
    ended: false,
    continues: { runId, sessionKey, at: openingEnd + GAP_MS, seq: maxRunSeq(opening, runId) + 1 },
  }).events.map((event) => ({ frame: JSON.parse(event.line) as Rec, receivedAt: event.receivedAt }));

  let seq = maxRunSeq(filler, runId) + 1;
  const approvalMoved = follow(approval, filler.at(-1)?.receivedAt ?? openingEnd);
  seq = renumberRun(approvalMoved, runId, seq);
  const ending = follow([...tail, ...others].sort((a, b) => a.receivedAt - b.receivedAt), approvalMoved.at(-1)?.receivedAt ?? 0);
  renumberRun(ending, runId, seq);

  const all = [...opening, ...filler, ...approvalMoved, ...ending];
  const events = all.map((entry, index) => {
    entry.frame.seq = index + 1;
    return { line: JSON.stringify(entry.frame), receivedAt: entry.receivedAt };
  });
  if (events.length !== options.events) throw new Error(`bench: built ${events.length} frames, wanted ${options.events}`);
  return { runId, sessionKey, events };
}

/** The frames read as the page reads them: approvals through `approvalSeen`, everything else as run events. */
export function registryOf(events: readonly RawEvent[]): RunRegistry {
  const registry = new RunRegistry({ readLocalLog: () => Promise.resolve([]), recordLocalLog: () => {} });
  for (const event of events) {
    const frame = toGatewayEvent(JSON.parse(event.line));
    if (!frame) continue;
    const approval = parseApprovalEvent(frame.event, frame.payload);
    if (approval) {
      registry.approvalSeen(approval);
      continue;
    }
    const state = isRec(frame.payload) ? frame.payload.state : undefined;
    registry.runEventReceived({ frame, runEnded: frame.event === "chat" && (state === "final" || state === "aborted" || state === "error") }, event.receivedAt);
  }
  return registry;
}
