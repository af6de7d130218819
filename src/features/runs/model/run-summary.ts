/**
 * A run at a glance, for the message itself: which tools ran (with the command
 * for shell tools), how each ended and how long it took, what the run is doing
 * now, and one footer line ("Done in 8.4 s · 3 tools · 1 failed"). Everything
 * here is display text, so the component only lays it out.
 *
 * Token counts belong in the footer once a run carries usage; RunTimeline has
 * none today, and the footer says nothing rather than guess.
 */
import { formatClockTime } from "@/lib/clock-time";
import { optional } from "@/lib/read-untrusted";
import { formatDuration } from "./format-duration";
import { describeOpenStepEnd } from "./open-steps";
import { runDurationWords } from "./run-duration";
import type { RunOutcome, RunOutcomeKind } from "./run-outcome";
import { stepsOfKind, toolDurationMs, type RunTimeline, type ToolStep } from "./run-timeline";
import { argumentLine, COMMAND_KEYS, SHELL_TOOLS, toolTitle } from "./tool-title";
import { capitalize, clip, firstLine } from "@/lib/display-text";

/** More than this and the glance shows the latest ones and points at the timeline for the rest. */
export const GLANCE_TOOL_LIMIT = 8;

const MAX_COMMAND_CHARS = 200;
const MAX_ERROR_CHARS = 160;

export type ToolGlanceState = "running" | "done" | "failed" | "unknown";

export interface ToolGlance {
  id: string;
  name: string;
  /** The shell command, on one line, for shell tools; the reader sees exactly what ran. */
  command?: string;
  /** What the call was about when there is no command ("Read src/app.ts"). */
  title: string;
  state: ToolGlanceState;
  /** "exit 0", "done", "running", "failed · exit 2", "unknown since the connection dropped at 14:32:05". */
  statusText: string;
  durationText?: string;
  /** The tool's own error, first line, for a failed call. */
  error?: string;
}

export interface RunSummary {
  /** The latest tool calls, oldest first, at most GLANCE_TOOL_LIMIT. */
  tools: ToolGlance[];
  /** Tool calls before those, shown only in the timeline. */
  earlierTools: number;
  /** What a running run is doing now ("Using exec…"); absent once it has ended. */
  current?: string;
  /** "Done in 7.2 s · 1 tool", "Failed after 3 s · 2 tools · 1 failed", "Running for 4 s". */
  footer: string;
}

/** `run` as shown (open-steps.ts `settleOpenSteps`); `clock` writes the times a settled call names. */
export function summarizeRun(run: RunTimeline, outcome: RunOutcome, clock: (at: number) => string = formatClockTime): RunSummary {
  const allTools = stepsOfKind(run.steps, "tool");
  const shown = allTools.slice(-GLANCE_TOOL_LIMIT);
  const glances = shown.map((step) => toolGlance(step, clock));
  const failedTools = allTools.filter((step) => toolState(step) === "failed").length;
  const retries = outcome.kind === "degraded" ? outcome.retries : stepsOfKind(run.steps, "retry").length;
  const footer = [
    leadWords(run, outcome),
    allTools.length > 0 ? plural(allTools.length, "tool", "tools") : undefined,
    failedTools > 0 ? `${failedTools} failed` : undefined,
    retries > 0 ? plural(retries, "retry", "retries") : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(" · ");
  return {
    tools: glances,
    earlierTools: allTools.length - shown.length,
    ...optional("current", outcome.kind === "running" ? capitalize(outcome.phaseText) : undefined),
    footer,
  };
}

function toolGlance(step: ToolStep, clock: (at: number) => string): ToolGlance {
  const state = toolState(step);
  const duration = toolDurationMs(step);
  return {
    id: step.id,
    name: step.name,
    ...optional("command", commandOf(step)),
    title: toolTitle(step),
    state,
    statusText: step.unsettled ? describeOpenStepEnd(step.unsettled, clock) : statusText(state, step.exitCode),
    ...optional("durationText", state !== "running" && duration !== undefined && duration >= 0 ? formatDuration(duration) : undefined),
    ...optional("error", state === "failed" && step.error ? clip(firstLine(step.error.trim()) ?? "", MAX_ERROR_CHARS) : undefined),
  };
}

function statusText(state: ToolGlanceState, exitCode: number | undefined): string {
  const exit = exitCode !== undefined ? `exit ${exitCode}` : undefined;
  switch (state) {
    case "running":
      return "running";
    case "unknown":
      return "unknown";
    case "failed":
      return exit ? `failed · ${exit}` : "failed";
    case "done":
      return exit ?? "done";
  }
}

/** A non-zero exit is a failure even when the gateway did not flag the call as an error. */
function toolState(step: ToolStep): ToolGlanceState {
  if (step.status === "running" || step.status === "unknown") return step.status;
  if (step.status === "error" || step.isError || (step.exitCode !== undefined && step.exitCode !== 0)) return "failed";
  return "done";
}

function commandOf(step: ToolStep): string | undefined {
  const command = SHELL_TOOLS.has(step.name) ? argumentLine(step.args, COMMAND_KEYS) : undefined;
  return command ? clip(command, MAX_COMMAND_CHARS) : undefined;
}

function leadWords(run: RunTimeline, outcome: RunOutcome): string {
  return outcome.kind === "running" ? `Running for ${formatDuration(outcome.elapsedMs)}` : endedLead(run, outcome.kind);
}

/** How an ended run's footer begins, true to how it ended: "Done in 7.2 s", "Interrupted after 9 s". */
export function endedLead(run: RunTimeline, kind: Exclude<RunOutcomeKind, "running">): string {
  const took = runDurationWords(run);
  const [done, joiner] = LEAD[kind];
  return took === undefined ? done : `${done} ${joiner} ${took}`;
}

const LEAD: Record<Exclude<RunOutcomeKind, "running">, readonly [string, string]> = {
  completed: ["Done", "in"],
  degraded: ["Done", "in"],
  failed: ["Failed", "after"],
  aborted: ["Stopped", "after"],
  interrupted: ["Interrupted", "after"],
  unknown: ["Outcome unknown", "after"],
};

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

