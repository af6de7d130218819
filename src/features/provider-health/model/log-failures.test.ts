import { describe, expect, it } from "vitest";
import { LOG_FAILURE_KEEP_MS, mergeLogFailures } from "./log-failures";

const NOW = 10_000_000;

describe("log failures across reads", () => {
  it("adds what a later read found and moves the cursor", () => {
    const first = mergeLogFailures(undefined, { cursor: 100, failures: [{ kind: "auth", provider: "a", at: NOW - 10 }] }, NOW);
    const second = mergeLogFailures(first, { cursor: 250, failures: [{ kind: "rate-limit", provider: "b", at: NOW - 5 }] }, NOW);
    expect(second).toEqual({
      cursor: 250,
      failures: [
        { kind: "auth", provider: "a", at: NOW - 10 },
        { kind: "rate-limit", provider: "b", at: NOW - 5 },
      ],
    });
  });

  it("does not double a failure read twice (the gateway re-sends the tail after a reset)", () => {
    const failure = { kind: "cooldown" as const, provider: "a", at: NOW - 10, until: NOW + 5 };
    const first = mergeLogFailures(undefined, { cursor: 100, failures: [failure] }, NOW);
    expect(mergeLogFailures(first, { cursor: 100, failures: [{ ...failure }] }, NOW).failures).toHaveLength(1);
  });

  it("forgets failures too old to matter", () => {
    const merged = mergeLogFailures(undefined, { cursor: 1, failures: [{ kind: "auth", provider: "a", at: NOW - LOG_FAILURE_KEEP_MS - 1 }] }, NOW);
    expect(merged.failures).toEqual([]);
  });
});
