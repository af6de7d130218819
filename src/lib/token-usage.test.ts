import { describe, expect, it } from "vitest";
import { readCapture } from "@/testing/capture-frames";
import { describeCallUsage, describeSessionUsage, describeUsage, usageOfRow } from "./token-usage";

describe("token usage of transcript rows", () => {
  it("reads the gateway's usage: in (uncached), out, cached and its total", () => {
    expect(usageOfRow({ role: "assistant", usage: { input: 210, output: 28, totalTokens: 1262, cacheRead: 1024, cacheWrite: 0, cost: { total: 0 } } })).toEqual({
      input: 210,
      output: 28,
      cacheRead: 1024,
      cacheWrite: 0,
      total: 1262,
      costUsd: undefined,
    });
    expect(usageOfRow({ role: "user", content: "hi" })).toBeUndefined();
    expect(usageOfRow({ usage: { input: "lots" } })).toBeUndefined();
  });

  it("shows a cost only when the gateway priced the call", () => {
    const priced = usageOfRow({ usage: { input: 1000, output: 56, totalTokens: 1056, cost: { total: 0.0123 } } });
    expect(priced?.costUsd).toBe(0.0123);
    expect(describeUsage(priced ?? { output: 0 })).toBe("56 output tokens · 1,056 total · $0.0123");
    expect(describeCallUsage(priced ?? { output: 0 })).toBe("in 1,000 · out 56 · $0.0123");
    expect(describeCallUsage({ output: 13 })).toBe("out 13");
  });

  it("sums a session's calls from the real transcript", () => {
    // The parent session's chat.history at the end of the spawn capture: earlier research turns, the spawning turn and the announce.
    const parent = readCapture("g-subagent-spawn.jsonl").flatMap((line) => {
      const payload = line.frame?.payload as { sessionKey?: string; messages?: unknown[] } | undefined;
      return line.frame?.type === "res" && payload?.sessionKey === "agent:main:main" && payload.messages ? [payload.messages] : [];
    })[0];
    expect(describeSessionUsage(parent ?? [])).toBe("This session: 13 model calls · 604 output tokens · 7,110 total");
    expect(describeSessionUsage([{ role: "user", content: "hi" }])).toBeUndefined();
    expect(describeSessionUsage([{ role: "assistant", usage: { input: 210, output: 28, totalTokens: 1262, cacheRead: 1024 } }])).toBe(
      "This session: 1 model call · 28 output tokens · 1,262 total",
    );
  });
});
