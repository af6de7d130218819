import { describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_BACKOFF, HIDDEN_TAB_MIN_DELAY_MS, reconnectDelay, RESTART_FIRST_DELAY_MS } from "./reconnect-policy";

const middle = () => 0.5;

describe("backoffDelay", () => {
  it("grows by the multiplier and stops at the cap", () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((attempt) => backoffDelay(attempt, DEFAULT_BACKOFF, middle));
    expect(delays[0]).toBe(800);
    expect(delays[1]).toBe(1360);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(Math.max(...delays)).toBe(DEFAULT_BACKOFF.maxMs);
  });

  it("spreads delays with jitter but never beyond the cap", () => {
    expect(backoffDelay(1, DEFAULT_BACKOFF, () => 0)).toBe(600);
    expect(backoffDelay(1, DEFAULT_BACKOFF, () => 0.999999)).toBe(1000);
    expect(backoffDelay(50, DEFAULT_BACKOFF, () => 0.999999)).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxMs);
  });
});

describe("reconnectDelay", () => {
  it("never retries terminal closes", () => {
    expect(reconnectDelay({ kind: "terminal", attempt: 1 })).toBeNull();
    expect(reconnectDelay({ kind: "client", attempt: 1 })).toBeNull();
  });

  it("waits the gateway's advised delay while it is starting", () => {
    expect(reconnectDelay({ kind: "starting", attempt: 1, retryAfterMs: 500 }, DEFAULT_BACKOFF, middle)).toBe(500);
    expect(reconnectDelay({ kind: "starting", attempt: 2 }, DEFAULT_BACKOFF, middle)).toBe(1000);
  });

  it("slows down when a starting gateway keeps refusing", () => {
    expect(reconnectDelay({ kind: "starting", attempt: 9, retryAfterMs: 500 }, DEFAULT_BACKOFF, middle)).toBeGreaterThan(500);
  });

  it("gives a restarting gateway a moment before the first try", () => {
    expect(reconnectDelay({ kind: "restart", attempt: 1 }, DEFAULT_BACKOFF, middle)).toBe(RESTART_FIRST_DELAY_MS);
  });

  it("backs off further in a hidden tab", () => {
    expect(reconnectDelay({ kind: "transient", attempt: 1, hidden: true }, DEFAULT_BACKOFF, middle)).toBe(HIDDEN_TAB_MIN_DELAY_MS);
  });
});
