import { describe, expect, it } from "vitest";
import { describePhase } from "./describe-phase";
import type { RunPhase } from "./run-timeline";

describe("describePhase", () => {
  it.each<[RunPhase, string]>([
    [{ kind: "queued" }, "queued"],
    [{ kind: "preparing", step: "preparing context" }, "preparing context…"],
    [{ kind: "starting-model", model: { provider: "kimi-coding", model: "k2p5" } }, "starting model kimi-coding/k2p5…"],
    [{ kind: "using-tool", tool: "exec" }, "using exec…"],
    [{ kind: "writing-reply" }, "writing reply…"],
    [{ kind: "retrying", attempt: 2, maxAttempts: 10, reason: "rate_limit" }, "retrying (2/10), rate limited…"],
    [{ kind: "retrying", attempt: 3, maxAttempts: 9, reason: "timeout" }, "retrying (3/9), no response…"],
    [{ kind: "falling-back", to: "anthropic/claude-x" }, "switching to fallback model anthropic/claude-x…"],
    [{ kind: "ended" }, "ended"],
  ])("%j → %s", (phase, words) => {
    expect(describePhase(phase)).toBe(words);
  });
});
