/**
 * A run on one time axis, from its creation to its end (or to now while it
 * runs): the waterfall's layout, as offsets in ms, so the view only sizes bars.
 *
 * Every time is the browser's receive time (`at`, `endedAt`), the one clock all
 * steps share; a tool's server-side `durationMs` is on another clock and would
 * misplace the bar, so it is only used when a step has no `endedAt`.
 *
 * Model calls are read from the order of steps: a call opens at `started` or
 * `model-selected`, after a retry's wait, or when the tools it asked for have
 * ended; it waits for its first token until the first text, thinking or tool
 * call, then streams until the next tool call, the next retry, or the end.
 */
import { formatClockTime } from "@/lib/clock-time";
import { describeOpenStepEnd } from "./open-steps";
import { toolTitle } from "./tool-title";
import { missedEventCount, missedSeqRange } from "./describe-gap";
import type { GapStep, RunTimeline, TimelineStep, ToolStep } from "./run-timeline";
import { capitalize } from "@/lib/display-text";

export type WaterfallBarKind =
  | "queued"
  | "model-wait"
  | "model-stream"
  | "tool"
  | "tool-error"
  | "retry-wait"
  | "gap"
  | "disconnected"
  | "reconnected"
  | "restart";

export interface WaterfallBar {
  id: string;
  kind: WaterfallBarKind;
  label: string;
  /** Offsets from the run's creation, clamped to the axis; equal for a moment (a reconnect, a restart notice). */
  startMs: number;
  endMs: number;
}

export interface WaterfallLane {
  id: string;
  label: string;
  bars: WaterfallBar[];
}

export interface RunWaterfall {
  durationMs: number;
  /** Model, one row per overlapping tool call, retry waits, missed events; only lanes with bars, except Model. */
  lanes: WaterfallLane[];
  /** Disconnects (with their close code in words) up to the reconnect, and restart notices. */
  connection: WaterfallBar[];
}

/** The axis ends at the run's end; a live run's at `now` (never before its last event). */
export function waterfallEndAt(run: RunTimeline, now: number): number {
  if (run.status === "ended") return run.endedAt ?? run.lastEventAt;
  // Connection news is not run activity, yet an interrupted run's axis must reach the reconnect that settled it.
  const newestStep = run.steps.at(-1)?.at ?? run.lastEventAt;
  // Nothing is known after the drop (open-steps.ts): the axis stops there instead of running on with the clock.
  return Math.max(run.openStepsEnd ? 0 : now, run.lastEventAt, newestStep);
}

export function buildRunWaterfall(run: RunTimeline, now: number): RunWaterfall {
  const durationMs = Math.max(0, waterfallEndAt(run, now) - run.createdAt);
  const offset = (at: number) => Math.min(durationMs, Math.max(0, at - run.createdAt));
  // A run's steps are kept in time order (step-list.ts, merge-run-sources.ts), as the bars need them.
  const steps = run.steps;
  const toolRows = layToolRows(steps, offset, durationMs);
  const lanes: WaterfallLane[] = [
    { id: "model", label: "Model", bars: modelBars(steps, offset, durationMs, run.openStepsEnd && `Model: ${describeOpenStepEnd(run.openStepsEnd, formatClockTime)}`) },
    ...toolRows.map((bars, index) => ({ id: `tools-${index + 1}`, label: index === 0 ? "Tools" : `Tools ${index + 1}`, bars })),
    { id: "retries", label: "Retry waits", bars: retryBars(steps, offset) },
    { id: "gaps", label: "Missed events", bars: gapBars(steps, offset) },
  ];
  return {
    durationMs,
    lanes: lanes.filter((lane) => lane.id === "model" || lane.bars.length > 0),
    connection: connectionBars(steps, offset, durationMs),
  };
}

type Offset = (at: number) => number;

function toolEndAt(step: ToolStep): number | undefined {
  if (step.endedAt !== undefined) return step.endedAt;
  if (step.status !== "running" && step.durationMs !== undefined) return step.at + step.durationMs;
  return undefined;
}

/** `unknownAtEnd`: the label of a call still open at the axis' end when nobody knows what it did after (open-steps.ts). */
function modelBars(steps: readonly TimelineStep[], offset: Offset, durationMs: number, unknownAtEnd?: string): WaterfallBar[] {
  const bars: WaterfallBar[] = [];
  let opened: number | undefined;
  let firstToken: number | undefined;
  let toolsEnd: number | undefined;
  let queuedUntil: number | undefined;

  const close = (at: number, id: string, unknown?: string) => {
    if (opened === undefined) return;
    const end = Math.max(opened, offset(at));
    const tokenAt = firstToken === undefined ? end : Math.min(end, Math.max(opened, offset(firstToken)));
    const waitLabel = firstToken === undefined ? (unknown ?? "Model: no answer") : "Model: waiting for its first output";
    if (tokenAt > opened) bars.push({ id: `model-wait:${id}`, kind: "model-wait", label: waitLabel, startMs: opened, endMs: tokenAt });
    if (end > tokenAt) bars.push({ id: `model-stream:${id}`, kind: "model-stream", label: unknown ?? "Model: streaming", startMs: tokenAt, endMs: end });
    opened = undefined;
    firstToken = undefined;
  };
  const open = (at: number) => {
    if (opened === undefined) opened = offset(at);
  };
  // The model answers the tools' results once the last of them has ended.
  const resume = (at: number) => {
    if (opened !== undefined) return;
    open(toolsEnd !== undefined && Number.isFinite(toolsEnd) ? Math.min(toolsEnd, at) : at);
    toolsEnd = undefined;
  };

  for (const step of steps) {
    switch (step.kind) {
      case "lifecycle":
        if (step.event === "started" || step.event === "model-selected") {
          queuedUntil ??= offset(step.at);
          open(step.at);
        }
        break;
      case "retry":
        close(step.at, step.id);
        opened = Math.min(durationMs, offset(step.at + (step.delayMs ?? 0)));
        toolsEnd = undefined;
        break;
      case "tool": {
        // A tool call is the model's output: it ends the wait and the stream. A call made
        // while earlier tools still run is parallel and needs no model call of its own.
        if (toolsEnd === undefined || toolsEnd <= step.at) resume(step.at);
        if (opened !== undefined) {
          firstToken ??= step.at;
          close(step.at, step.id);
        }
        const end = toolEndAt(step);
        toolsEnd = end === undefined ? Number.POSITIVE_INFINITY : Math.max(toolsEnd ?? 0, end);
        break;
      }
      case "text":
      case "thinking":
        resume(step.at);
        firstToken ??= step.at;
        break;
      default:
        break;
    }
  }
  if (opened === undefined && toolsEnd !== undefined && Number.isFinite(toolsEnd)) open(toolsEnd);
  if (opened !== undefined && opened < durationMs) close(Number.POSITIVE_INFINITY, "end", unknownAtEnd);
  if (queuedUntil !== undefined && queuedUntil > 0) bars.unshift({ id: "queued", kind: "queued", label: "Queued", startMs: 0, endMs: queuedUntil });
  return bars;
}

/** Greedy interval partitioning: each tool takes the first row free at its start, so parallel calls sit on their own rows. */
function layToolRows(steps: readonly TimelineStep[], offset: Offset, durationMs: number): WaterfallBar[][] {
  const rows: WaterfallBar[][] = [];
  for (const step of steps) {
    if (step.kind !== "tool") continue;
    const end = toolEndAt(step);
    const bar: WaterfallBar = {
      id: step.id,
      kind: step.status === "error" || step.isError || (step.exitCode !== undefined && step.exitCode !== 0) ? "tool-error" : "tool",
      label: toolLabel(step),
      startMs: offset(step.at),
      endMs: end === undefined ? durationMs : Math.max(offset(step.at), offset(end)),
    };
    const row = rows.find((bars) => (bars.at(-1)?.endMs ?? 0) <= bar.startMs);
    if (row) row.push(bar);
    else rows.push([bar]);
  }
  return rows;
}

function toolLabel(step: ToolStep): string {
  const title = toolTitle(step);
  const state = step.unsettled ? ` (${describeOpenStepEnd(step.unsettled, formatClockTime)})` : step.status === "running" ? " (running)" : "";
  return title === step.name ? `${step.name}${state}` : `${step.name} · ${title}${state}`;
}

function retryBars(steps: readonly TimelineStep[], offset: Offset): WaterfallBar[] {
  return steps.flatMap((step): WaterfallBar[] => {
    if (step.kind !== "retry" || !step.delayMs) return [];
    const attempt = step.attempt !== undefined ? ` ${step.attempt}${step.maxAttempts !== undefined ? ` of ${step.maxAttempts}` : ""}` : "";
    const reason = step.reason ? ` (${step.reason.replace(/_/g, " ")})` : "";
    return [{ id: step.id, kind: "retry-wait", label: `Wait before attempt${attempt}${reason}`, startMs: offset(step.at), endMs: offset(step.at + step.delayMs) }];
  });
}

/** A gap is reported when the next event arrives; the missed events came after the one before it. */
function gapBars(steps: readonly TimelineStep[], offset: Offset): WaterfallBar[] {
  const bars: WaterfallBar[] = [];
  let lastSeenAt: number | undefined;
  for (const step of steps) {
    if (step.kind === "connection") continue;
    if (step.kind !== "gap") lastSeenAt = step.at;
    // A run whose numbering started again missed nothing: there is no gap to draw.
    else if (missedEventCount(step) > 0) bars.push(gapBar(step, offset(lastSeenAt ?? step.at), offset(step.at)));
  }
  return bars;
}

function gapBar(step: GapStep, startMs: number, endMs: number): WaterfallBar {
  const missed = missedEventCount(step);
  return { id: step.id, kind: "gap", label: `Missed ${missed} ${missed === 1 ? "event" : "events"} (seq ${missedSeqRange(step)})`, startMs, endMs };
}

function connectionBars(steps: readonly TimelineStep[], offset: Offset, durationMs: number): WaterfallBar[] {
  const bars: WaterfallBar[] = [];
  let down: WaterfallBar | undefined;
  for (const step of steps) {
    if (step.kind !== "connection") continue;
    const at = offset(step.at);
    switch (step.event) {
      case "disconnected":
        if (down) continue;
        down = { id: step.id, kind: "disconnected", label: `Disconnected: ${step.words}`, startMs: at, endMs: durationMs };
        bars.push(down);
        break;
      case "reconnected":
      case "gateway-restarted":
        if (down) down.endMs = at;
        down = undefined;
        bars.push({ id: step.id, kind: step.event === "gateway-restarted" ? "restart" : "reconnected", label: capitalize(step.words), startMs: at, endMs: at });
        break;
      case "gateway-restarting":
        bars.push({ id: step.id, kind: "restart", label: capitalize(step.words), startMs: at, endMs: at });
        break;
    }
  }
  return bars;
}

/** Exact enough to compare bars: "315 ms", "8.0 s", "75.3 s". */
export function formatSpan(ms: number): string {
  const value = Math.max(0, Math.round(ms));
  return value < 1_000 ? `${value} ms` : `${(value / 1_000).toFixed(1)} s`;
}

/** What hover, focus and screen readers say of a bar: "exec: 8.0 s, from +1.2 s to +9.2 s". */
export function describeBar(bar: WaterfallBar): string {
  if (bar.endMs === bar.startMs) return `${bar.label}, at +${formatSpan(bar.startMs)}`;
  return `${bar.label}: ${formatSpan(bar.endMs - bar.startMs)}, from +${formatSpan(bar.startMs)} to +${formatSpan(bar.endMs)}`;
}
