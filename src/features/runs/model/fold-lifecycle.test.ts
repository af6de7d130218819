import { describe, expect, it } from "vitest";
import { foldRunSignal, foldRunSignals, foldTimeline } from "./fold-run";
import { createRunFold, runTimeline } from "./fold-state";
import { captureRunId, captureSignals } from "./capture-fixtures";
import type { RunSignal } from "./run-signal";
import { stepsOfKind, type RunTimeline } from "./run-timeline";
import { signalOf } from "./test-signals";

const status = (at: number, phase: string) => signalOf("r", at, { kind: "status", phase });

describe("status phases", () => {
  it("shows the gateway's step in words, and a repeated step changes nothing", () => {
    const run = foldRunSignals(createRunFold("r"), [status(1, "preparing_context")]);
    expect(runTimeline(run).phase).toEqual({ kind: "preparing", step: "preparing context" });
    expect(foldRunSignal(run, status(2, "preparing_context"))).toBe(run);
    // With a seq the signal still counts as activity, but the phase stays the same object.
    const counted = foldRunSignal(run, signalOf("r", 2, { kind: "status", phase: "preparing_context" }, { runSeq: 5 }));
    expect(runTimeline(counted).stats.signals).toBe(2);
    expect(runTimeline(counted).phase).toBe(runTimeline(run).phase);
    expect(runTimeline(foldRunSignal(run, status(2, "preparing_workspace"))).phase).toEqual({ kind: "preparing", step: "preparing workspace" });
  });

  it("moves to starting the model even from a step spelled the same way in words", () => {
    const run = foldTimeline("r", [
      signalOf("r", 0, { kind: "model-selected", provider: "fake", model: "m" }),
      status(1, "starting model"),
      status(2, "starting_model"),
    ]);
    expect(run.phase).toEqual({ kind: "starting-model", model: { provider: "fake", model: "m" } });
  });

  it("selects a model once per name, and the first one is the requested model", () => {
    const run = foldTimeline("r", [
      signalOf("r", 0, { kind: "model-selected", provider: "a", model: "x" }, { runSeq: 1 }),
      signalOf("r", 1, { kind: "model-selected", provider: "a", model: "x" }, { runSeq: 2 }),
      signalOf("r", 2, { kind: "model-selected", provider: "b", model: "y" }, { runSeq: 3 }),
    ]);
    expect(run.steps.map((step) => step.kind === "lifecycle" && step.label)).toEqual(["model a/x", "model b/y"]);
    expect(run.requestedModel).toEqual({ provider: "a", model: "x" });
    expect(run.model).toEqual({ provider: "b", model: "y" });
  });
});

describe("queued before started, whichever clock told each", () => {
  // A history read mid-run adopts the run with the gateway's start (its clock, shifted to this browser's); the queue
  // is when this browser heard of the dispatch (`dispatch-started`), which the latency between them can put later.
  const runId = captureRunId("a-text.jsonl");
  const live = captureSignals("a-text.jsonl", runId);
  const queuedAt = live.find((signal) => signal.kind === "queued")?.at ?? 0;
  const adopted: RunSignal = { kind: "lifecycle-start", runId, at: queuedAt - 400, source: "history" };
  const lifecycle = (run: RunTimeline) => stepsOfKind(run.steps, "lifecycle").map((step) => [step.event, step.at - queuedAt]);

  it("keeps the queue first when the start came from a history read before the live events", () => {
    const run = foldTimeline(runId, [adopted, ...live]);
    expect(lifecycle(run).slice(0, 2)).toStrictEqual([["queued", -400], ["started", -400]]);
  });

  it("keeps the queue first when the history read's start came after it", () => {
    const [first, ...rest] = live;
    const run = foldTimeline(runId, first ? [first, adopted, ...rest] : []);
    expect(first?.kind).toBe("queued");
    expect(lifecycle(run).slice(0, 2)).toStrictEqual([["queued", -400], ["started", -400]]);
  });
});
