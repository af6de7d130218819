import { describe, expect, it } from "vitest";
import type { ConnectionState } from "@/gateway/connection-machine";
import { describeConnection, type ConnectionDescription } from "./describe-connection";

const close = { code: 1006, reason: "", words: "1006 connection lost (no close frame)", at: 0 };

describe("describeConnection", () => {
  it.each<[ConnectionState, string, string]>([
    [{ status: "idle" }, "idle", "Not connected"],
    [{ status: "connecting", attempt: 1, since: 0 }, "working", "Connecting…"],
    [{ status: "connecting", attempt: 3, since: 0 }, "working", "Connecting (attempt 3)…"],
    [{ status: "handshaking", attempt: 1, since: 0 }, "working", "Signing in…"],
    [{ status: "restarting", since: 0, reason: "gateway stopping", attempt: 1, nextRetryAt: 3000 }, "warn", "Gateway restarting"],
    [{ status: "waiting-for-gateway", since: 0, attempt: 1, nextRetryAt: 500 }, "warn", "Waiting for the gateway to start"],
    [{ status: "backing-off", since: 0, attempt: 2, nextRetryAt: 4000, lastClose: close }, "warn", "Connection lost"],
    [{ status: "offline", since: 0 }, "warn", "Offline"],
  ])("%o", (state, tone, label) => {
    expect(describeConnection(state, 1000)).toMatchObject({ tone, label });
  });

  it.each<[string, ConnectionState, number, ConnectionDescription["short"]]>([
    ["unreachable, waiting", { status: "backing-off", since: 0, attempt: 2, nextRetryAt: 4000, lastClose: close, failure: { kind: "unreachable", title: "t", message: "m", nextStep: "n", terminal: false } }, 1000, { state: "Unreachable", next: "retry in 3 s" }],
    ["lost, waiting", { status: "backing-off", since: 0, attempt: 2, nextRetryAt: 4000, lastClose: close }, 1000, { state: "Disconnected", next: "retry in 3 s" }],
    ["lost, the attempt due", { status: "backing-off", since: 0, attempt: 3, nextRetryAt: 4000, lastClose: close }, 4000, { state: "Disconnected", next: "attempt 3…" }],
    ["reconnecting", { status: "connecting", attempt: 4, since: 0, lastClose: close }, 1000, { state: "Connecting", next: "attempt 4…" }],
    ["restarting, waiting", { status: "restarting", since: 0, reason: "gateway stopping", attempt: 7, nextRetryAt: 31_000 }, 1000, { state: "Restarting", next: "retry in 30 s" }],
    ["restarting, trying", { status: "restarting", since: 0, reason: "gateway stopping", attempt: 8 }, 1000, { state: "Restarting", next: "attempt 8…" }],
    ["starting", { status: "waiting-for-gateway", since: 0, attempt: 6, nextRetryAt: 1_500 }, 1000, { state: "Starting", next: "retry in 1 s" }],
    ["browser offline", { status: "offline", since: 0 }, 1000, { state: "Offline", next: "no network" }],
    ["online", { status: "online", since: 0, restartedSinceLastOnline: false, server: { version: "2026.9.6", protocol: 4, tickIntervalMs: 30000, maxPayload: 1, mainSessionKey: "agent:main:main", scopes: [] } }, 0, { state: "Connected" }],
  ])("a phone's pill says the state and what happens next in a few words: %s", (_, state, now, short) => {
    expect(describeConnection(state, now).short).toEqual(short);
  });

  it("says in plain words what a close without notice means, that it retries, when next and how many attempts were made", () => {
    const state: ConnectionState = { status: "backing-off", since: 0, attempt: 2, nextRetryAt: 4000, lastClose: close };
    const meaning = "Closed without notice (1006): the gateway process stopped or the network dropped";
    expect(describeConnection(state, 1000).detail).toBe(`${meaning} · retrying: next try in 3 s · 2 attempts so far`);
    expect(describeConnection({ ...state, attempt: 0 }, 1000).detail).toBe(`${meaning} · retrying: next try in 3 s`);
    expect(describeConnection({ ...state, attempt: 1 }, 3500).detail).toBe(`${meaning} · retrying: next try in 1 s · 1 attempt so far`);
    expect(describeConnection({ ...state, attempt: 3 }, 4000).detail).toBe(`${meaning} · retrying now (attempt 3)`);
  });

  it("names other closes by their words", () => {
    const state: ConnectionState = { status: "backing-off", since: 0, attempt: 1, nextRetryAt: 4000, lastClose: { code: 1011, reason: "", words: "1011 gateway internal error", at: 0 } };
    expect(describeConnection(state, 1000).detail).toBe("1011 gateway internal error · retrying: next try in 3 s · 1 attempt so far");
  });

  it("says the same while restarting or waiting for a starting gateway, and when an attempt is under way", () => {
    const restarting: ConnectionState = { status: "restarting", since: 0, reason: "gateway stopping", attempt: 7, nextRetryAt: 31_000, lastClose: close };
    expect(describeConnection(restarting, 1_000).detail).toBe("Next try in 30 s · 7 attempts so far");
    expect(describeConnection({ ...restarting, attempt: 8, nextRetryAt: undefined }, 31_000).detail).toBe("Trying now (attempt 8)");
    const waiting: ConnectionState = { status: "waiting-for-gateway", since: 0, attempt: 6, nextRetryAt: 1_500 };
    expect(describeConnection(waiting, 1_000).detail).toBe("Next try in 1 s · 6 attempts so far");
  });

  it("names a terminal failure and the next step", () => {
    const state: ConnectionState = {
      status: "failed",
      since: 0,
      failure: { kind: "token-mismatch", title: "Wrong gateway token", message: "m", nextStep: "Check the token.", terminal: true },
    };
    expect(describeConnection(state, 0)).toEqual({ tone: "error", label: "Not connected: Wrong gateway token", short: { state: "Not connected" }, detail: "Check the token.", spoken: "Not connected: Wrong gateway token. Check the token." });
  });

  it("says when the gateway restarted while away", () => {
    const state: ConnectionState = {
      status: "online",
      since: 0,
      restartedSinceLastOnline: true,
      server: { version: "2026.9.6", protocol: 4, tickIntervalMs: 30000, maxPayload: 1, mainSessionKey: "agent:main:main", scopes: [] },
    };
    expect(describeConnection(state, 0).detail).toBe("OpenClaw 2026.9.6 · gateway restarted while away");
  });
});
