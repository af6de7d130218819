import { describe, expect, it } from "vitest";
import { parseGatewayLogLine } from "@/lib/gateway-log-lines";
import {
  classifyRunError,
  failureFromLogLine,
  outcomesFromSessions,
  parseModelChoices,
  parseProviderAuth,
  parseSessionsSnapshot,
  retryAfterMs,
  splitModelRef,
} from "./provider-signals";

const AUTH_401 = "⚠️ fakeauth/fake-model request failed (authentication failed, HTTP 401). Re-authenticate the provider and try again.";
const COOLDOWN =
  'Inline API key for provider "fake" is temporarily disabled after a provider auth/billing failure. Retry after about 1 minute, or switch to a different auth profile/API key.';
const RATE_LIMIT = "⚠️ Rate limit reached for requests (fake); Retry-After: 1 seconds";

/** Real `logs.tail` lines recorded from the pinned gateway after a 401 on fakeauth. */
const COOLDOWN_LINE = JSON.stringify({
  "0": '{"subsystem":"agent/embedded"}',
  "1": {
    event: "auth_profile_failure_state_updated",
    tags: ["error_handling", "auth_profiles", "cooldown"],
    runId: "p401",
    profileId: "sha256:f452562381a6",
    provider: "fakeauth",
    reason: "auth",
    windowType: "cooldown",
    windowReused: false,
    errorCount: 1,
    cooldownUntil: 1795494247536,
    failureCounts: { auth: 1 },
  },
  "2": "auth profile failure state updated",
  _meta: { logLevelName: "WARN", date: "2026-11-24T04:23:37.609Z" },
  time: "2026-11-24T04:23:37.609+00:00",
  message: "auth profile failure state updated",
});
const RATE_LIMIT_LINE = JSON.stringify({
  "0": '{"subsystem":"agent/embedded"}',
  "1": {
    event: "embedded_run_agent_end",
    runId: "p429",
    isError: true,
    error: RATE_LIMIT,
    failoverReason: "rate_limit",
    model: "fake-model",
    provider: "fake",
    rawErrorPreview: "429 Rate limit reached for requests (fake); Retry-After: 1 seconds",
  },
  "2": "embedded run agent end",
  _meta: { logLevelName: "WARN" },
  time: "2026-11-24T04:23:39.578+00:00",
  message: "embedded run agent end",
});

describe("error texts", () => {
  it("tells a cooldown, an auth failure and a rate limit apart", () => {
    expect(classifyRunError(COOLDOWN)).toBe("cooldown");
    // sessions.list shortens long errors in the middle.
    expect(classifyRunError('Inline API key for provider "fakeauth" is temporari ... rovider auth/billing failure. Retry after about 1 minute')).toBe("cooldown");
    expect(classifyRunError(AUTH_401)).toBe("auth");
    expect(classifyRunError(RATE_LIMIT)).toBe("rate-limit");
    expect(classifyRunError("⚠️ LLM request failed (rate limited, HTTP 429). This is usually temporary")).toBe("rate-limit");
    expect(classifyRunError("LLM request timed out.")).toBeUndefined();
  });

  it("reads Retry-After and 'retry after about' waits", () => {
    expect(retryAfterMs(RATE_LIMIT)).toBe(1000);
    expect(retryAfterMs(COOLDOWN)).toBe(60_000);
    expect(retryAfterMs("retry after 2 h")).toBe(7_200_000);
    expect(retryAfterMs(AUTH_401)).toBeUndefined();
  });
});

describe("gateway answers", () => {
  it("reads models.list, including the unavailable reason and until", () => {
    const models = parseModelChoices({
      models: [
        { id: "fake-model", name: "Fake Model", provider: "fake", available: true },
        { id: "m", name: "M", provider: "p", available: false, unavailableReason: "cooldown", unavailableUntil: 5 },
        { id: "", provider: "x" },
      ],
    });
    expect(models).toEqual([
      { id: "fake-model", name: "Fake Model", provider: "fake", available: true },
      { id: "m", name: "M", provider: "p", available: false, unavailableReason: "cooldown", unavailableUntil: 5 },
    ]);
  });

  it("reads models.authStatus provider states", () => {
    expect(parseProviderAuth({ providers: [{ provider: "fake", status: "static", profiles: [] }, { status: "ok" }] })).toEqual([{ provider: "fake", status: "static" }]);
  });

  it("reads the session rows and the defaults of sessions.list", () => {
    const snapshot = parseSessionsSnapshot({
      defaults: { modelProvider: "fake", model: "fake-model" },
      sessions: [
        { key: "a", modelProvider: "fakeauth", model: "fake-model", status: "failed", lastRunError: AUTH_401, lastRunId: "ra", startedAt: 1, endedAt: 2 },
        { key: "b", model: "fake/fake-model" },
        { nokey: true },
      ],
    });
    expect(snapshot.defaults).toEqual({ provider: "fake", model: "fake-model" });
    expect(snapshot.rows).toEqual([
      { key: "a", provider: "fakeauth", model: "fake-model", status: "failed", lastRunError: AUTH_401, lastRunId: "ra", startedAt: 1, endedAt: 2 },
      { key: "b", provider: "fake", model: "fake-model", status: undefined, lastRunError: undefined, lastRunId: undefined, startedAt: undefined, endedAt: undefined },
    ]);
  });

  it("splits provider/model references", () => {
    expect(splitModelRef("fake/fake-model", undefined)).toEqual({ provider: "fake", model: "fake-model" });
    expect(splitModelRef("fake-model", "fake")).toEqual({ provider: "fake", model: "fake-model" });
    expect(splitModelRef("fake-model", undefined)).toBeUndefined();
  });
});

describe("run outcomes per provider", () => {
  it("turns failed last runs into failures and finished ones into successes", () => {
    const { failures, successes } = outcomesFromSessions([
      { key: "a", provider: "fakeauth", status: "failed", lastRunError: AUTH_401, lastRunId: "ra", startedAt: 10, endedAt: 20 },
      { key: "b", provider: "fake", status: "failed", lastRunError: COOLDOWN, startedAt: 30, endedAt: 40 },
      { key: "c", provider: "fake", status: "done", lastRunId: "rc", startedAt: 50, endedAt: 60 },
      { key: "d", provider: "fake", status: "running", startedAt: 70 },
      { key: "e", provider: "fake", status: "failed", lastRunError: "LLM request timed out.", startedAt: 1, endedAt: 2 },
    ]);
    expect(failures).toEqual([
      { kind: "auth", provider: "fakeauth", at: 20, runId: "ra", detail: AUTH_401 },
      { kind: "cooldown", provider: "fake", at: 40, until: 60_040, detail: COOLDOWN },
    ]);
    expect(successes).toEqual([{ provider: "fake", runId: "rc", startedAt: 50, endedAt: 60 }]);
  });
});

describe("gateway log lines", () => {
  it("reads the credential cooldown event with its end", () => {
    expect(failureFromLogLine(parseGatewayLogLine(COOLDOWN_LINE))).toEqual({
      kind: "cooldown",
      provider: "fakeauth",
      at: Date.parse("2026-11-24T04:23:37.609Z"),
      runId: "p401",
      until: 1795494247536,
      detail: "auth",
    });
  });

  it("reads a rate-limited attempt with its Retry-After", () => {
    const at = Date.parse("2026-11-24T04:23:39.578Z");
    expect(failureFromLogLine(parseGatewayLogLine(RATE_LIMIT_LINE))).toMatchObject({ kind: "rate-limit", provider: "fake", at, runId: "p429", until: at + 1000 });
  });

  it("reads a rate-limit window on a credential as a rate limit", () => {
    expect(failureFromLogLine({ time: 5, fields: { event: "auth_profile_failure_state_updated", provider: "p", reason: "rate_limit", cooldownUntil: 9 } })).toEqual({
      kind: "rate-limit",
      provider: "p",
      at: 5,
      until: 9,
      detail: "rate_limit",
    });
  });

  it("ignores lines without a provider failure", () => {
    expect(failureFromLogLine({ time: 1, fields: {} })).toBeUndefined();
    expect(failureFromLogLine({ time: 1, fields: { provider: "fake", failoverReason: "timeout" } })).toBeUndefined();
    expect(failureFromLogLine({ time: undefined, fields: { provider: "fake", failoverReason: "rate_limit" } })).toBeUndefined();
  });
});
