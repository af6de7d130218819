import { describe, expect, it } from "vitest";
import { captureRunId, captureSignals } from "./capture-fixtures";
import { foldRunSignal, foldRunSignals, foldTimeline } from "./fold-run";
import { createRunFold, runTimeline } from "./fold-state";
import type { RunSignal } from "./run-signal";
import type { RunTimeline } from "./run-timeline";
import { seededShuffle, signalOf } from "./test-signals";

function frozen(run: RunTimeline): unknown {
  return JSON.parse(JSON.stringify(run));
}

/** A tool call in three signals, with its own seqs so no key repeats across calls. */
function toolCall(runId: string, index: number, at: number): RunSignal[] {
  const toolCallId = `call-${index}`;
  return [
    signalOf(runId, at, { kind: "tool-start", toolCallId, name: "exec", args: { n: index } }, { runSeq: index * 3 }),
    signalOf(runId, at + 1, { kind: "command-output", phase: "delta", toolCallId, output: `out ${index}` }, { runSeq: index * 3 + 1 }),
    signalOf(runId, at + 2, { kind: "tool-result", toolCallId, isError: false, resultText: `out ${index}` }, { runSeq: index * 3 + 2 }),
  ];
}

describe("the fold is pure", () => {
  const runId = captureRunId("b-tool-call-exec.jsonl");
  const signals = captureSignals("b-tool-call-exec.jsonl", runId);
  const middle = signals.findIndex((signal) => signal.kind === "tool-result");

  it("two different signals folded onto one state give two independent runs; the older snapshot never changes", () => {
    const shared = foldRunSignals(createRunFold(runId), signals.slice(0, middle));
    const sharedSnapshot = runTimeline(shared);
    const sharedCopy = frozen(sharedSnapshot);

    const rest = foldRunSignals(shared, signals.slice(middle));
    const other = signalOf(runId, sharedSnapshot.lastEventAt + 1, { kind: "tool-start", toolCallId: "elsewhere", name: "read" }, { runSeq: 9_000 });
    const branch = foldRunSignal(shared, other);

    expect(runTimeline(rest)).toEqual(foldTimeline(runId, signals));
    expect(runTimeline(branch)).toEqual(foldTimeline(runId, [...signals.slice(0, middle), other]));
    expect(runTimeline(branch).steps.some((step) => step.id === "tool:elsewhere")).toBe(true);
    expect(runTimeline(rest).steps.some((step) => step.id === "tool:elsewhere")).toBe(false);
    expect(runTimeline(shared)).toBe(sharedSnapshot);
    expect(frozen(sharedSnapshot)).toEqual(sharedCopy);
  });

  it("a signal one branch has seen is not a duplicate in the other", () => {
    const shared = foldRunSignals(createRunFold(runId), signals.slice(0, middle));
    const next = signals[middle] as RunSignal;
    const seen = foldRunSignal(shared, next);
    expect(foldRunSignal(seen, next)).toBe(seen);
    const other = foldRunSignal(shared, signalOf(runId, next.at, { kind: "activity", label: "usage" }, { runSeq: 9_001 }));
    expect(foldRunSignal(other, next)).not.toBe(other);
    expect(runTimeline(foldRunSignal(other, next)).steps).toEqual(runTimeline(seen).steps);
  });

  it("branches of a run with over a thousand steps stay independent, in the tail and deep in the list", () => {
    const base = foldRunSignals(createRunFold("long"), Array.from({ length: 1_100 }, (_, index) => toolCall("long", index, index * 10)).flat());
    const baseSnapshot = runTimeline(base);
    const baseCopy = frozen(baseSnapshot);
    expect(baseSnapshot.steps).toHaveLength(1_100);

    const appended = foldRunSignals(base, toolCall("long", 5_000, 20_000));
    // A late title for the tenth call: a replace deep inside the list.
    const titled = foldRunSignal(base, signalOf("long", 100, { kind: "item", phase: "start", itemId: "tool:call-10", itemKind: "tool", toolCallId: "call-10", title: "Tenth" }, { runSeq: 90_000 }));
    // An out-of-order step: an insert into the middle.
    const gap = foldRunSignal(base, signalOf("long", 5_005, { kind: "seq-gap", expected: 3, received: 9 }));

    expect(runTimeline(appended).steps).toHaveLength(1_101);
    expect(runTimeline(appended).steps.at(-1)?.id).toBe("tool:call-5000");
    expect(runTimeline(titled).steps[10]).toMatchObject({ id: "tool:call-10", title: "Tenth" });
    expect(runTimeline(appended).steps[10]).toBe(baseSnapshot.steps[10]);
    expect(runTimeline(gap).steps.map((step) => step.id).indexOf("gap:3-9")).toBe(501);
    expect(runTimeline(gap).steps).toHaveLength(1_101);
    expect(runTimeline(titled).steps.some((step) => step.kind === "gap")).toBe(false);
    expect(frozen(runTimeline(base))).toEqual(baseCopy);
  });

  it.each(["b-tool-call-exec.jsonl", "c-rate-limit-429-exhausted.jsonl", "sigkill-midrun.jsonl"])(
    "%s: a batch folds to what the signals give one by one, duplicated and shuffled too",
    (name) => {
      const id = captureRunId(name);
      const captured = captureSignals(name, id);
      for (const list of [captured, captured.flatMap((signal) => [signal, signal]), seededShuffle(captured, 7)]) {
        const oneByOne = list.reduce((run, signal) => foldRunSignal(run, signal), createRunFold(id));
        expect(runTimeline(foldRunSignals(createRunFold(id), list))).toEqual(runTimeline(oneByOne));
      }
      const run = foldRunSignals(createRunFold(id), captured);
      expect(foldRunSignals(run, captured)).toBe(run);
      expect(foldRunSignals(run, [])).toBe(run);
    },
  );

  it("the snapshot is the same object for the same state, and a new one after a change", () => {
    const run = foldRunSignals(createRunFold(runId), signals);
    expect(runTimeline(run)).toBe(runTimeline(run));
    const changed = foldRunSignal(run, signalOf(runId, 0, { kind: "unknown", event: "brand.new" }));
    expect(runTimeline(changed)).not.toBe(runTimeline(run));
    expect(runTimeline(changed).stats.unknown).toBe(runTimeline(run).stats.unknown + 1);
    // Steps did not change: the step array is shared, so views comparing it by reference do not re-render.
    expect(runTimeline(changed).steps).toBe(runTimeline(run).steps);
  });
});
