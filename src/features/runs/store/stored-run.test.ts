import { describe, expect, it } from "vitest";
import { captureRunId, captureSignals } from "../model/capture-fixtures";
import { foldRunSignals } from "../model/fold-run";
import { copyFold, createRunFold, runTimeline } from "../model/fold-state";
import { restoreStoredRun, storedRunOf, storedRunProblem } from "./stored-run";

describe("a stored run", () => {
  const name = "b-tool-call-exec.jsonl";
  const runId = captureRunId(name);
  const folded = foldRunSignals(createRunFold(runId), captureSignals(name).filter((signal) => signal.runId === runId));

  it("comes back as the run it was, with the fields every fold state has, in the same order", () => {
    const stored = structuredClone(storedRunOf(folded));
    expect(storedRunProblem(stored)).toBeUndefined();
    const restored = restoreStoredRun(stored);
    expect(Object.keys(restored)).toEqual(Object.keys(copyFold(folded)));
    expect(Object.keys(createRunFold("other"))).toEqual(Object.keys(copyFold(folded)));
    const before = runTimeline(folded);
    const after = runTimeline(restored);
    expect(after.steps.map((step) => [step.id, step.at])).toEqual(before.steps.map((step) => [step.id, step.at]));
    expect(after.steps.length).toBeGreaterThan(3);
    expect(after.steps.every((step) => step.source === "local-log")).toBe(true);
    // What was seen live comes back as this browser's log.
    expect(after.terminal).toEqual({ ...before.terminal, source: "local-log" });
    expect({ ...after, steps: [], terminal: undefined }).toEqual({ ...before, steps: [], terminal: undefined });
    expect(restored.seenKeys.recent(restored.seenCount)).toEqual(folded.seenKeys.recent(folded.seenCount));
  });
});
