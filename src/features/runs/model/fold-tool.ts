/**
 * Tool calls on the run timeline. One call arrives in up to four streams —
 * `tool` (args, partial and final result), `item` (readable title, server
 * times), `command_output` (live output, exit code) and history's toolCall /
 * toolResult rows — in any order, so every handler merges into the step keyed
 * by toolCallId and leaves the run untouched when nothing new was learned.
 */
import { boundedText, EMPTY_TEXT, type BoundedText } from "./bounded-text";
import { PHASE, running } from "./fold-lifecycle";
import type { RunDraft } from "./fold-state";
import { addFinalOutput, addOutputPiece, type LiveOutput, type OutputPiece } from "./live-output";
import type { RunSignal } from "./run-signal";
import type { TimelineStep, ToolStep } from "./run-timeline";
import { firstLine } from "@/lib/display-text";

/** Arguments above this size are kept as a truncated preview so the run stays small. */
const MAX_ARGS_CHARS = 16_000;

export type ToolSignal = Extract<RunSignal, { kind: "tool-start" | "tool-update" | "tool-result" | "command-output" }>;
type ItemSignal = Extract<RunSignal, { kind: "item" }>;

/** The tool call a signal is about, keyed as its step is; undefined for signals about no tool call. */
export function toolCallKeyOf(signal: RunSignal): string | undefined {
  switch (signal.kind) {
    case "tool-start":
    case "tool-update":
    case "tool-result":
      return signal.toolCallId;
    case "command-output":
      return signal.toolCallId ?? signal.itemId;
    case "item":
      // Other items are notes; only a tool item makes or ends the tool's step.
      return signal.itemKind === "tool" ? (signal.toolCallId ?? signal.itemId) : undefined;
    default:
      return undefined;
  }
}

export function foldToolSignal(run: RunDraft, signal: ToolSignal): boolean {
  const toolCallId = toolCallKeyOf(signal);
  if (toolCallId === undefined) return false;
  return upsertTool(run, toolCallId, signal, patchTool);
}

/** An activity item of kind `tool`: the readable title, server-side start/end and failure of a tool call. */
export function foldToolItem(run: RunDraft, signal: ItemSignal): boolean {
  const toolCallId = toolCallKeyOf(signal);
  if (toolCallId === undefined) return false;
  return upsertTool(run, toolCallId, signal, patchFromItem);
}

/**
 * The step is copied once and patched in place before anyone sees it, instead
 * of one spread copy per change (spreads are slow in Node 20).
 */
function upsertTool<S extends ToolSignal | ItemSignal>(run: RunDraft, toolCallId: string, signal: S, patch: (step: ToolStep, signal: S) => void): boolean {
  const steps = run.steps;
  const at = signal.at;
  const newest = steps.at(steps.length - 1);
  // The call being updated is usually the newest step: found without building its id.
  const index = newest?.kind === "tool" && newest.toolCallId === toolCallId ? steps.length - 1 : steps.indexOf(`tool:${toolCallId}`);
  const found = steps.at(index);
  const existing = found?.kind === "tool" ? found : undefined;
  const step = toolStep(
    existing ?? {
      id: `tool:${toolCallId}`,
      kind: "tool",
      at,
      source: signal.source,
      toolCallId,
      name: signal.name ?? "tool",
      output: EMPTY_TEXT,
      isError: false,
      status: "running",
    },
  );
  patch(step, signal);
  if (at < step.at) step.at = at;
  if (existing !== undefined && sameTool(existing, step)) return false;
  run.steps = steps.put(step, index);
  run.runningTools += (step.status === "running" ? 1 : 0) - (existing?.status === "running" ? 1 : 0);
  if (run.status !== "ended") showToolPhase(run, step);
  return true;
}

/** A copy with every field, in one order, so all tool steps share one shape. */
function toolStep(from: ToolStep): ToolStep {
  return {
    id: from.id,
    kind: "tool",
    at: from.at,
    endedAt: from.endedAt,
    durationMs: from.durationMs,
    source: from.source,
    toolCallId: from.toolCallId,
    name: from.name,
    title: from.title,
    args: from.args,
    output: from.output,
    outputFrom: from.outputFrom,
    result: from.result,
    exitCode: from.exitCode,
    isError: from.isError,
    error: from.error,
    status: from.status,
    parentToolCallId: from.parentToolCallId,
    serverStartedAt: from.serverStartedAt,
    confirmedByHistory: from.confirmedByHistory,
  };
}

function patchTool(step: ToolStep, signal: ToolSignal): void {
  switch (signal.kind) {
    case "tool-start":
      step.name = signal.name;
      step.args ??= boundArgs(signal.args);
      step.parentToolCallId ??= signal.parentToolCallId;
      return;
    case "tool-update":
      if (signal.partialText !== undefined) addLiveOutput(step, { mode: "snapshot", text: signal.partialText });
      return;
    case "tool-result": {
      if (step.result !== undefined) return;
      const result = signal.resultText === undefined ? EMPTY_TEXT : boundedText(signal.resultText);
      if (step.name === "tool" && signal.name) step.name = signal.name;
      if (step.output.totalChars === 0) {
        step.output = result;
        step.outputFrom = "result";
      } else if (signal.resultText !== undefined) {
        setOutput(step, addFinalOutput(liveOutput(step), signal.resultText));
      }
      step.result = result;
      step.exitCode ??= signal.exitCode;
      step.durationMs ??= signal.durationMs;
      step.isError = signal.isError;
      step.error = signal.errorText ?? (signal.isError ? firstLine(signal.resultText) : undefined);
      finishTool(step, signal.at, signal.isError ? "error" : "done");
      return;
    }
    case "command-output":
      if (step.name === "tool" && signal.name) step.name = signal.name;
      if (signal.phase === "delta") {
        if (signal.chunk !== undefined) addLiveOutput(step, { mode: "chunk", text: signal.chunk });
        if (signal.output !== undefined) addLiveOutput(step, { mode: "snapshot", text: signal.output });
        return;
      }
      if (signal.output !== undefined) setOutput(step, addFinalOutput(liveOutput(step), signal.output));
      step.exitCode ??= signal.exitCode;
      step.durationMs ??= signal.durationMs;
      return;
  }
}

function liveOutput(step: ToolStep): LiveOutput {
  return { text: step.output, fromSnapshots: step.outputFrom === "snapshots" };
}

function setOutput(step: ToolStep, output: LiveOutput): void {
  if (output.text === step.output && (step.outputFrom === "snapshots") === output.fromSnapshots) return;
  step.output = output.text;
  step.outputFrom = output.fromSnapshots ? "snapshots" : "chunks";
}

/** Live pieces count only while the call runs: one that arrives after its result is older than the result. */
function addLiveOutput(step: ToolStep, piece: OutputPiece): void {
  if (step.status === "running") setOutput(step, addOutputPiece(liveOutput(step), piece));
}

function patchFromItem(step: ToolStep, signal: ItemSignal): void {
  if (signal.name && step.name === "tool") step.name = signal.name;
  if (signal.title && !step.title) step.title = signal.title;
  const serverStart = signal.startedAt ?? signal.serverAt;
  if (serverStart !== undefined && step.serverStartedAt === undefined && signal.phase === "start") step.serverStartedAt = serverStart;
  if (signal.phase !== "end") return;
  const failed = signal.status === "failed" || signal.status === "error" || signal.error !== undefined;
  const startedAt = step.serverStartedAt ?? signal.startedAt;
  step.durationMs ??= signal.endedAt !== undefined && startedAt !== undefined ? signal.endedAt - startedAt : undefined;
  step.error ??= signal.error;
  step.isError = step.isError || failed;
  if (step.status === "running") finishTool(step, signal.at, failed ? "error" : "done");
}

function sameText(a: BoundedText | undefined, b: BoundedText | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.head === b.head && a.tail === b.tail && a.totalChars === b.totalChars);
}

/** Field by field, looking inside output and result, so a re-delivered event that rebuilds identical output changes nothing. */
function sameTool(a: ToolStep, b: ToolStep): boolean {
  // The fields a new event usually changes come first.
  return (
    sameText(a.output, b.output) &&
    a.status === b.status &&
    a.title === b.title &&
    sameText(a.result, b.result) &&
    a.outputFrom === b.outputFrom &&
    a.endedAt === b.endedAt &&
    a.durationMs === b.durationMs &&
    a.exitCode === b.exitCode &&
    a.isError === b.isError &&
    a.error === b.error &&
    a.name === b.name &&
    a.args === b.args &&
    a.serverStartedAt === b.serverStartedAt &&
    a.parentToolCallId === b.parentToolCallId &&
    a.at === b.at &&
    a.id === b.id &&
    a.source === b.source &&
    a.toolCallId === b.toolCallId &&
    a.confirmedByHistory === b.confirmedByHistory
  );
}

function finishTool(step: ToolStep, at: number, status: "done" | "error"): void {
  const endedAt = step.endedAt ?? at;
  step.status = step.status === "error" ? "error" : status;
  step.endedAt = endedAt;
  // A history row's time is when the result was stored, its start when the model wrote the call: no duration.
  if (step.source !== "history") step.durationMs ??= Math.max(0, endedAt - step.at);
}


function boundArgs(args: unknown): unknown {
  if (args === undefined) return undefined;
  // Most arguments are small: a cheap upper bound of their JSON size spares serializing them.
  if (jsonLengthBound(args, 0) <= MAX_ARGS_CHARS) return args;
  let json: string;
  try {
    json = JSON.stringify(args) ?? "";
  } catch {
    return "[unreadable arguments]";
  }
  return json.length <= MAX_ARGS_CHARS ? args : `${json.slice(0, MAX_ARGS_CHARS)}… (${json.length} characters)`;
}

/**
 * At least `JSON.stringify(value).length` (every character escaped, every
 * number at its longest), or Infinity for anything but plain JSON data, which
 * is then measured exactly.
 */
function jsonLengthBound(value: unknown, depth: number): number {
  switch (typeof value) {
    case "string":
      return 2 + 6 * value.length;
    case "number":
      return 24;
    case "boolean":
    case "undefined":
      return 9;
    case "object": {
      if (value === null) return 4;
      if (depth > 32) return Number.POSITIVE_INFINITY;
      let total = 2;
      if (Array.isArray(value)) {
        for (const item of value as unknown[]) total += 1 + jsonLengthBound(item, depth + 1);
        return total;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) return Number.POSITIVE_INFINITY;
      // for…in may also count inherited keys: the bound only grows.
      for (const key in value) total += 4 + 6 * key.length + jsonLengthBound((value as Record<string, unknown>)[key], depth + 1);
      return total;
    }
    default:
      return Number.POSITIVE_INFINITY;
  }
}

/** Running tools are recent; looking further back would make long runs quadratic. */
const TOOL_PHASE_LOOKBACK = 64;

function isRunningTool(step: TimelineStep): boolean {
  return step.kind === "tool" && step.status === "running";
}

/** The phase names the newest running tool, if any ran lately. */
function showToolPhase(run: RunDraft, updated: ToolStep): void {
  const steps = run.steps;
  // Usually no tool is running, or the call just updated is the newest step and still running: no search.
  const newestRunning =
    run.runningTools === 0
      ? undefined
      : steps.at(steps.length - 1) === updated && updated.status === "running"
        ? updated
        : steps.at(steps.findLastIndex(isRunningTool, TOOL_PHASE_LOOKBACK));
  if (newestRunning?.kind !== "tool") {
    running(run, PHASE.waitingForModel);
    return;
  }
  const phase = run.phase;
  const same = phase.kind === "using-tool" && phase.tool === newestRunning.name && phase.title === newestRunning.title;
  running(run, same ? phase : { kind: "using-tool", tool: newestRunning.name, title: newestRunning.title });
}
