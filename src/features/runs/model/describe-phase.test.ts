import { describe, expect, it } from "vitest";
import { describePhase, describeRunningStatus } from "./describe-phase";
import type { RunPhase } from "./run-timeline";

describe("describePhase", () => {
  it.each<[RunPhase, string]>([
    [{ kind: "queued" }, "queued"],
    [{ kind: "preparing", step: "preparing context" }, "preparing context…"],
    [{ kind: "starting-model", model: { provider: "kimi-coding", model: "k2p5" } }, "starting model kimi-coding/k2p5…"],
    [{ kind: "using-tool", tool: "exec" }, "using exec…"],
    [{ kind: "writing-reply" }, "writing reply…"],
    [{ kind: "retrying", attempt: 2, maxAttempts: 10, reason: "rate_limit" }, "retrying, attempt 2 of 10 (rate limited)…"],
    [{ kind: "retrying", attempt: 3, maxAttempts: 9, reason: "timeout" }, "retrying, attempt 3 of 9 (no response)…"],
    [{ kind: "falling-back", to: "anthropic/claude-x" }, "switching to fallback model anthropic/claude-x…"],
    [{ kind: "ended" }, "ended"],
  ])("%j → %s", (phase, words) => {
    expect(describePhase(phase)).toBe(words);
  });
});

describe("describeRunningStatus", () => {
  it("says the phase once, then the clocks", () => {
    expect(describeRunningStatus({ phaseText: "using exec…", elapsedMs: 3_400, silentForMs: 1_200, stalled: false })).toStrictEqual({
      headline: "Using exec…",
      details: "3.4 s elapsed · last event 1.2 s ago",
    });
  });

  it("once silent, the warning takes the headline and the phase moves after it, still once", () => {
    expect(describeRunningStatus({ phaseText: "retrying, attempt 2 of 10 (rate limited)…", elapsedMs: 125_000, silentForMs: 47_000, stalled: true })).toStrictEqual({
      headline: "No activity for 47 s",
      details: "retrying, attempt 2 of 10 (rate limited)… · 2 min 5 s elapsed",
    });
  });
});
