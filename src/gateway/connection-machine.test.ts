import { describe, expect, it } from "vitest";
import { classifyClose, describeClose } from "./close-codes";
import type { ConnectFailure } from "./connect-failure";
import { isReconnecting, transition, type ConnectionEvent, type ConnectionState } from "./connection-machine";
import type { ServerSummary } from "./hello";

const server: ServerSummary = {
  version: "2026.9.6",
  bootId: "boot-1",
  protocol: 4,
  tickIntervalMs: 30_000,
  maxPayload: 1_000_000,
  mainSessionKey: "agent:main:main",
  scopes: [],
};

function run(events: ConnectionEvent[], from: ConnectionState = { status: "idle" }): ConnectionState {
  return events.reduce(transition, from);
}

function closed(code: number, retryInMs: number | null, failure?: ConnectFailure, at = 10): ConnectionEvent {
  return {
    type: "closed",
    at,
    close: { code, reason: "", words: describeClose(code), at },
    kind: classifyClose(code).kind,
    retryInMs,
    failure,
  };
}

const online = run([
  { type: "attempt-started", at: 0 },
  { type: "socket-opened", at: 1 },
  { type: "hello", at: 2, server },
]);

describe("connection machine", () => {
  it("goes connecting → handshaking → online", () => {
    const connecting = run([{ type: "attempt-started", at: 0 }]);
    expect(connecting).toMatchObject({ status: "connecting", attempt: 1 });
    expect(transition(connecting, { type: "socket-opened", at: 1 })).toMatchObject({ status: "handshaking" });
    expect(online).toMatchObject({ status: "online", restartedSinceLastOnline: false });
  });

  it("a shutdown event then 1012 is a restart, not an error, and stays so through 1013 refusals", () => {
    const restarting = run([{ type: "shutdown-announced", at: 5, reason: "gateway stopping" }, closed(1012, 2000)], online);
    expect(restarting).toMatchObject({ status: "restarting", reason: "gateway stopping", nextRetryAt: 2010 });
    const stillRestarting = run([{ type: "attempt-started", at: 2010 }, closed(1013, 500, undefined, 2100)], restarting);
    expect(stillRestarting.status).toBe("restarting");
    const back = run([{ type: "attempt-started", at: 3000 }, { type: "socket-opened", at: 3001 }, { type: "hello", at: 3002, server: { ...server, bootId: "boot-2" }, previousBootId: "boot-1" }], stillRestarting);
    expect(back).toMatchObject({ status: "online", restartedSinceLastOnline: true });
  });

  it("1012 without a shutdown event is still a restart", () => {
    expect(run([closed(1012, 2000)], online).status).toBe("restarting");
  });

  it("1013 from a starting gateway waits quietly", () => {
    const state = run([{ type: "attempt-started", at: 0 }, { type: "socket-opened", at: 1 }, closed(1013, 500)]);
    expect(state).toMatchObject({ status: "waiting-for-gateway", nextRetryAt: 510 });
  });

  it.each([1006, 1001, 1000, 4000])("%i backs off and counts attempts", (code) => {
    const first = run([closed(code, 800)], online);
    expect(first).toMatchObject({ status: "backing-off", attempt: 0, nextRetryAt: 810 });
    const trying = run([{ type: "attempt-started", at: 900 }], first);
    expect(trying).toMatchObject({ status: "connecting", attempt: 1 });
    const second = run([closed(1006, 1400, undefined, 950)], trying);
    expect(second).toMatchObject({ status: "backing-off", attempt: 1, nextRetryAt: 2350 });
  });

  it("counts attempts while restarting and while the gateway is starting, not only while backing off", () => {
    const restarting = run([{ type: "shutdown-announced", at: 5, reason: "gateway stopping" }, closed(1012, 2000)], online);
    expect(restarting).toMatchObject({ status: "restarting", attempt: 0 });
    const retried = run([{ type: "attempt-started", at: 2010 }, closed(1006, 1000, undefined, 2020), { type: "attempt-started", at: 3020 }], restarting);
    expect(retried).toMatchObject({ status: "restarting", attempt: 2, nextRetryAt: undefined });
    const waiting = run([{ type: "attempt-started", at: 0 }, { type: "socket-opened", at: 1 }, closed(1013, 500)]);
    const refusedAgain = run([{ type: "attempt-started", at: 510 }, closed(1013, 500, undefined, 520), { type: "attempt-started", at: 1020 }], waiting);
    expect(refusedAgain).toMatchObject({ status: "waiting-for-gateway", attempt: 3, nextRetryAt: undefined });
  });

  it.each([1002, 1008, 1009, 4001])("%i with no retry is a terminal failure that names the close", (code) => {
    const state = run([closed(code, null)], online);
    expect(state.status).toBe("failed");
    if (state.status === "failed") expect(state.failure.message).toContain(String(code));
  });

  it("keeps the handshake failure that caused a terminal close", () => {
    const failure: ConnectFailure = { kind: "token-mismatch", title: "Wrong gateway token", message: "m", nextStep: "n", terminal: true };
    const state = run([{ type: "attempt-started", at: 0 }, { type: "socket-opened", at: 1 }, closed(1008, null, failure)]);
    expect(state).toMatchObject({ status: "failed", failure: { kind: "token-mismatch" } });
    expect(transition(state, { type: "attempt-started", at: 99 })).toBe(state);
  });

  it("offline pauses retries until the browser is online again", () => {
    const backingOff = run([closed(1006, 800)], online);
    const offline = transition(backingOff, { type: "browser-offline", at: 20 });
    expect(offline.status).toBe("offline");
    expect(transition(offline, { type: "attempt-started", at: 30 })).toBe(offline);
    expect(transition(offline, { type: "browser-online", at: 40 }).status).toBe("connecting");
    expect(transition(online, { type: "browser-offline", at: 20 })).toBe(online);
  });

  it("stop returns to idle from anywhere", () => {
    expect(transition(online, { type: "stopped" })).toEqual({ status: "idle" });
  });

  it("knows which states are reconnecting", () => {
    expect(isReconnecting(online)).toBe(false);
    expect(isReconnecting(run([closed(1006, 800)], online))).toBe(true);
    expect(isReconnecting(run([closed(1008, null)], online))).toBe(false);
  });
});
