/**
 * A synthetic but realistic long run, made of the real gateway frames of a
 * tool run (b-tool-call-exec) and a rate-limited run (c-rate-limit-429-recovered):
 * the frames are cloned, renamed and re-numbered (per-run `seq`, frame `seq`,
 * times), never invented field by field, so their shape and size (including the
 * 4 KB `session` snapshot the gateway attaches to tool events) stay what a
 * gateway really sends.
 *
 * One model turn of the run = a model selection, usage, one tool call (three in
 * a row every fourth turn: item start/update/end, tool start/update/result, two
 * command_output deltas and the end) and two assistant deltas (agent + chat);
 * every 40th turn adds a failed attempt and its retry.
 */
import { captureEventFrames, isRec, type RawEvent, type Rec } from "./captures";

export interface LongRunOptions {
  /** Exactly this many event frames. */
  events: number;
  /** Ended runs get the real terminal sequence (finishing, end, chat final); live runs stop mid-way. */
  ended: boolean;
  /** Turns of another run (bench/lib/run-with-child.ts): its id and session, its clock, its next `seq`, no prologue. */
  continues?: { runId: string; sessionKey: string; at: number; seq: number };
}

export interface LongRun {
  runId: string;
  sessionKey: string;
  events: RawEvent[];
}

const RUN_ID = "bench-5f1c2a7e-0d3b-4c61-9a55-2b7d1e0c4f88";
const SESSION_KEY = "agent:main:main";
const T0 = 1_795_485_398_000;

const COMMANDS = [
  "ls -la src/features/runs",
  "rg -n 'foldRunSignal' src",
  "npm run typecheck",
  "git diff --stat",
  "cat package.json",
  "node scripts/check.mjs --fast",
  "sed -n 1,80p src/app/chat-pane.tsx",
];

type Template = Rec & { payload: Rec };

function find(frames: readonly Rec[], event: string, match: (payload: Rec, data: Rec) => boolean, label: string): Template {
  for (const frame of frames) {
    const payload = frame.payload;
    if (frame.event !== event || !isRec(payload)) continue;
    const data = isRec(payload.data) ? payload.data : {};
    if (match(payload, data)) return frame as Template;
  }
  throw new Error(`bench: no ${label} frame in the capture`);
}

function templates(toolCapture: string, retryCapture: string) {
  const tool = captureEventFrames(toolCapture).map((entry) => entry.frame);
  const retry = captureEventFrames(retryCapture).map((entry) => entry.frame);
  const agent = (stream: string, phase: string | undefined, extra: (data: Rec) => boolean = () => true) => (p: Rec, d: Rec) =>
    p.stream === stream && (phase === undefined || d.phase === phase) && extra(d);
  return {
    timingStart: find(tool, "chat.send_timing", (p) => p.phase === "dispatch-started", "timing start"),
    timingModel: find(tool, "chat.send_timing", (p) => p.phase === "model-selected", "timing model"),
    timingDone: find(tool, "chat.send_timing", (p) => p.phase === "dispatch-completed", "timing done"),
    chatStatus: find(tool, "chat", (p) => p.state === "status" && !("retry" in p), "chat status"),
    runStatus: find(tool, "agent", agent("run_status", undefined), "run_status"),
    lifecycleStart: find(tool, "agent", agent("lifecycle", "start"), "lifecycle start"),
    lifecycleModel: find(tool, "agent", agent("lifecycle", "model", (d) => typeof d.model === "string"), "lifecycle model"),
    modelCleared: find(tool, "agent", agent("lifecycle", "model", (d) => d.model === null), "model cleared"),
    usage: find(tool, "agent", agent("usage", undefined), "usage"),
    itemStart: find(tool, "agent", agent("item", "start"), "item start"),
    itemUpdate: find(tool, "agent", agent("item", "update"), "item update"),
    itemEnd: find(tool, "agent", agent("item", "end"), "item end"),
    toolStart: find(tool, "agent", agent("tool", "start"), "tool start"),
    toolUpdate: find(tool, "agent", agent("tool", "update"), "tool update"),
    toolResult: find(tool, "agent", agent("tool", "result"), "tool result"),
    commandDelta: find(tool, "agent", agent("command_output", "delta"), "command_output delta"),
    commandEnd: find(tool, "agent", agent("command_output", "end"), "command_output end"),
    assistant: find(tool, "agent", agent("assistant", undefined), "assistant"),
    chatDelta: find(tool, "chat", (p) => p.state === "delta", "chat delta"),
    finishing: find(tool, "agent", agent("lifecycle", "finishing"), "finishing"),
    end: find(tool, "agent", agent("lifecycle", "end"), "lifecycle end"),
    chatFinal: find(tool, "chat", (p) => p.state === "final", "chat final"),
    finishingError: find(retry, "agent", agent("lifecycle", "finishing", (d) => typeof d.error === "string"), "finishing with error"),
    chatRetry: find(retry, "chat", (p) => p.state === "status" && isRec(p.retry), "chat retry"),
    runStatusRetrying: find(retry, "agent", agent("run_status", "retrying"), "run_status retrying"),
    assistantReset: find(retry, "agent", agent("assistant", undefined, (d) => d.replace === true), "assistant reset"),
  };
}

function data(payload: Rec): Rec {
  return payload.data as Rec;
}

function firstContent(holder: unknown): Rec | undefined {
  const content = isRec(holder) ? holder.content : undefined;
  return Array.isArray(content) && isRec(content[0]) ? content[0] : undefined;
}

function outputOf(turn: number, call: number, command: string): string {
  const lines = [`$ ${command}`];
  for (let line = 0; line < 6; line += 1) lines.push(`turn ${turn} call ${call} line ${line}: ${"ok ".repeat(6 + ((turn + line) % 9))}`);
  return lines.join("\n");
}

export function buildLongRun(toolCapture: string, retryCapture: string, options: LongRunOptions): LongRun {
  const t = templates(toolCapture, retryCapture);
  const runId = options.continues?.runId ?? RUN_ID;
  const sessionKey = options.continues?.sessionKey ?? SESSION_KEY;
  let now = options.continues?.at ?? T0;
  let runSeq = options.continues ? options.continues.seq - 1 : 0;
  let frameSeq = 0;
  let out: RawEvent[] = [];

  const emit = (template: Template, seq: "next" | "same" | "none", patch: (payload: Rec) => void = () => {}): void => {
    const frame = structuredClone(template);
    const payload = frame.payload;
    payload.runId = runId;
    payload.sessionKey = sessionKey;
    if (seq === "next") runSeq += 1;
    if (seq !== "none") payload.seq = runSeq;
    now += 7 + ((frameSeq * 13) % 40);
    if ("ts" in payload) payload.ts = now;
    patch(payload);
    frameSeq += 1;
    frame.seq = frameSeq;
    out.push({ line: JSON.stringify(frame), receivedAt: now + 2 });
  };
  const status = (phase: string): void => {
    emit(t.chatStatus, "next", (p) => (p.phase = phase));
    emit(t.runStatus, "same", (p) => (data(p).phase = phase));
  };

  if (!options.continues) {
    // Prologue, as in the capture.
    emit(t.timingStart, "none");
    emit(t.timingModel, "none");
    status("preparing_workspace");
    status("preparing_context");
    emit(t.lifecycleStart, "next", (p) => (data(p).startedAt = now));
    status("starting_model");
  }

  let retries = 0;
  let lastText = "";
  const epilogueSize = options.ended ? 6 : 0;
  for (let turn = 0; out.length < options.events - epilogueSize; turn += 1) {
    emit(t.lifecycleModel, "next");
    emit(t.usage, "next", (p) => (data(p).outputTokens = 7 * (turn + 1)));
    const calls = turn % 4 === 3 ? 3 : 1;
    for (let call = 0; call < calls; call += 1) {
      const id = `call_bench_${turn}_${call}`;
      const command = COMMANDS[(turn + call) % COMMANDS.length] ?? "true";
      const output = outputOf(turn, call, command);
      const half = Math.floor(output.length / 2);
      const failed = turn % 23 === 5;
      const startedAt = now;
      const item = (d: Rec): void => {
        d.itemId = `tool:${id}`;
        d.toolCallId = id;
        d.title = `Exec ${command}`;
        d.meta = command;
        d.startedAt = startedAt;
      };
      emit(t.itemStart, "next", (p) => item(data(p)));
      emit(t.toolStart, "next", (p) => {
        data(p).toolCallId = id;
        data(p).args = { command };
      });
      emit(t.toolUpdate, "next", (p) => {
        const d = data(p);
        d.toolCallId = id;
        const part = firstContent(d.partialResult);
        if (part) part.text = output.slice(0, half);
        if (isRec(d.partialResult) && isRec(d.partialResult.details)) d.partialResult.details.tail = output.slice(0, half);
      });
      emit(t.itemUpdate, "next", (p) => item(data(p)));
      emit(t.commandDelta, "next", (p) => {
        const d = data(p);
        d.itemId = `command:${id}`;
        d.toolCallId = id;
        d.output = output.slice(0, half);
      });
      emit(t.commandDelta, "next", (p) => {
        const d = data(p);
        d.itemId = `command:${id}`;
        d.toolCallId = id;
        d.output = output.slice(half);
      });
      emit(t.toolResult, "next", (p) => {
        const d = data(p);
        d.toolCallId = id;
        d.isError = failed;
        const part = firstContent(d.result);
        if (part) part.text = output;
        if (isRec(d.result) && isRec(d.result.details)) {
          d.result.details.aggregated = output;
          d.result.details.exitCode = failed ? 1 : 0;
          d.result.details.durationMs = now - startedAt;
        }
      });
      emit(t.itemEnd, "next", (p) => {
        const d = data(p);
        item(d);
        d.status = failed ? "failed" : "completed";
        d.endedAt = now;
      });
      emit(t.commandEnd, "next", (p) => {
        const d = data(p);
        d.itemId = `command:${id}`;
        d.toolCallId = id;
        d.output = output;
        d.exitCode = failed ? 1 : 0;
        d.durationMs = now - startedAt;
      });
    }
    emit(t.lifecycleModel, "next");
    const segment = `7002d7b3-3fac-4ecf-acfc-f67e83575f1c:${turn + 2}`;
    const first = `Turn ${turn + 1}: ran ${calls === 1 ? "a command" : `${calls} commands`}.`;
    const second = `${first} The output looks as expected, so I will continue with the next check.`;
    for (const [text, delta] of [
      [first, first],
      [second, second.slice(first.length)],
    ] as const) {
      emit(t.assistant, "next", (p) => {
        const d = data(p);
        d.itemId = segment;
        d.text = text;
        d.delta = delta;
      });
      emit(t.chatDelta, "same", (p) => {
        p.deltaText = delta;
        const part = firstContent(p.message);
        if (part) part.text = text;
        if (isRec(p.message)) p.message.timestamp = now;
      });
    }
    lastText = second;
    if (turn % 40 === 39) {
      retries += 1;
      const attempt = retries + 1;
      emit(t.finishingError, "next");
      emit(t.chatRetry, "next", (p) => {
        if (isRec(p.retry)) p.retry.attempt = attempt;
      });
      emit(t.runStatusRetrying, "same", (p) => {
        const d = data(p);
        d.attempt = attempt;
        d.message = `Retrying… ${attempt}/10`;
      });
      emit(t.assistantReset, "next", (p) => (data(p).itemId = `reset:${turn}`));
      status("preparing_context");
      emit(t.lifecycleStart, "next", (p) => (data(p).startedAt = now));
    }
  }
  out = out.slice(0, options.events - epilogueSize);

  if (options.ended) {
    emit(t.finishing, "next");
    emit(t.modelCleared, "next");
    emit(t.end, "next", (p) => {
      const d = data(p);
      if (isRec(d.terminalReply)) d.terminalReply.text = lastText;
      if (isRec(d.terminalReceipt)) d.terminalReceipt.runId = runId;
    });
    emit(t.chatDelta, "same", (p) => {
      p.deltaText = "";
      const part = firstContent(p.message);
      if (part) part.text = lastText;
    });
    emit(t.chatFinal, "same", (p) => {
      const part = firstContent(p.message);
      if (part) part.text = lastText;
    });
    emit(t.timingDone, "none");
  }
  if (out.length !== options.events) throw new Error(`bench: built ${out.length} frames, wanted ${options.events}`);
  return { runId, sessionKey, events: out };
}
