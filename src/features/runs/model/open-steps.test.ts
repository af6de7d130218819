import { describe, expect, it } from "vitest";
import { formatClockTime } from "@/lib/clock-time";
import { captureRunId, captureSignals } from "./capture-fixtures";
import { foldRunSignals } from "./fold-run";
import { createRunFold, runTimeline } from "./fold-state";
import { describeOpenStepEnd, settleOpenSteps } from "./open-steps";
import { deriveRunOutcome, type OutcomeContext } from "./run-outcome";
import type { RunSignal } from "./run-signal";
import { summarizeRun } from "./run-summary";
import { stepsOfKind, type RunTimeline } from "./run-timeline";
import { buildRunWaterfall } from "./run-waterfall";

// The real slow exec (8 × "step N", a second apart), killed 3.5 s in: the third line had arrived, not the result.
const CAPTURE = "f-slowtool-live-output.jsonl";
const runId = captureRunId(CAPTURE);
const signals = captureSignals(CAPTURE, runId);
const start = signals[0]?.at ?? 0;
const killedAt = start + 3_500;
const toolStartedAt = start + 1_089;
const beforeKill = signals.filter((signal) => signal.at < killedAt);
const afterKill = signals.filter((signal) => signal.at >= killedAt);

function fold(extra: RunSignal[]): RunTimeline {
  return runTimeline(foldRunSignals(createRunFold(runId), [...beforeKill, ...extra]));
}

const dropped: RunSignal = { runId, at: killedAt, source: "live", kind: "disconnected", code: 1006, reason: "" };

function shown(run: RunTimeline, context: OutcomeContext): RunTimeline {
  return settleOpenSteps(run, deriveRunOutcome(run, context));
}

function onlyTool(run: RunTimeline) {
  const [tool, ...others] = stepsOfKind(run.steps, "tool");
  expect(others).toHaveLength(0);
  if (!tool) throw new Error("no tool step");
  return tool;
}

describe("settleOpenSteps after a SIGKILL while an exec runs", () => {
  const run = fold([dropped]);

  it("while the connection is down the running exec is unknown since the drop, its duration frozen there", () => {
    for (const now of [killedAt + 2_000, killedAt + 60_000]) {
      const tool = onlyTool(shown(run, { now, connection: "reconnecting" }));
      expect(tool).toMatchObject({ status: "unknown", unsettled: { at: killedAt, why: "connection-lost" }, endedAt: killedAt, durationMs: killedAt - toolStartedAt });
      expect(describeOpenStepEnd({ at: killedAt, why: "connection-lost" }, formatClockTime)).toBe(`unknown since the connection dropped at ${formatClockTime(killedAt)}`);
    }
  });

  it("the glance says the same and keeps the frozen duration, whatever the clock", () => {
    for (const now of [killedAt + 2_000, killedAt + 60_000]) {
      const judged = deriveRunOutcome(run, { now, connection: "offline" });
      expect(summarizeRun(settleOpenSteps(run, judged), judged).tools).toStrictEqual([
        {
          id: "tool:call_d535264cf3fd43588ebdcd07",
          name: "exec",
          command: 'for i in 1 2 3 4 5 6 7 8; do echo "step $i"; sleep 1; done',
          title: 'Exec for i in 1 2 3 4 5 6 7 8; do echo "step $i"; sleep 1; done',
          state: "unknown",
          statusText: `unknown since the connection dropped at ${formatClockTime(killedAt)}`,
          durationText: "2.4 s",
        },
      ]);
    }
  });

  it("the waterfall ends the tool's bar at the drop and names why", () => {
    const waterfall = buildRunWaterfall(shown(run, { now: killedAt + 30_000, connection: "reconnecting" }), killedAt + 30_000);
    const bar = waterfall.lanes.flatMap((lane) => lane.bars).find((candidate) => candidate.id === "tool:call_d535264cf3fd43588ebdcd07");
    expect(bar).toMatchObject({ startMs: toolStartedAt - start, endMs: killedAt - start });
    expect(bar?.label).toBe(`exec · Exec for i in 1 2 3 4 5 6 7 8; do echo "step $i"; sleep 1; done (unknown since the connection dropped at ${formatClockTime(killedAt)})`);
  });

  it("back online, still unknown while the page checks with the gateway", () => {
    const back = fold([dropped, { runId, at: killedAt + 4_000, source: "live", kind: "reconnected", bootChanged: false }]);
    expect(onlyTool(shown(back, { now: killedAt + 5_000, connection: "online" })).status).toBe("unknown");
  });

  it("when the run's events resume, the exec is running again and then ends as the gateway says", () => {
    const back: RunSignal = { runId, at: killedAt + 100, source: "live", kind: "reconnected", bootChanged: false };
    const resumed = fold([dropped, back, ...afterKill.filter((signal) => signal.at < start + 5_000)]);
    const running = shown(resumed, { now: start + 5_000, connection: "online" });
    expect(running).toBe(resumed);
    expect(onlyTool(running)).toMatchObject({ status: "running" });
    expect(onlyTool(running).unsettled).toBeUndefined();
    const finished = fold([dropped, back, ...afterKill]);
    expect(onlyTool(shown(finished, { now: start + 11_000, connection: "online" }))).toMatchObject({ status: "done", exitCode: 0, durationMs: 8_169 });
  });

  it("the gateway came back with a new boot and the run did not resume: the run is interrupted, and so is the exec, at the drop", () => {
    const restarted = fold([dropped, { runId, at: killedAt + 20_000, source: "live", kind: "gateway-restarted", bootChanged: true }]);
    const outcome = deriveRunOutcome(restarted, { now: killedAt + 21_000, connection: "online", gatewayConfirmedIdle: true });
    expect(outcome.kind).toBe("interrupted");
    const tool = onlyTool(settleOpenSteps(restarted, outcome));
    expect(tool).toMatchObject({ status: "unknown", unsettled: { at: killedAt, why: "interrupted" }, durationMs: killedAt - toolStartedAt });
    expect(describeOpenStepEnd({ at: killedAt, why: "interrupted" }, formatClockTime)).toBe(`interrupted: the gateway went down at ${formatClockTime(killedAt)}`);
  });

  it("known only from history (no drop seen here): interrupted as of its last event, never at the restart's later time", () => {
    const lastHeard = beforeKill[beforeKill.length - 1]?.at ?? 0;
    const restarted = fold([{ runId, at: killedAt + 47_000, source: "history", kind: "gateway-restarted", bootChanged: true }]);
    const outcome = deriveRunOutcome(restarted, { now: killedAt + 60_000, connection: "online", gatewayConfirmedIdle: true });
    expect(outcome.kind).toBe("interrupted");
    const tool = onlyTool(settleOpenSteps(restarted, outcome));
    expect(tool).toMatchObject({ status: "unknown", unsettled: { at: lastHeard, why: "restarted" }, durationMs: lastHeard - toolStartedAt });
    expect(describeOpenStepEnd({ at: lastHeard, why: "restarted" }, formatClockTime)).toBe(
      `interrupted: the gateway restarted; last heard of at ${formatClockTime(lastHeard)}`,
    );
  });

  it("a run that is running keeps its own object: nothing to settle", () => {
    const live = runTimeline(foldRunSignals(createRunFold(runId), beforeKill));
    expect(settleOpenSteps(live, deriveRunOutcome(live, { now: killedAt, connection: "online" }))).toBe(live);
  });
});

describe("a run killed while it waits for the model", () => {
  const waitingUntil = start + 1_080;
  const cut: RunSignal = { runId, at: waitingUntil, source: "live", kind: "disconnected", code: 1006, reason: "" };
  const run = runTimeline(foldRunSignals(createRunFold(runId), [...signals.filter((signal) => signal.at < waitingUntil), cut]));

  it("the waterfall's open model call ends at the drop and says it is unknown from there, not that the model did not answer", () => {
    const now = waitingUntil + 30_000;
    const model = buildRunWaterfall(shown(run, { now, connection: "reconnecting" }), now).lanes.find((lane) => lane.id === "model");
    expect(model?.bars.at(-1)).toMatchObject({ kind: "model-wait", endMs: waitingUntil - start, label: `Model: unknown since the connection dropped at ${formatClockTime(waitingUntil)}` });
  });

  it("while the run is heard, the same wait is just a wait", () => {
    const live = runTimeline(foldRunSignals(createRunFold(runId), signals.filter((signal) => signal.at < waitingUntil)));
    expect(settleOpenSteps(live, deriveRunOutcome(live, { now: waitingUntil, connection: "online" }))).toBe(live);
  });
});
