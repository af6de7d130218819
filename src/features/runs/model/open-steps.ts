/**
 * A step still open when the page stopped hearing the run (the connection
 * dropped, the gateway went down under it, its events were lost) is not
 * running as far as anyone here knows: it may have finished, or died with the
 * gateway. The view shows it as unknown from that moment, its duration frozen
 * there, instead of "running" with a clock that pretends to know.
 *
 * Only a view: the fold keeps the step open, so when the run's events come
 * back the same step carries on (run-outcome.ts decides when that is).
 */
import type { RunOutcome } from "./run-outcome";
import type { OpenStepEnd, RunTimeline, TimelineStep, ToolStep } from "./run-timeline";

/** From when, and why, the run's open steps are no longer known; undefined while the run is heard (or ended by its own events). */
export function openStepsEnd(run: RunTimeline, outcome: RunOutcome): OpenStepEnd | undefined {
  const dropAt = run.disconnectedAt ?? run.lastEventAt;
  switch (outcome.kind) {
    case "unknown":
      // After a reconnect the page still checks with the gateway: nothing new is known yet.
      return outcome.reason === "no-terminal-event" ? { at: run.lastEventAt, why: "events-lost" } : { at: dropAt, why: "connection-lost" };
    case "interrupted":
      // Only a drop this page saw says when the gateway went down; a restart known from history alone says it came
      // back later, not when it went: the steps are then known up to the run's last event, no further.
      return run.disconnectedAt !== undefined ? { at: run.disconnectedAt, why: "interrupted" } : { at: run.lastEventAt, why: "restarted" };
    default:
      return undefined;
  }
}

/** The run with its open tool calls settled as unknown at `openStepsEnd`; the same run when there is nothing to settle. */
export function settleOpenSteps(run: RunTimeline, outcome: RunOutcome): RunTimeline {
  return settleOpenStepsAt(run, openStepsEnd(run, outcome));
}

export function settleOpenStepsAt(run: RunTimeline, end: OpenStepEnd | undefined): RunTimeline {
  // An ended run's model calls are closed; only its tool calls can still be open.
  if (!end || (run.status === "ended" && !run.steps.some(isOpenTool))) return run;
  return { ...run, openStepsEnd: end, steps: run.steps.map((step) => (isOpenTool(step) ? settled(step, end) : step)) };
}

/** "unknown since the connection dropped at 14:32:05". */
export function describeOpenStepEnd(end: OpenStepEnd, clock: (at: number) => string): string {
  switch (end.why) {
    case "connection-lost":
      return `unknown since the connection dropped at ${clock(end.at)}`;
    case "interrupted":
      return `interrupted: the gateway went down at ${clock(end.at)}`;
    case "restarted":
      return `interrupted: the gateway restarted; last heard of at ${clock(end.at)}`;
    case "events-lost":
      return `unknown: its result never arrived (last event at ${clock(end.at)})`;
  }
}

function isOpenTool(step: TimelineStep): step is ToolStep {
  return step.kind === "tool" && step.status === "running";
}

function settled(step: ToolStep, end: OpenStepEnd): ToolStep {
  const at = Math.max(step.at, end.at);
  return { ...step, status: "unknown", unsettled: { at, why: end.why }, endedAt: at, durationMs: at - step.at };
}
