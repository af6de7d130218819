import { describe, expect, it } from "vitest";
import {
  deriveProviderHealth,
  describeHealth,
  formatRemaining,
  healthWhileDisconnected,
  healthSignature,
  nextHealthChangeAt,
  sendWouldFail,
  sessionTarget,
  type HealthInputs,
  type ProviderHealth,
} from "./provider-health";
import type { ModelChoice } from "./provider-signals";

const NOW = 1_000_000;
const FAKE = { provider: "fake", model: "fake-model" };
const FAKEAUTH = { provider: "fakeauth", model: "fake-model" };
const MODELS: ModelChoice[] = [
  { id: "fake-model", name: "Fake Model", provider: "fake", available: true },
  { id: "fake-model", name: "Fake Model (separate credential)", provider: "fakeauth", available: true },
];

function inputs(overrides: Partial<HealthInputs>): HealthInputs {
  return { target: FAKEAUTH, models: MODELS, auth: [], failures: [], successes: [], now: NOW, ...overrides };
}

const clock = (at: number) => `t${(at - NOW) / 1000}`;

describe("which model a session sends to", () => {
  const snapshot = { rows: [{ key: "b", provider: "fakeauth", model: "fake-model" }, { key: "c" }], defaults: FAKE };
  it("is the session's resolved model, else the gateway default", () => {
    expect(sessionTarget(snapshot, "b")).toEqual(FAKEAUTH);
    expect(sessionTarget(snapshot, "c")).toEqual(FAKE);
    expect(sessionTarget(snapshot, "new")).toEqual(FAKE);
    expect(sessionTarget(undefined, "b")).toBeUndefined();
  });
});

describe("provider health", () => {
  it("is unknown without a target or before the model list answers", () => {
    expect(deriveProviderHealth(inputs({ target: undefined }))).toEqual({ kind: "unknown" });
    expect(deriveProviderHealth(inputs({ models: undefined }))).toEqual({ kind: "unknown" });
  });

  it("is ready with no failures on the provider", () => {
    expect(deriveProviderHealth(inputs({ failures: [{ kind: "auth", provider: "fake", at: NOW - 5 }] }))).toEqual({ kind: "ready" });
  });

  it("shows a credential cooldown from another session's 401 until it ends", () => {
    const failures = [
      { kind: "auth" as const, provider: "fakeauth", at: NOW - 2000, detail: "HTTP 401" },
      { kind: "cooldown" as const, provider: "fakeauth", at: NOW - 1800, until: NOW + 28_000, detail: "auth" },
    ];
    expect(deriveProviderHealth(inputs({ failures }))).toEqual({ kind: "cooldown", at: NOW - 1800, until: NOW + 28_000, detail: "auth" });
    // When the window ends the credential that failed is still suspect.
    expect(deriveProviderHealth(inputs({ failures, now: NOW + 29_000 }))).toEqual({ kind: "auth-failing", at: NOW - 1800, detail: "auth" });
  });

  it("caps a cooldown known only from an error text", () => {
    const failures = [{ kind: "cooldown" as const, provider: "fakeauth", at: NOW - 1000 }];
    expect(deriveProviderHealth(inputs({ failures }))).toMatchObject({ kind: "cooldown", until: NOW - 1000 + 5 * 60_000 });
  });

  it("clears a failure once another run on the provider went through after it", () => {
    const failures = [{ kind: "auth" as const, provider: "fakeauth", at: NOW - 10_000, runId: "r1" }];
    expect(deriveProviderHealth(inputs({ failures, successes: [{ provider: "fakeauth", runId: "r2", endedAt: NOW - 5000 }] }))).toEqual({ kind: "ready" });
    expect(deriveProviderHealth(inputs({ failures, successes: [{ provider: "fakeauth", runId: "r0", endedAt: NOW - 20_000 }] }))).toMatchObject({ kind: "auth-failing" });
    // Without run ids, only a run that started after the failure counts.
    const anonymous = [{ kind: "auth" as const, provider: "fakeauth", at: NOW - 10_000 }];
    expect(deriveProviderHealth(inputs({ failures: anonymous, successes: [{ provider: "fakeauth", startedAt: NOW - 5000, endedAt: NOW - 4000 }] }))).toEqual({ kind: "ready" });
    expect(deriveProviderHealth(inputs({ failures: anonymous, successes: [{ provider: "fakeauth", startedAt: NOW - 20_000, endedAt: NOW - 4000 }] }))).toMatchObject({
      kind: "auth-failing",
    });
  });

  it("keeps a rate limit that a retry got through as 'recently', for ten minutes", () => {
    // The gateway moves the session's startedAt to the last retry; the run id tells it is the same run.
    const failures = [{ kind: "rate-limit" as const, provider: "fake", at: NOW - 3000, until: NOW - 2000, runId: "r429" }];
    const health = deriveProviderHealth(inputs({ target: FAKE, failures, successes: [{ provider: "fake", runId: "r429", startedAt: NOW - 2500, endedAt: NOW - 1000 }] }));
    expect(health).toMatchObject({ kind: "rate-limited-recently", at: NOW - 3000, resetAt: NOW - 2000 });
    expect(deriveProviderHealth(inputs({ target: FAKE, failures, now: NOW + 10 * 60_000 }))).toEqual({ kind: "ready" });
  });

  it("puts cooldown ahead of a rate limit", () => {
    const failures = [
      { kind: "rate-limit" as const, provider: "fakeauth", at: NOW - 100 },
      { kind: "cooldown" as const, provider: "fakeauth", at: NOW - 1000, until: NOW + 1000 },
    ];
    expect(deriveProviderHealth(inputs({ failures })).kind).toBe("cooldown");
  });

  it("believes the model list when it marks a model unavailable", () => {
    const models: ModelChoice[] = [
      { ...MODELS[1]!, available: false, unavailableReason: "cooldown", unavailableUntil: NOW + 9000 },
      { ...MODELS[0]!, available: false, unavailableReason: "missing-auth" },
    ];
    expect(deriveProviderHealth(inputs({ models }))).toEqual({ kind: "cooldown", until: NOW + 9000 });
    const failures = [{ kind: "auth" as const, provider: "fakeauth", at: NOW - 500, detail: "HTTP 401" }];
    expect(deriveProviderHealth(inputs({ models, failures }))).toEqual({ kind: "cooldown", at: NOW - 500, until: NOW + 9000, detail: "HTTP 401" });
    // The catalog is cached: a cooldown that ran out there is left to the other signals.
    const expired: ModelChoice[] = [{ ...MODELS[1]!, available: false, unavailableReason: "cooldown", unavailableUntil: NOW - 1 }];
    expect(deriveProviderHealth(inputs({ models: expired, failures }))).toMatchObject({ kind: "auth-failing", at: NOW - 500 });
    expect(deriveProviderHealth(inputs({ models, target: FAKE }))).toEqual({ kind: "unavailable", reason: "no credential configured" });
    // A model the listing leaves out is not known to fail: unknown, and sending is not held.
    const unlisted = deriveProviderHealth(inputs({ target: { provider: "gone", model: "x" } }));
    expect(unlisted).toEqual({ kind: "unknown" });
    expect(sendWouldFail(unlisted, NOW)).toBe(false);
  });

  it("reads an expired or missing credential from auth status", () => {
    expect(deriveProviderHealth(inputs({ auth: [{ provider: "fakeauth", status: "expired" }] }))).toMatchObject({ kind: "auth-failing" });
    expect(deriveProviderHealth(inputs({ auth: [{ provider: "fakeauth", status: "missing" }] }))).toMatchObject({ kind: "unavailable" });
    expect(deriveProviderHealth(inputs({ auth: [{ provider: "fakeauth", status: "static" }] }))).toEqual({ kind: "ready" });
  });
});

describe("warning before a send", () => {
  it("warns for cooldown, failing auth and unavailable models", () => {
    expect(sendWouldFail({ kind: "cooldown", until: NOW + 1 }, NOW)).toBe(true);
    expect(sendWouldFail({ kind: "cooldown", at: 0, until: NOW }, NOW)).toBe(false);
    expect(sendWouldFail({ kind: "auth-failing" }, NOW)).toBe(true);
    expect(sendWouldFail({ kind: "unavailable", reason: "x" }, NOW)).toBe(true);
    expect(sendWouldFail({ kind: "ready" }, NOW)).toBe(false);
    expect(sendWouldFail({ kind: "unknown" }, NOW)).toBe(false);
  });

  it("warns for a rate limit only while it is in force", () => {
    expect(sendWouldFail({ kind: "rate-limited-recently", at: NOW - 5000, resetAt: NOW + 1000 }, NOW)).toBe(true);
    expect(sendWouldFail({ kind: "rate-limited-recently", at: NOW - 5000, resetAt: NOW - 1000 }, NOW)).toBe(false);
    expect(sendWouldFail({ kind: "rate-limited-recently", at: NOW - 5000 }, NOW)).toBe(true);
    expect(sendWouldFail({ kind: "rate-limited-recently", at: NOW - 61_000 }, NOW)).toBe(false);
  });

  it("knows when the clock alone changes the state", () => {
    expect(nextHealthChangeAt({ kind: "cooldown", at: 0, until: NOW + 5 }, NOW)).toBe(NOW + 5);
    expect(nextHealthChangeAt({ kind: "rate-limited-recently", at: NOW - 1000 }, NOW)).toBe(NOW + 59_000);
    expect(nextHealthChangeAt({ kind: "rate-limited-recently", at: NOW - 9000, resetAt: NOW - 1 }, NOW)).toBeUndefined();
    expect(nextHealthChangeAt({ kind: "ready" }, NOW)).toBeUndefined();
  });

  it("names the same failure the same way, and a new one differently", () => {
    const a: ProviderHealth = { kind: "cooldown", at: 1, until: 2 };
    expect(healthSignature(a)).toBe(healthSignature({ ...a }));
    expect(healthSignature(a)).not.toBe(healthSignature({ kind: "cooldown", at: 1, until: 3 }));
  });
});

describe("health in words", () => {
  it("gives the cooldown end and what is left", () => {
    expect(describeHealth({ kind: "cooldown", at: NOW - 2000, until: NOW + 40_000, detail: "auth" }, NOW, clock)).toEqual({
      label: "in cooldown until t40 (about 40 s)",
      detail: "the gateway paused this credential after an auth failure at t-2",
      tone: "error",
    });
    expect(describeHealth({ kind: "cooldown", until: NOW + 40_000 }, NOW, clock).detail).toBe("the gateway paused this credential after an auth failure");
  });

  it("gives when a rate limit hit and when it resets", () => {
    expect(describeHealth({ kind: "rate-limited-recently", at: NOW - 3000, resetAt: NOW + 2000 }, NOW, clock).label).toBe(
      "rate limited recently (at t-3, resets at t2 (about 2 s))",
    );
    expect(describeHealth({ kind: "rate-limited-recently", at: NOW - 3000, resetAt: NOW - 2000 }, NOW, clock).label).toBe("rate limited recently (at t-3, reset at t-2)");
    expect(describeHealth({ kind: "rate-limited-recently", at: NOW - 3000 }, NOW, clock).label).toBe("rate limited recently (at t-3, reset time unknown)");
  });

  it("rounds remaining time to seconds, minutes or hours", () => {
    expect(formatRemaining(400)).toBe("about 1 s");
    expect(formatRemaining(59_400)).toBe("about 59 s");
    expect(formatRemaining(90_000)).toBe("about 2 min");
    expect(formatRemaining(3 * 3_600_000)).toBe("about 3 h");
  });
});

describe("while the gateway is not connected", () => {
  const droppedAt = NOW - 5_000;

  it("nothing is known: the state is unknown, with what was last known and when", () => {
    const health = healthWhileDisconnected({ kind: "ready" }, droppedAt);
    expect(health).toEqual({ kind: "not-known", since: droppedAt, lastKnown: { kind: "ready" } });
    expect(describeHealth(health, NOW, clock)).toEqual({ label: "unknown while not connected", detail: "last known: ready at t-5", tone: "idle" });
  });

  it("a failure known before the drop is still named as the last known state, and still holds a send", () => {
    const failing: ProviderHealth = { kind: "auth-failing", at: NOW - 60_000, detail: "401" };
    const health = healthWhileDisconnected(failing, droppedAt);
    expect(describeHealth(health, NOW, clock)).toEqual({ label: "unknown while not connected", detail: "last known: authentication failing at t-5", tone: "idle" });
    expect(sendWouldFail(health, NOW)).toBe(true);
    expect(healthSignature(health)).toBe(healthSignature(failing));
    expect(nextHealthChangeAt(health, NOW)).toBeUndefined();
  });

  it("with nothing known before the drop there is no last known state to name", () => {
    expect(describeHealth(healthWhileDisconnected({ kind: "unknown" }, droppedAt), NOW, clock)).toEqual({ label: "unknown while not connected", tone: "idle" });
  });
});
