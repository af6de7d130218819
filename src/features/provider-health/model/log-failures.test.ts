import { describe, expect, it } from "vitest";
import { appendTailPage } from "@/lib/log-tail";
import { failuresInLogTail, LOG_FAILURE_KEEP_MS, mergeLogFailures } from "./log-failures";

const NOW = 10_000_000;

describe("log failures across refreshes", () => {
  it("adds what a later refresh found", () => {
    const first = mergeLogFailures(undefined, [{ kind: "auth", provider: "a", at: NOW - 10 }], NOW);
    const second = mergeLogFailures(first, [{ kind: "rate-limit", provider: "b", at: NOW - 5 }], NOW);
    expect(second).toEqual({
      failures: [
        { kind: "auth", provider: "a", at: NOW - 10 },
        { kind: "rate-limit", provider: "b", at: NOW - 5 },
      ],
    });
  });

  it("does not double a failure read twice (every refresh reads the whole kept tail)", () => {
    const failure = { kind: "cooldown" as const, provider: "a", at: NOW - 10, until: NOW + 5 };
    const first = mergeLogFailures(undefined, [failure], NOW);
    expect(mergeLogFailures(first, [{ ...failure }], NOW).failures).toHaveLength(1);
  });

  it("keeps a failure whose line has left the tail", () => {
    const first = mergeLogFailures(undefined, [{ kind: "auth", provider: "a", at: NOW - 10 }], NOW);
    expect(mergeLogFailures(first, [], NOW).failures).toEqual([{ kind: "auth", provider: "a", at: NOW - 10 }]);
  });

  it("forgets failures too old to matter", () => {
    const merged = mergeLogFailures(undefined, [{ kind: "auth", provider: "a", at: NOW - LOG_FAILURE_KEEP_MS - 1 }], NOW);
    expect(merged.failures).toEqual([]);
  });
});

describe("failuresInLogTail", () => {
  const at = "2026-11-24T04:23:37.609Z";
  const line = (fields: Record<string, unknown>, message = "auth profile failure state updated") =>
    JSON.stringify({ 0: '{"subsystem":"agent/embedded"}', 1: fields, 2: message, _meta: { logLevelName: "WARN", date: at }, time: at, message });

  it("reads the cooldown and the failover lines and nothing else", () => {
    const tail = appendTailPage(undefined, {
      cursor: 1,
      lines: [
        line({ event: "auth_profile_failure_state_updated", provider: "fakeauth", reason: "auth", cooldownUntil: 1_795_494_247_536 }),
        line({ event: "embedded_run_agent_end", provider: "fake", isError: true, failoverReason: "rate_limit" }, "embedded run agent end"),
        line({ event: "embedded_run_agent_end", provider: "fake", isError: true, reason: "rate_limit" }, "embedded run agent end"),
        "plain text failoverReason=auth",
      ],
    });
    expect(failuresInLogTail(tail.lines)).toEqual([
      { kind: "cooldown", provider: "fakeauth", at: Date.parse(at), until: 1_795_494_247_536, detail: "auth" },
      { kind: "rate-limit", provider: "fake", at: Date.parse(at) },
    ]);
  });
});
