import { describe, expect, it } from "vitest";
import { backoffCeiling, backoffDelay, DEFAULT_BACKOFF, HIDDEN_TAB_MIN_DELAY_MS, reconnectDelay, RESTART_FIRST_DELAY_MS } from "./reconnect-policy";

const middle = () => 0.5;
const top = () => 0.999_999;
const bottom = () => 0;

describe("backoff with equal jitter", () => {
  it("doubles the ceiling from 1 s and stops at 15 s, the Control UI's cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((retry) => backoffCeiling(retry))).toEqual([1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000, 15_000]);
  });

  it("draws between half the ceiling and the ceiling, never under the 500 ms floor", () => {
    expect(backoffDelay(1, DEFAULT_BACKOFF, bottom)).toBe(500);
    expect(backoffDelay(1, DEFAULT_BACKOFF, top)).toBe(1_000);
    expect(backoffDelay(4, DEFAULT_BACKOFF, middle)).toBe(6_000);
    expect(backoffDelay(4, DEFAULT_BACKOFF, bottom)).toBe(4_000);
    expect(backoffDelay(50, DEFAULT_BACKOFF, bottom)).toBe(7_500);
    expect(backoffDelay(50, DEFAULT_BACKOFF, top)).toBe(15_000);
  });
});

describe("reconnectDelay", () => {
  it("never retries terminal closes", () => {
    expect(reconnectDelay({ kind: "terminal", retry: 1 })).toBeNull();
    expect(reconnectDelay({ kind: "client", retry: 1 })).toBeNull();
  });

  it("waits the gateway's advised delay while it is starting", () => {
    expect(reconnectDelay({ kind: "starting", retry: 1, retryAfterMs: 500 }, DEFAULT_BACKOFF, middle)).toBe(500);
    expect(reconnectDelay({ kind: "starting", retry: 2 }, DEFAULT_BACKOFF, middle)).toBe(1000);
    expect(reconnectDelay({ kind: "starting", retry: 5, retryAfterMs: 500 }, DEFAULT_BACKOFF, top)).toBe(500);
  });

  it("after five refusals a starting gateway gets the backoff, never less than its advice", () => {
    expect(reconnectDelay({ kind: "starting", retry: 6, retryAfterMs: 500 }, DEFAULT_BACKOFF, top)).toBe(1_000);
    expect(reconnectDelay({ kind: "starting", retry: 9, retryAfterMs: 500 }, DEFAULT_BACKOFF, top)).toBe(8_000);
    expect(reconnectDelay({ kind: "starting", retry: 9, retryAfterMs: 500 }, DEFAULT_BACKOFF, bottom)).toBe(4_000);
  });

  it("gives a restarting gateway a moment before the first try, then backs off", () => {
    expect(reconnectDelay({ kind: "restart", retry: 1 }, DEFAULT_BACKOFF, middle)).toBe(RESTART_FIRST_DELAY_MS);
    expect(reconnectDelay({ kind: "restart", retry: 6 }, DEFAULT_BACKOFF, top)).toBe(15_000);
  });

  it("backs off further in a hidden tab", () => {
    expect(reconnectDelay({ kind: "transient", retry: 1, hidden: true }, DEFAULT_BACKOFF, middle)).toBe(HIDDEN_TAB_MIN_DELAY_MS);
  });
});
