/**
 * Tool calls on the run timeline. One call arrives in up to four streams —
 * `tool` (args, partial and final result), `item` (readable title, server
 * times), `command_output` (live output, exit code) and history's toolCall /
 * toolResult rows — in any order, so every handler merges into the step keyed
 * by toolCallId and leaves the run untouched when nothing new was learned.
 */
import { appendBounded, boundedText, EMPTY_TEXT, type BoundedText } from "./bounded-text";
import type { RunSignal } from "./run-signal";
import type { RunPhase, RunTimeline, ToolStep } from "./run-timeline";
import { findStep, putStep } from "./step-list";

/** Arguments above this size are kept as a truncated preview so the run stays small. */
const MAX_ARGS_CHARS = 16_000;

export type ToolSignal = Extract<RunSignal, { kind: "tool-start" | "tool-update" | "tool-result" | "command-output" }>;

function toolKey(signal: ToolSignal): string | undefined {
  if (signal.kind !== "command-output") return signal.toolCallId;
  return signal.toolCallId ?? signal.itemId;
}

export function foldToolSignal(run: RunTimeline, signal: ToolSignal): RunTimeline {
  const toolCallId = toolKey(signal);
  if (toolCallId === undefined) return run;
  return upsertTool(run, toolCallId, signal, (step) => patchTool(step, signal));
}

function upsertTool(
  run: RunTimeline,
  toolCallId: string,
  signal: RunSignal & { name?: string },
  patch: (step: ToolStep) => ToolStep,
): RunTimeline {
  const id = `tool:${toolCallId}`;
  const index = findStep(run.steps, id);
  const found = index >= 0 ? run.steps[index] : undefined;
  const existing: ToolStep =
    found?.kind === "tool"
      ? found
      : {
          id,
          kind: "tool",
          at: signal.at,
          source: signal.source,
          toolCallId,
          name: signal.name ?? "tool",
          output: EMPTY_TEXT,
          isError: false,
          status: "running",
        };
  let step = patch(existing);
  if (signal.at < step.at) step = { ...step, at: signal.at };
  if (found?.kind === "tool" && sameFields(found, step)) return run;
  const next = putStep(run, step, index);
  return next.status === "ended" ? next : { ...next, status: "running", phase: toolPhase(next) };
}

function patchTool(step: ToolStep, signal: ToolSignal): ToolStep {
  switch (signal.kind) {
    case "tool-start":
      return {
        ...step,
        name: signal.name,
        args: step.args ?? boundArgs(signal.args),
        parentToolCallId: step.parentToolCallId ?? signal.parentToolCallId,
      };
    case "tool-update":
      if (signal.partialText === undefined || step.outputFrom === "command" || step.status !== "running") return step;
      return { ...step, output: boundedText(signal.partialText), outputFrom: "partial" };
    case "tool-result": {
      if (step.result !== undefined) return step;
      const result = signal.resultText === undefined ? EMPTY_TEXT : boundedText(signal.resultText);
      const useResultAsOutput = step.output.totalChars === 0;
      return finishTool(
        {
          ...step,
          name: step.name === "tool" && signal.name ? signal.name : step.name,
          result,
          output: useResultAsOutput ? result : step.output,
          outputFrom: useResultAsOutput ? "result" : step.outputFrom,
          exitCode: step.exitCode ?? signal.exitCode,
          durationMs: step.durationMs ?? signal.durationMs,
          isError: signal.isError,
          error: signal.errorText ?? (signal.isError ? firstLine(signal.resultText) : undefined),
        },
        signal.at,
        signal.isError ? "error" : "done",
      );
    }
    case "command-output": {
      const named = step.name === "tool" && signal.name ? { ...step, name: signal.name } : step;
      if (signal.phase === "delta") {
        if (signal.output === undefined || named.status !== "running") return named;
        const output = named.outputFrom === "command" ? appendBounded(named.output, signal.output) : boundedText(signal.output);
        return { ...named, output, outputFrom: "command" };
      }
      const ended = {
        ...named,
        output: signal.output === undefined ? named.output : boundedText(signal.output),
        outputFrom: signal.output === undefined ? named.outputFrom : ("command" as const),
        exitCode: named.exitCode ?? signal.exitCode,
        durationMs: named.durationMs ?? signal.durationMs,
      };
      return ended;
    }
  }
}

/**
 * Shallow equality that looks inside BoundedText values, so a re-delivered
 * tool event that rebuilds identical output leaves the run untouched.
 */
function sameFields(a: ToolStep, b: ToolStep): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const left: unknown = a[key as keyof ToolStep];
    const right: unknown = b[key as keyof ToolStep];
    if (left === right) continue;
    if (!isBounded(left) || !isBounded(right)) return false;
    if (left.head !== right.head || left.tail !== right.tail || left.totalChars !== right.totalChars) return false;
  }
  return true;
}

function isBounded(value: unknown): value is BoundedText {
  return typeof value === "object" && value !== null && "head" in value && "totalChars" in value;
}

function finishTool(step: ToolStep, at: number, status: "done" | "error"): ToolStep {
  const endedAt = step.endedAt ?? at;
  return {
    ...step,
    status: step.status === "error" ? "error" : status,
    endedAt,
    durationMs: step.durationMs ?? Math.max(0, endedAt - step.at),
  };
}

function firstLine(text: string | undefined): string | undefined {
  const line = text?.split("\n", 1)[0]?.trim();
  return line === "" ? undefined : line;
}

function boundArgs(args: unknown): unknown {
  if (args === undefined) return undefined;
  let json: string;
  try {
    json = JSON.stringify(args) ?? "";
  } catch {
    return "[unreadable arguments]";
  }
  return json.length <= MAX_ARGS_CHARS ? args : `${json.slice(0, MAX_ARGS_CHARS)}… (${json.length} characters)`;
}

/** Running tools are recent; looking further back would make long runs quadratic. */
const TOOL_PHASE_LOOKBACK = 64;

function toolPhase(run: RunTimeline): RunPhase {
  const stop = Math.max(0, run.steps.length - TOOL_PHASE_LOOKBACK);
  for (let index = run.steps.length - 1; index >= stop; index -= 1) {
    const step = run.steps[index];
    if (step?.kind === "tool" && step.status === "running") return { kind: "using-tool", tool: step.name, title: step.title };
  }
  return { kind: "waiting-for-model" };
}

/** An activity item of kind `tool`: the readable title, server-side start/end and failure of a tool call. */
export function foldToolItem(run: RunTimeline, signal: Extract<RunSignal, { kind: "item" }>): RunTimeline {
  const toolCallId = signal.toolCallId ?? signal.itemId;
  return upsertTool(run, toolCallId, signal, (step) => {
    let next: ToolStep = step;
    if (signal.name && step.name === "tool") next = { ...next, name: signal.name };
    if (signal.title && !step.title) next = { ...next, title: signal.title };
    const serverStart = signal.startedAt ?? signal.serverAt;
    if (serverStart !== undefined && step.serverStartedAt === undefined && signal.phase === "start") {
      next = { ...next, serverStartedAt: serverStart };
    }
    if (signal.phase !== "end") return next;
    const failed = signal.status === "failed" || signal.status === "error" || signal.error !== undefined;
    const serverDuration =
      signal.endedAt !== undefined && (next.serverStartedAt ?? signal.startedAt) !== undefined
        ? signal.endedAt - (next.serverStartedAt ?? signal.startedAt ?? signal.endedAt)
        : undefined;
    next = {
      ...next,
      durationMs: next.durationMs ?? serverDuration,
      error: next.error ?? signal.error,
      isError: next.isError || failed,
    };
    return next.status === "running" ? finishTool(next, signal.at, failed ? "error" : "done") : next;
  });
}
