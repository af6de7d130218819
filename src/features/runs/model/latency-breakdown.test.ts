import { describe, expect, it } from "vitest";
import { foldCapture, killedThenRestarted } from "./capture-fixtures";
import { latencyBreakdown } from "./latency-breakdown";
import { runDurationMs } from "./run-duration";
import { buildRunWaterfall, type RunWaterfall, type WaterfallBar } from "./run-waterfall";

const CAPTURES = [
  "a-text.jsonl",
  "a-text-slim-config.jsonl",
  "b-tool-call-exec.jsonl",
  "b-tool-call-exec-no-tool-events-cap.jsonl",
  "c-rate-limit-429-recovered.jsonl",
  "c-rate-limit-429-exhausted.jsonl",
  "chat-abort.jsonl",
  "d-auth-401.jsonl",
  "e-timeout-hang-5s.jsonl",
  "e-timeout-hang-20s.jsonl",
  "sigterm-midrun.jsonl",
  "sigkill-midrun.jsonl",
];

function parts(waterfall: RunWaterfall): Record<string, number> {
  return Object.fromEntries(latencyBreakdown(waterfall).parts.map((part) => [part.label, part.ms]));
}

function bar(kind: WaterfallBar["kind"], startMs: number, endMs: number): WaterfallBar {
  return { id: `${kind}:${startMs}`, kind, label: kind, startMs, endMs };
}

describe("latencyBreakdown", () => {
  it.each(CAPTURES)("%s: the parts add up exactly to the run's duration", (name) => {
    const run = foldCapture(name);
    const waterfall = buildRunWaterfall(run, run.lastEventAt);
    const breakdown = latencyBreakdown(waterfall);
    expect(breakdown.parts.reduce((sum, part) => sum + part.ms, 0)).toBe(breakdown.durationMs);
    if (run.status === "ended") expect(breakdown.durationMs).toBe(runDurationMs(run) ?? 0);
  });

  it("b-tool-call-exec: queued, model and the exec call", () => {
    expect(parts(buildRunWaterfall(foldCapture("b-tool-call-exec.jsonl"), 0))).toStrictEqual({ Queued: 2_742, Model: 3_700, Tools: 745 });
  });

  it("c-rate-limit-429-recovered: most of the run is the retries' waits", () => {
    expect(parts(buildRunWaterfall(foldCapture("c-rate-limit-429-recovered.jsonl"), 0))).toStrictEqual({ Queued: 142, Model: 3_011, "Retry waits": 7_273 });
  });

  it("sigkill-midrun: the disconnect wins over the model stream it interrupts", () => {
    const run = killedThenRestarted();
    const aSecondAfterTheRestart = (run.steps.at(-1)?.at ?? 0) + 1_000;
    expect(parts(buildRunWaterfall(run, aSecondAfterTheRestart))).toStrictEqual({ Queued: 123, Model: 3_144, Disconnected: 4_000 });
  });

  it("attributes overlaps disconnected > retry waits > tools > model > queued, and uncovered time to Other", () => {
    const waterfall: RunWaterfall = {
      durationMs: 100,
      lanes: [
        { id: "model", label: "Model", bars: [bar("queued", 0, 10), bar("model-wait", 5, 40), bar("model-stream", 40, 70)] },
        { id: "tools-1", label: "Tools", bars: [bar("tool", 30, 60)] },
        { id: "retries", label: "Retry waits", bars: [bar("retry-wait", 55, 65)] },
        { id: "gaps", label: "Missed events", bars: [bar("gap", 0, 100)] },
      ],
      connection: [bar("disconnected", 50, 58), bar("restart", 58, 58)],
    };
    expect(latencyBreakdown(waterfall)).toStrictEqual({
      durationMs: 100,
      parts: [
        { kind: "queued", label: "Queued", ms: 5 },
        { kind: "model", label: "Model", ms: 30 },
        { kind: "tools", label: "Tools", ms: 20 },
        { kind: "retry-waits", label: "Retry waits", ms: 7 },
        { kind: "disconnected", label: "Disconnected", ms: 8 },
        { kind: "other", label: "Other", ms: 30 },
      ],
    });
  });

  it("an instant run has no parts", () => {
    expect(latencyBreakdown({ durationMs: 0, lanes: [], connection: [] })).toStrictEqual({ durationMs: 0, parts: [] });
  });
});
