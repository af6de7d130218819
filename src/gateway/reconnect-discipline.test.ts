/**
 * Five simulated minutes of a gateway that stays away, through the real
 * GatewayConnection (protocol client, close resolution, state machine) with a
 * fake WebSocket and fake timers: how many sockets the page opens, what its
 * attempt counter says and how long it waits each time.
 */
import type { GatewayBrowserDeviceTokenStore } from "@openclaw/gateway-client/browser";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { connectErrorFrom, helloFrom } from "@/testing/capture-frames";
import { FakeGatewaySocket, type ConnectAnswer } from "@/testing/fake-gateway-socket";
import type { Logger } from "@/lib/logger";
import type { BrowserSignal, BrowserSignals } from "./browser-signals";
import type { ConnectionState } from "./connection-machine";
import { GatewayConnection } from "./gateway-connection";
import { backoffCeiling, DEFAULT_BACKOFF, RESTART_FIRST_DELAY_MS } from "./reconnect-policy";

const FIVE_MINUTES = 5 * 60_000;
const hello = helloFrom();
const starting = connectErrorFrom("startup-connect-retries.jsonl");
const wrongToken = connectErrorFrom("wrong-token.jsonl");
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const noTokens: GatewayBrowserDeviceTokenStore = { load: () => null, store: () => undefined, clear: () => undefined };

/** A seeded random source (mulberry32), so every run of a test sees the same jitter. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How the gateway treats a new socket during the outage. */
type Outage = "refuse" | "starting-1013" | "wrong-token";

interface Scheduled {
  at: number;
  attempt: number;
  delay: number;
  status: ConnectionState["status"];
}

function setup(options: { random?: () => number; signals?: BrowserSignals } = {}) {
  let outage: Outage | null = null;
  let answer: ConnectAnswer = { kind: "hello", frame: hello };
  const connection = new GatewayConnection({
    url: "ws://127.0.0.1:19789",
    token: "right-token",
    clientVersion: "test",
    instanceId: "tab-1",
    // The fake gateway checks no signature; a constant one keeps five minutes of handshakes fast.
    loadIdentity: async () => ({ deviceId: "device-1", publicKey: "key", sign: async () => "signature" }),
    tokenStore: noTokens,
    createWebSocket: (url) => {
      const socket = new FakeGatewaySocket(url, () => answer);
      if (outage === "refuse") setTimeout(() => socket.refuse(), 0);
      else if (outage) setTimeout(() => socket.accept(), 0);
      return socket as unknown as WebSocket;
    },
    logger: quiet,
    random: options.random ?? seeded(42),
    signals: options.signals,
  });
  const scheduled: Scheduled[] = [];
  connection.subscribe(() => {
    const state = connection.getSnapshot();
    if ("nextRetryAt" in state && state.nextRetryAt !== undefined && "lastClose" in state && state.lastClose) {
      const last = scheduled.at(-1);
      if (last?.at !== state.nextRetryAt) scheduled.push({ at: state.nextRetryAt, attempt: state.attempt, delay: state.nextRetryAt - state.lastClose.at, status: state.status });
    }
  });
  const startOutage = (kind: Outage) => {
    outage = kind;
    if (kind === "starting-1013") answer = { kind: "error", frame: starting, closeCode: 1013, closeReason: "gateway starting" };
    if (kind === "wrong-token") answer = { kind: "error", frame: wrongToken, closeCode: 1008, closeReason: "unauthorized: gateway token mismatch" };
  };
  const endOutage = () => {
    outage = null;
    answer = { kind: "hello", frame: hello };
  };
  return { connection, scheduled, startOutage, endOutage };
}

const latest = () => FakeGatewaySocket.instances.at(-1)!;

async function online(connection: GatewayConnection) {
  connection.start();
  latest().accept();
  for (let i = 0; i < 100 && connection.getSnapshot().status !== "online"; i++) await vi.advanceTimersByTimeAsync(10);
  expect(connection.getSnapshot().status).toBe("online");
}

/** Fake time moves in 100 ms steps, so every handshake and close in between runs in order. */
async function pass(ms: number) {
  for (let waited = 0; waited < ms; waited += 100) await vi.advanceTimersByTimeAsync(100);
}

/** Sockets opened after the first connection. */
const retries = () => FakeGatewaySocket.instances.length - 1;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  FakeGatewaySocket.instances = [];
});

afterEach(() => {
  vi.useRealTimers();
});

/** Every wait lies inside the full-jitter envelope of its retry: at least the floor, at most the ceiling. */
function expectInsideEnvelope(scheduled: readonly Scheduled[], firstRetryCeiling?: number) {
  scheduled.forEach((entry, index) => {
    const ceiling = index === 0 && firstRetryCeiling !== undefined ? firstRetryCeiling : backoffCeiling(index + 1);
    expect(entry.delay, `retry ${index + 1}`).toBeGreaterThanOrEqual(Math.min(Math.max(DEFAULT_BACKOFF.minMs, ceiling / 2), ceiling));
    expect(entry.delay, `retry ${index + 1}`).toBeLessThanOrEqual(ceiling);
  });
}

/** The counter is the number of attempts made since the connection was lost: 0, 1, 2, … with no repeats. */
function expectCounting(scheduled: readonly Scheduled[]) {
  expect(scheduled.map((entry) => entry.attempt)).toEqual(scheduled.map((_, index) => index));
}

describe("a gateway that stays down for five minutes", () => {
  it("1006: backs off exponentially to the 15 s cap, counting every attempt", async () => {
    const { connection, scheduled, startOutage } = setup();
    await online(connection);
    startOutage("refuse");
    latest().serverClose(1006, "");
    await pass(FIVE_MINUTES);
    // Each wait is between half its ceiling and its ceiling (1, 2, 4, 8, then 15 s): 4 + 285/15 to 4 + 292.5/7.5 attempts.
    expect(retries()).toBeGreaterThanOrEqual(22);
    expect(retries()).toBeLessThanOrEqual(43);
    expectCounting(scheduled);
    expectInsideEnvelope(scheduled);
    expect(Math.max(...scheduled.map((entry) => entry.delay))).toBeLessThanOrEqual(15_000);
    connection.stop();
  });

  it("with the jitter at its top the count is exact: 4 growing waits, then one attempt per 15 s", async () => {
    const { connection, scheduled, startOutage } = setup({ random: () => 0.999_999 });
    await online(connection);
    startOutage("refuse");
    latest().serverClose(1006, "");
    await pass(FIVE_MINUTES);
    expect(scheduled.slice(0, 7).map((entry) => entry.delay)).toEqual([1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000]);
    // 1 + 2 + 4 + 8 = 15 s, then 15 s each: attempts at 1, 3, 7, 15, 30, 45, …, 285 s.
    expect(retries()).toBe(22);
    connection.stop();
  });

  it("1012 without a shutdown event: the restart wait, then backoff — not a retry every 1.4 s", async () => {
    const { connection, scheduled, startOutage } = setup();
    await online(connection);
    startOutage("refuse");
    latest().serverClose(1012, "service restart");
    await pass(FIVE_MINUTES);
    expect(scheduled[0]).toMatchObject({ delay: RESTART_FIRST_DELAY_MS, attempt: 0, status: "restarting" });
    expect(retries()).toBeGreaterThanOrEqual(21);
    expect(retries()).toBeLessThanOrEqual(43);
    expectCounting(scheduled);
    expectInsideEnvelope(scheduled, RESTART_FIRST_DELAY_MS);
    connection.stop();
  });

  it("a shutdown event then 1012: still restarting, still backing off, the counter climbing", async () => {
    const { connection, scheduled, startOutage } = setup();
    await online(connection);
    latest().receive({ type: "event", event: "shutdown", payload: { reason: "gateway stopping" }, seq: 1 });
    startOutage("refuse");
    latest().serverClose(1012, "service restart");
    await pass(FIVE_MINUTES);
    const state = connection.getSnapshot();
    expect(state.status).toBe("restarting");
    expect(state.status === "restarting" && state.attempt).toBe(retries());
    expect(retries()).toBeGreaterThanOrEqual(21);
    expect(retries()).toBeLessThanOrEqual(43);
    expectCounting(scheduled);
    expectInsideEnvelope(scheduled, RESTART_FIRST_DELAY_MS);
    connection.stop();
  });

  it("1013 with retryAfterMs 500: five quick retries as advised, then the backoff takes over", async () => {
    const { connection, scheduled, startOutage } = setup();
    await online(connection);
    startOutage("starting-1013");
    latest().serverClose(1012, "service restart");
    await pass(FIVE_MINUTES);
    expect(scheduled[0]).toMatchObject({ delay: RESTART_FIRST_DELAY_MS });
    // Retries 2 to 5 wait as advised; from retry 6 the backoff (restarted at its first step) decides, never below the advice.
    expect(scheduled.slice(1, 5).map((entry) => entry.delay)).toEqual([500, 500, 500, 500]);
    scheduled.slice(5).forEach((entry, index) => {
      expect(entry.delay).toBeGreaterThanOrEqual(500);
      expect(entry.delay).toBeLessThanOrEqual(Math.max(500, backoffCeiling(index + 1)));
    });
    expectCounting(scheduled);
    expect(retries()).toBeGreaterThanOrEqual(18);
    expect(retries()).toBeLessThanOrEqual(40);
    connection.stop();
  });

  it("1008 wrong token: one refused handshake, then nothing for five minutes", async () => {
    const { connection, startOutage } = setup();
    await online(connection);
    startOutage("wrong-token");
    latest().serverClose(1006, "");
    await pass(FIVE_MINUTES);
    expect(connection.getSnapshot()).toMatchObject({ status: "failed", failure: { kind: "token-mismatch" } });
    expect(retries()).toBe(1);
    connection.stop();
  });
});

describe("attempts at once", () => {
  function signalsFor() {
    let notify: (change: BrowserSignal) => void = () => {};
    const signals: BrowserSignals = { isOnline: () => true, isHidden: () => false, subscribe: (fn) => ((notify = fn), () => {}) };
    return { signals, notify: (change: BrowserSignal) => notify(change) };
  }

  it.each<BrowserSignal>(["online", "visible", "gateway-back"])("on '%s' the page tries at once instead of waiting out a 15 s backoff", async (signal) => {
    const { signals, notify } = signalsFor();
    const { connection, startOutage, endOutage } = setup({ signals, random: () => 0.999_999 });
    await online(connection);
    startOutage("refuse");
    latest().serverClose(1006, "");
    await pass(70_000);
    const state = connection.getSnapshot();
    // Attempts at 1, 3, 7, 15, 30, 45 and 60 s; the next is due at 75 s.
    expect(state).toMatchObject({ status: "backing-off", attempt: 7 });
    const before = retries();
    endOutage();
    notify(signal);
    expect(retries()).toBe(before + 1);
    latest().accept();
    for (let i = 0; i < 100 && connection.getSnapshot().status !== "online"; i++) await vi.advanceTimersByTimeAsync(10);
    expect(connection.getSnapshot().status).toBe("online");
    connection.stop();
  });

  it("Retry now counts as an attempt and the backoff continues from there", async () => {
    const { connection, scheduled, startOutage } = setup({ random: () => 0.999_999 });
    await online(connection);
    startOutage("refuse");
    latest().serverClose(1006, "");
    await pass(8_000);
    expect(connection.getSnapshot()).toMatchObject({ status: "backing-off", attempt: 3 });
    connection.reconnectNow();
    await pass(100);
    expect(connection.getSnapshot()).toMatchObject({ status: "backing-off", attempt: 4 });
    expect(scheduled.at(-1)?.delay).toBe(15_000);
    connection.stop();
  });
});
