import { describe, expect, it } from "vitest";
import { captureSignals } from "../model/capture-fixtures";
import { openRunIds, runsStore } from "./runs-store";

describe("runsStore", () => {
  it("folds a batch of signals for several runs and keeps state when nothing changes", () => {
    const tool = captureSignals("b-tool-call-exec.jsonl");
    const text = captureSignals("a-text.jsonl");
    runsStore.getState().signalsReceived([...tool, ...text]);
    const runs = runsStore.getState().runs;
    const toolRun = runs[tool[0]!.runId];
    expect(toolRun?.status).toBe("ended");
    expect(toolRun?.steps.some((step) => step.kind === "tool")).toBe(true);
    expect(runs[text[0]!.runId]?.text).not.toBe("");
    const before = runsStore.getState();
    runsStore.getState().signalsReceived(tool);
    expect(runsStore.getState()).toBe(before);
  });

  it("lists the runs that are still open", () => {
    runsStore.getState().runSent("sent-1", "agent:main:s", 1);
    expect(openRunIds("agent:main:s")).toContain("sent-1");
    expect(openRunIds("agent:main:other")).not.toContain("sent-1");
  });
});
