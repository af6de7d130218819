import { describe, expect, it } from "vitest";
import { foldTimeline } from "./fold-run";
import { stepsOfKind } from "./run-timeline";
import { signalOf } from "./test-signals";

function argsKept(args: unknown): unknown {
  const run = foldTimeline("r", [signalOf("r", 0, { kind: "tool-start", toolCallId: "c", name: "exec", args }, { runSeq: 1 })]);
  return stepsOfKind(run.steps, "tool")[0]?.args;
}

describe("tool arguments", () => {
  it("keeps small arguments as they are", () => {
    const args = { command: "ls -la", env: { A: "1" }, flags: [true, null, 3.5] };
    expect(argsKept(args)).toBe(args);
  });

  it("keeps arguments whose worst-case size is over the limit but whose JSON is not", () => {
    const args = { command: "x".repeat(15_000) };
    expect(argsKept(args)).toBe(args);
  });

  it("cuts arguments over 16,000 JSON characters to a preview that says how long they were", () => {
    const args = { command: "y".repeat(20_000) };
    const kept = argsKept(args);
    expect(typeof kept).toBe("string");
    expect(kept).toBe(`${JSON.stringify(args).slice(0, 16_000)}… (20014 characters)`);
  });

  it("names arguments that cannot be serialized instead of failing", () => {
    const args: Record<string, unknown> = { name: "loop" };
    args.self = args;
    expect(argsKept(args)).toBe("[unreadable arguments]");
    expect(argsKept({ big: 10n })).toBe("[unreadable arguments]");
  });
});

describe("tool phase", () => {
  it("names the newest running tool, and waits for the model once every tool has finished", () => {
    const start = (id: string, at: number, seq: number) => signalOf("r", at, { kind: "tool-start", toolCallId: id, name: id }, { runSeq: seq });
    const result = (id: string, at: number, seq: number) => signalOf("r", at, { kind: "tool-result", toolCallId: id, isError: false, resultText: "ok" }, { runSeq: seq });
    expect(foldTimeline("r", [start("a", 1, 1), start("b", 2, 2)]).phase).toEqual({ kind: "using-tool", tool: "b", title: undefined });
    expect(foldTimeline("r", [start("a", 1, 1), start("b", 2, 2), result("b", 3, 3)]).phase).toEqual({ kind: "using-tool", tool: "a", title: undefined });
    expect(foldTimeline("r", [start("a", 1, 1), start("b", 2, 2), result("b", 3, 3), result("a", 4, 4)]).phase).toEqual({ kind: "waiting-for-model" });
  });
});
