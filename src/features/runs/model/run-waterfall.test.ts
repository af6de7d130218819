import { describe, expect, it } from "vitest";
import { EMPTY_TEXT } from "./bounded-text";
import { foldCapture, killedThenRestarted } from "./capture-fixtures";
import type { TimelineStep, ToolStep } from "./run-timeline";
import { runOfSteps, T0 } from "./test-signals";
import { buildRunWaterfall, describeBar, formatSpan, waterfallEndAt, type RunWaterfall, type WaterfallBar } from "./run-waterfall";


/** Bars as [kind, start, end], lane by lane: the shape a reader sees. */
function shape(waterfall: RunWaterfall): Record<string, [string, number, number][]> {
  const lanes: Record<string, [string, number, number][]> = {};
  for (const lane of waterfall.lanes) lanes[lane.label] = lane.bars.map((bar) => [bar.kind, bar.startMs, bar.endMs]);
  lanes.Connection = waterfall.connection.map((bar) => [bar.kind, bar.startMs, bar.endMs]);
  return lanes;
}

function tool(id: string, at: number, endedAt: number | undefined, overrides: Partial<ToolStep> = {}): ToolStep {
  return {
    id: `tool:${id}`,
    kind: "tool",
    toolCallId: id,
    name: "exec",
    at: T0 + at,
    ...(endedAt !== undefined ? { endedAt: T0 + endedAt } : {}),
    source: "live",
    output: EMPTY_TEXT,
    isError: false,
    status: endedAt === undefined ? "running" : "done",
    ...overrides,
  };
}

const started: TimelineStep = { id: "lifecycle:started", kind: "lifecycle", event: "started", label: "started", at: T0 + 100, source: "live" };

function text(id: string, at: number): TimelineStep {
  return { id: `text:${id}`, kind: "text", segmentId: id, text: "…", at: T0 + at, source: "live" };
}

describe("buildRunWaterfall from real captures", () => {
  it("b-tool-call-exec: queued, the model waiting, the exec call from its own times, then the answer streaming to the end", () => {
    const waterfall = buildRunWaterfall(foldCapture("b-tool-call-exec.jsonl"), 0);
    expect(waterfall.durationMs).toBe(7_187);
    expect(shape(waterfall)).toStrictEqual({
      Model: [
        ["queued", 0, 2_742],
        ["model-wait", 2_742, 5_898],
        ["model-wait", 6_643, 6_823],
        ["model-stream", 6_823, 7_187],
      ],
      Tools: [["tool", 5_898, 6_643]],
      Connection: [],
    });
    const exec = waterfall.lanes[1]?.bars[0] as WaterfallBar;
    expect(describeBar(exec)).toBe("exec · Exec print text → run uname: 745 ms, from +5.9 s to +6.6 s");
  });

  it("c-rate-limit-429-recovered: three failed attempts, each retry's announced wait, then the answer", () => {
    const waterfall = buildRunWaterfall(foldCapture("c-rate-limit-429-recovered.jsonl"), 0);
    expect(waterfall.durationMs).toBe(10_426);
    expect(shape(waterfall)).toStrictEqual({
      Model: [
        ["queued", 0, 142],
        ["model-wait", 142, 451],
        ["model-wait", 1_451, 3_231],
        ["model-wait", 6_155, 6_424],
        ["model-wait", 9_773, 10_250],
        ["model-stream", 10_250, 10_426],
      ],
      "Retry waits": [
        ["retry-wait", 451, 1_451],
        ["retry-wait", 3_231, 6_155],
        ["retry-wait", 6_424, 9_773],
      ],
      Connection: [],
    });
    expect(waterfall.lanes[1]?.bars.map(describeBar)).toStrictEqual([
      "Wait before attempt 2 of 10 (rate limit): 1.0 s, from +451 ms to +1.5 s",
      "Wait before attempt 3 of 10 (rate limit): 2.9 s, from +3.2 s to +6.2 s",
      "Wait before attempt 4 of 10 (rate limit): 3.3 s, from +6.4 s to +9.8 s",
    ]);
    expect(waterfall.lanes[0]?.bars[1]?.label).toBe("Model: no answer");
  });

  it("sigkill-midrun: the 1006 close on the connection lane until the restarted gateway answers, the axis running to now", () => {
    const run = killedThenRestarted();
    // A second after the restarted gateway answered.
    const now = (run.steps.at(-1)?.at ?? 0) + 1_000;
    expect(waterfallEndAt(run, now)).toBe(now);
    const waterfall = buildRunWaterfall(run, now);
    expect(waterfall.durationMs).toBe(7_267);
    expect(shape(waterfall)).toStrictEqual({
      Model: [
        ["queued", 0, 123],
        ["model-wait", 123, 2_115],
        ["model-stream", 2_115, 7_267],
      ],
      Connection: [
        ["disconnected", 2_267, 6_267],
        ["restart", 6_267, 6_267],
      ],
    });
    expect(waterfall.connection.map(describeBar)).toStrictEqual([
      "Disconnected: 1006 connection lost (no close frame): 4.0 s, from +2.3 s to +6.3 s",
      "Gateway restarted, at +6.3 s",
    ]);
  });

  it("sigkill-midrun judged after the fact: the axis reaches the restart that settled it, so the disconnect has its length", () => {
    const run = killedThenRestarted();
    const waterfall = buildRunWaterfall(run, run.lastEventAt);
    expect(waterfall.durationMs).toBe(6_267);
    expect(shape(waterfall).Connection).toStrictEqual([
      ["disconnected", 2_267, 6_267],
      ["restart", 6_267, 6_267],
    ]);
  });

  it("orders every capture's bars by the events' times and keeps them on the axis", () => {
    for (const name of ["a-text.jsonl", "b-tool-call-exec.jsonl", "c-rate-limit-429-recovered.jsonl", "e-timeout-hang-5s.jsonl", "sigterm-midrun.jsonl", "d-auth-401.jsonl"]) {
      const waterfall = buildRunWaterfall(foldCapture(name), 0);
      for (const lane of waterfall.lanes) {
        for (const bar of lane.bars) expect(0 <= bar.startMs && bar.startMs <= bar.endMs && bar.endMs <= waterfall.durationMs, `${name} ${bar.id}`).toBe(true);
        const starts = lane.bars.map((bar) => bar.startMs);
        expect(starts, name).toEqual(starts.slice().sort((a, b) => a - b));
      }
    }
  });
});

describe("buildRunWaterfall from hand-built runs", () => {
  it("gives each overlapping tool its own row, and the model answers once the last of them has ended", () => {
    const run = runOfSteps([started, tool("a", 1_000, 5_000), tool("b", 1_200, 3_000), tool("c", 3_500, 4_000), text("t", 5_500)], 6_000);
    expect(shape(buildRunWaterfall(run, 0))).toStrictEqual({
      Model: [
        ["queued", 0, 100],
        ["model-wait", 100, 1_000],
        ["model-wait", 5_000, 5_500],
        ["model-stream", 5_500, 6_000],
      ],
      Tools: [["tool", 1_000, 5_000]],
      "Tools 2": [
        ["tool", 1_200, 3_000],
        ["tool", 3_500, 4_000],
      ],
      Connection: [],
    });
  });

  it("draws a missed-event gap from the last event seen to the one that revealed it", () => {
    const gap: TimelineStep = { id: "gap:4-9", kind: "gap", expected: 4, received: 9, at: T0 + 2_000, source: "live" };
    const waterfall = buildRunWaterfall(runOfSteps([started, text("t", 400), gap], 3_000), 0);
    const gaps = waterfall.lanes.find((lane) => lane.label === "Missed events");
    expect(gaps?.bars).toStrictEqual([{ id: "gap:4-9", kind: "gap", label: "Missed 5 events (seq 4–8)", startMs: 400, endMs: 2_000 }]);
  });

  it("draws no gap when the gateway numbered the run's events from 1 again (its seq-gap report after `/exec …`), and one event as one", () => {
    const renumbered: TimelineStep = { id: "gap:2-1", kind: "gap", expected: 2, received: 1, at: T0 + 1_000, source: "live" };
    const single: TimelineStep = { id: "gap:4-5", kind: "gap", expected: 4, received: 5, at: T0 + 2_000, source: "live" };
    const waterfall = buildRunWaterfall(runOfSteps([started, text("t", 400), renumbered, single], 3_000), 0);
    const gaps = waterfall.lanes.find((lane) => lane.label === "Missed events");
    expect(gaps?.bars ?? []).toStrictEqual([{ id: "gap:4-5", kind: "gap", label: "Missed 1 event (seq 4)", startMs: 400, endMs: 2_000 }]);
  });

  it("runs a live tool and the axis to now, marks a failed tool, and a model call after a tool reaches to the next tool", () => {
    const failed = tool("a", 500, 1_000, { status: "error", isError: true });
    const run = runOfSteps([started, failed, tool("b", 1_800, undefined)], undefined);
    const waterfall = buildRunWaterfall(run, T0 + 4_000);
    expect(shape(waterfall)).toStrictEqual({
      Model: [
        ["queued", 0, 100],
        ["model-wait", 100, 500],
        ["model-wait", 1_000, 1_800],
      ],
      Tools: [
        ["tool-error", 500, 1_000],
        ["tool", 1_800, 4_000],
      ],
      Connection: [],
    });
    expect(waterfall.lanes[1]?.bars[1]?.label).toBe("exec (running)");
  });
});

describe("formatSpan", () => {
  it.each([
    [0, "0 ms"],
    [999, "999 ms"],
    [1_000, "1.0 s"],
    [8_049, "8.0 s"],
    [75_260, "75.3 s"],
  ])("%d ms reads %s", (ms, words) => {
    expect(formatSpan(ms)).toBe(words);
  });
});
