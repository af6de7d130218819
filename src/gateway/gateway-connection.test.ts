import { buildDeviceAuthPayloadV3, type GatewayBrowserDeviceIdentity, type GatewayBrowserDeviceTokenStore } from "@openclaw/gateway-client/browser";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { connectErrorFrom, helloFrom } from "@/testing/capture-frames";
import { FakeGatewaySocket, type ConnectAnswer } from "@/testing/fake-gateway-socket";
import type { Logger } from "@/lib/logger";
import { base64UrlEncode } from "./device-identity";
import type { BrowserSignals } from "./browser-signals";
import { AdminAccessRefusedError, hasAdminAccess, withAdminAccess } from "./admin-access";
import type { ConnectionLogEntry } from "./connection-log";
import { GatewayConnection } from "./gateway-connection";

async function memoryIdentity(): Promise<{ identity: GatewayBrowserDeviceIdentity; publicKey: CryptoKey }> {
  const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"])) as CryptoKeyPair;
  const raw = await crypto.subtle.exportKey("raw", pair.publicKey);
  const digest = await crypto.subtle.digest("SHA-256", raw);
  const deviceId = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  return {
    publicKey: pair.publicKey,
    identity: {
      deviceId,
      publicKey: base64UrlEncode(new Uint8Array(raw)),
      sign: async (payload) =>
        base64UrlEncode(new Uint8Array(await crypto.subtle.sign({ name: "Ed25519" }, pair.privateKey, new TextEncoder().encode(payload)))),
    },
  };
}

function memoryTokenStore(): GatewayBrowserDeviceTokenStore & { records: Map<string, { token: string; scopes: string[] }> } {
  const records = new Map<string, { token: string; scopes: string[] }>();
  const key = (p: { clientId: string; deviceId: string; role: string }) => `${p.clientId}|${p.deviceId}|${p.role}`;
  return {
    records,
    load: (p) => records.get(key(p)) ?? null,
    store: (p) => void records.set(key(p), { token: p.token, scopes: p.scopes }),
    clear: (p) => void records.delete(key(p)),
  };
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, debug() {}, info() {}, warn: (message) => void warnings.push(message), error: (message) => void warnings.push(message) };
}

const hello = helloFrom();

/** The recorded hello-ok, granting the given scopes. */
function helloGranting(scopes: string[]): Record<string, unknown> {
  const frame = structuredClone(hello) as { payload: { auth: { scopes: string[] } } };
  frame.payload.auth.scopes = scopes;
  return frame;
}
const BASE_SCOPES = ["operator.read", "operator.write", "operator.approvals"];
const wrongToken = connectErrorFrom("wrong-token.jsonl");
const starting = connectErrorFrom("startup-connect-retries.jsonl");

let answers: ConnectAnswer[];
let identity: Awaited<ReturnType<typeof memoryIdentity>>;

function setup(options: { token?: string; signals?: BrowserSignals } = {}) {
  const logger = recordingLogger();
  const tokenStore = memoryTokenStore();
  const connection = new GatewayConnection({
    url: "ws://127.0.0.1:19789",
    token: options.token ?? "right-token",
    clientVersion: "test",
    instanceId: "tab-1",
    loadIdentity: async () => identity.identity,
    tokenStore,
    createWebSocket: (url) => new FakeGatewaySocket(url, () => answers.shift() ?? { kind: "hello", frame: hello }) as unknown as WebSocket,
    logger,
    random: () => 0.5,
    signals: options.signals,
  });
  const log: ConnectionLogEntry[] = [];
  connection.onConnectionLog((entry) => log.push(entry));
  return { connection, logger, tokenStore, log };
}

const latest = () => FakeGatewaySocket.instances.at(-1)!;

async function until(predicate: () => boolean, stepMs = 10, maxMs = 60_000) {
  for (let waited = 0; waited <= maxMs; waited += stepMs) {
    if (predicate()) return;
    // WebCrypto signs on a real thread: let real time pass too, or a loaded machine sees fake time outrun it.
    await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(stepMs);
  }
  throw new Error("condition not met in time");
}

async function connectOnline(connection: GatewayConnection) {
  connection.start();
  latest().accept();
  await until(() => connection.getSnapshot().status === "online");
}

beforeEach(async () => {
  identity = await memoryIdentity();
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  FakeGatewaySocket.instances = [];
  answers = [];
});

afterEach(() => {
  vi.useRealTimers();
});

describe("handshake", () => {
  it("waits for the challenge, then sends a signed protocol-4 connect and goes online", async () => {
    const { connection, tokenStore } = setup();
    connection.start();
    expect(connection.getSnapshot().status).toBe("connecting");
    latest().accept({ challenge: false });
    await vi.advanceTimersByTimeAsync(1000);
    expect(latest().requests("connect")).toHaveLength(0);
    expect(connection.getSnapshot().status).toBe("handshaking");

    latest().receive({ type: "event", event: "connect.challenge", payload: { nonce: "n-123", ts: 1_795_000_000_000 } });
    await until(() => connection.getSnapshot().status === "online");

    const params = latest().requests("connect")[0]!.params as Record<string, any>;
    expect(params).toMatchObject({
      minProtocol: 4,
      maxProtocol: 4,
      client: { id: "openclaw-control-ui", mode: "webchat", platform: "web" },
      role: "operator",
      caps: ["tool-events"],
      auth: { token: "right-token" },
      device: { id: identity.identity.deviceId, nonce: "n-123", signedAt: 1_795_000_000_000 },
    });
    expect(params.scopes).toEqual(expect.arrayContaining(["operator.read", "operator.write"]));
    const payload = buildDeviceAuthPayloadV3({
      deviceId: identity.identity.deviceId,
      clientId: "openclaw-control-ui",
      clientMode: "webchat",
      role: "operator",
      scopes: params.scopes,
      signedAtMs: 1_795_000_000_000,
      token: "right-token",
      nonce: "n-123",
      platform: "web",
    });
    const signature = Uint8Array.from(atob(params.device.signature.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    await expect(crypto.subtle.verify({ name: "Ed25519" }, identity.publicKey, signature, new TextEncoder().encode(payload))).resolves.toBe(true);

    const state = connection.getSnapshot();
    expect(state.status === "online" && state.server).toMatchObject({ version: "2026.9.6", tickIntervalMs: 30_000, mainSessionKey: "agent:main:main" });
    await until(() => tokenStore.records.size === 1);
    connection.stop();
  });

  it("a wrong token fails once, says why, and does not retry", async () => {
    answers = [{ kind: "error", frame: wrongToken, closeCode: 1008, closeReason: "unauthorized: gateway token mismatch" }];
    const { connection } = setup({ token: "wrong" });
    connection.start();
    latest().accept();
    await until(() => connection.getSnapshot().status === "failed");
    const state = connection.getSnapshot();
    expect(state.status === "failed" && state.failure).toMatchObject({ kind: "token-mismatch", title: "Wrong gateway token" });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(FakeGatewaySocket.instances).toHaveLength(1);
    connection.stop();
  });

  it("waits the advised delay quietly while the gateway is starting (1013), then connects", async () => {
    answers = [{ kind: "error", frame: starting, closeCode: 1013, closeReason: "gateway starting" }];
    const { connection } = setup();
    connection.start();
    latest().accept();
    await until(() => connection.getSnapshot().status === "waiting-for-gateway");
    expect(FakeGatewaySocket.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(480);
    expect(FakeGatewaySocket.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(30);
    expect(FakeGatewaySocket.instances).toHaveLength(2);
    latest().accept();
    await until(() => connection.getSnapshot().status === "online");
    connection.stop();
  });

  it("keeps trying a gateway that is down, and says it is unreachable", async () => {
    const { connection } = setup();
    connection.start();
    latest().refuse();
    const state = connection.getSnapshot();
    expect(state.status).toBe("backing-off");
    expect(state.status === "backing-off" && state.failure?.kind).toBe("unreachable");
    await until(() => FakeGatewaySocket.instances.length === 2);
    latest().accept();
    await until(() => connection.getSnapshot().status === "online");
    connection.stop();
  });

  it("a socket that opens but never gets a challenge is dropped and retried", async () => {
    const { connection } = setup();
    connection.start();
    latest().accept({ challenge: false });
    await until(() => FakeGatewaySocket.instances.length === 2, 100);
    expect(FakeGatewaySocket.instances[0]!.readyState).toBe(3);
    connection.stop();
  });
});

describe("frames", () => {
  it("ignores malformed, unknown and oversized frames without dropping the connection", async () => {
    const smallPolicy = structuredClone(hello) as Record<string, any>;
    smallPolicy.payload.policy.maxPayload = 1_000_000;
    answers = [{ kind: "hello", frame: smallPolicy }];
    const { connection, logger } = setup();
    const seen: string[] = [];
    connection.onEvent((frame) => seen.push(frame.event));
    await connectOnline(connection);
    const socket = latest();
    socket.receiveRaw("{not json");
    socket.receiveRaw(new ArrayBuffer(4));
    socket.receive({ type: "mystery", hello: 1 });
    socket.receive({ type: "event", event: "brand.new.event", payload: { x: 1 }, seq: 1 });
    socket.receiveRaw(JSON.stringify({ type: "event", event: "chat", payload: { text: "x".repeat(2_000_000) }, seq: 2 }));
    expect(connection.getSnapshot().status).toBe("online");
    expect(seen).toEqual(["brand.new.event"]);
    expect(logger.warnings.join("\n")).toMatch(/not JSON[\s\S]*binary[\s\S]*unknown shape[\s\S]*characters/);
    connection.stop();
  });

  it("reports a gap in the per-connection seq", async () => {
    const { connection, log } = setup();
    await connectOnline(connection);
    latest().receive({ type: "event", event: "tick", payload: { ts: 1 }, seq: 1 });
    latest().receive({ type: "event", event: "tick", payload: { ts: 2 }, seq: 5 });
    expect(log.filter((e) => e.type === "gap")).toMatchObject([{ expected: 2, received: 5 }]);
    connection.stop();
  });

  it("passes on repeated and out-of-order frames without a false gap or a dropped connection", async () => {
    const { connection, log } = setup();
    const events: unknown[] = [];
    connection.onEvent((frame) => events.push(frame.seq));
    await connectOnline(connection);
    latest().receive({ type: "event", event: "tick", payload: { ts: 1 }, seq: 1 });
    latest().receive({ type: "event", event: "tick", payload: { ts: 2 }, seq: 2 });
    latest().receive({ type: "event", event: "tick", payload: { ts: 2 }, seq: 2 });
    latest().receive({ type: "event", event: "tick", payload: { ts: 1 }, seq: 1 });
    latest().receive({ type: "event", event: "tick", payload: { ts: 3 }, seq: 3 });
    expect(log.filter((e) => e.type === "gap")).toEqual([]);
    expect(connection.getSnapshot().status).toBe("online");
    expect(events).toEqual([1, 2, 3]);
    connection.stop();
  });
  it("one frame with an absurd seq costs a gap, not every later event", async () => {
    const { connection, log } = setup();
    const events: unknown[] = [];
    connection.onEvent((frame) => events.push(frame.seq));
    await connectOnline(connection);
    latest().receive({ type: "event", event: "tick", payload: { ts: 1 }, seq: 1 });
    latest().receive({ type: "event", event: "tick", payload: { ts: 2 }, seq: 2 ** 50 });
    latest().receive({ type: "event", event: "tick", payload: { ts: 3 }, seq: 2 });
    latest().receive({ type: "event", event: "tick", payload: { ts: 4 }, seq: 3 });
    expect(events).toEqual([1, 2 ** 50, 2, 3]);
    expect(log.filter((e) => e.type === "gap")).toMatchObject([{ expected: 2, received: 2 ** 50 }]);
    expect(connection.getSnapshot().status).toBe("online");
    connection.stop();
  });
});

describe("the gateway's clock", () => {
  it("reads the offset from the challenge and the ticks of a gateway 10 minutes ahead", async () => {
    const skew = 10 * 60_000;
    const { connection } = setup();
    connection.start();
    latest().accept({ challenge: false });
    await vi.advanceTimersByTimeAsync(30);
    latest().receive({ type: "event", event: "connect.challenge", payload: { nonce: "n-1", ts: Date.now() + skew, capabilities: [] } });
    await until(() => connection.getSnapshot().status === "online");
    expect(connection.clock.getOffsetMs()).toBe(skew);
    latest().receive({ type: "event", event: "tick", payload: { ts: Date.now() + skew + 400 }, seq: 1 });
    expect(connection.clock.getOffsetMs()).toBe(skew + 400);
    expect(connection.clock.toLocal(Date.now() + skew + 400)).toBe(Date.now());
    connection.stop();
  });
});

describe("requests", () => {
  it("times out a request the gateway never answers", async () => {
    const { connection } = setup();
    await connectOnline(connection);
    const pending = connection.request("chat.history", { sessionKey: "main" }, { timeoutMs: 5_000 });
    const outcome = pending.then(
      () => "resolved",
      (error: Error) => error.message,
    );
    await vi.advanceTimersByTimeAsync(5_001);
    expect(await outcome).toMatch(/timeout|timed out/i);
    expect(connection.getSnapshot().status).toBe("online");
    connection.stop();
  });

  it("refuses requests while not online instead of queueing them blindly", async () => {
    const { connection } = setup();
    await expect(connection.request("chat.history")).rejects.toMatchObject({
      name: "GatewayNotConnectedError",
      message: "not connected to the gateway right now",
      method: "chat.history",
      status: "idle",
    });
  });
});

describe("restarts and silence", () => {
  it("shutdown + 1012 shows restarting, reconnects by itself and notices the new boot", async () => {
    const { connection, log } = setup();
    await connectOnline(connection);
    latest().receive({ type: "event", event: "shutdown", payload: { reason: "gateway stopping" }, seq: 1 });
    expect(connection.getSnapshot().status).toBe("restarting");
    latest().serverClose(1012, "service restart");
    expect(connection.getSnapshot().status).toBe("restarting");
    const restartedHello = structuredClone(hello) as Record<string, any>;
    restartedHello.payload.server.bootId = "a-new-boot";
    answers = [{ kind: "hello", frame: restartedHello }];
    await until(() => FakeGatewaySocket.instances.length === 2);
    latest().accept();
    await until(() => connection.getSnapshot().status === "online");
    const state = connection.getSnapshot();
    expect(state.status === "online" && state.restartedSinceLastOnline).toBe(true);
    expect(log.map((e) => e.type)).toEqual(["connected", "restarting", "disconnected", "connected"]);
    expect(log.at(-1)).toMatchObject({ type: "connected", restarted: true });
    connection.stop();
  });

  it("reconnects a socket that went silent for two tick intervals", async () => {
    const { connection, log } = setup();
    await connectOnline(connection);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(FakeGatewaySocket.instances).toHaveLength(1);
    latest().receive({ type: "event", event: "tick", payload: { ts: 1 }, seq: 1 });
    await vi.advanceTimersByTimeAsync(59_000);
    expect(FakeGatewaySocket.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(log.find((e) => e.type === "disconnected")).toMatchObject({ code: 4000 });
    await until(() => FakeGatewaySocket.instances.length === 2);
    connection.stop();
  });

  it("a tab that becomes visible again reconnects at once instead of waiting out its hidden-tab backoff", async () => {
    let hidden = true;
    let notify: (change: "online" | "offline" | "visible" | "hidden") => void = () => {};
    const signals: BrowserSignals = { isOnline: () => true, isHidden: () => hidden, subscribe: (fn) => ((notify = fn), () => {}) };
    const { connection } = setup({ signals });
    await connectOnline(connection);
    latest().serverClose(1006, "");
    expect(connection.getSnapshot().status).toBe("backing-off");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(FakeGatewaySocket.instances).toHaveLength(1);
    hidden = false;
    notify("visible");
    expect(FakeGatewaySocket.instances).toHaveLength(2);
    latest().accept();
    await until(() => connection.getSnapshot().status === "online");
    connection.stop();
  });

  it("pauses while the browser is offline and reconnects when it is back", async () => {
    let online = true;
    let notify: (change: "online" | "offline" | "visible" | "hidden") => void = () => {};
    const signals: BrowserSignals = { isOnline: () => online, isHidden: () => false, subscribe: (fn) => ((notify = fn), () => {}) };
    const { connection } = setup({ signals });
    await connectOnline(connection);
    online = false;
    notify("offline");
    latest().serverClose(1006, "");
    expect(connection.getSnapshot().status).toBe("offline");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeGatewaySocket.instances).toHaveLength(1);
    online = true;
    notify("online");
    expect(FakeGatewaySocket.instances).toHaveLength(2);
    latest().accept();
    await until(() => connection.getSnapshot().status === "online");
    connection.stop();
  });
});

describe("scopes", () => {
  const requestedScopes = (socket: FakeGatewaySocket) => (socket.requests("connect")[0]!.params as { scopes: string[] }).scopes;

  it("asks for read, write and approvals only, not admin", async () => {
    answers = [{ kind: "hello", frame: helloGranting(BASE_SCOPES) }];
    const { connection } = setup();
    await connectOnline(connection);
    expect(requestedScopes(latest())).toEqual(BASE_SCOPES);
    expect(hasAdminAccess(connection)).toBe(false);
    connection.stop();
  });

  it("an admin action reconnects asking for operator.admin, then runs", async () => {
    answers = [{ kind: "hello", frame: helloGranting(BASE_SCOPES) }, { kind: "hello", frame: helloGranting(["operator.admin", ...BASE_SCOPES]) }];
    const { connection } = setup();
    await connectOnline(connection);
    const action = vi.fn(async () => "probed");
    const result = withAdminAccess(connection, action);
    await until(() => FakeGatewaySocket.instances.length === 2 && latest().readyState === 0);
    latest().accept();
    await expect(result).resolves.toBe("probed");
    expect(requestedScopes(latest())).toEqual(["operator.admin", ...BASE_SCOPES]);
    expect(hasAdminAccess(connection)).toBe(true);

    await withAdminAccess(connection, action);
    expect(FakeGatewaySocket.instances).toHaveLength(2);
    expect(action).toHaveBeenCalledTimes(2);
    connection.stop();
  });

  it("when the gateway does not grant admin, says so and goes back to the narrower scopes", async () => {
    answers = [
      { kind: "hello", frame: helloGranting(BASE_SCOPES) },
      { kind: "hello", frame: helloGranting(BASE_SCOPES) },
      { kind: "hello", frame: helloGranting(BASE_SCOPES) },
    ];
    const { connection } = setup();
    await connectOnline(connection);
    const action = vi.fn(async () => "probed");
    const result = withAdminAccess(connection, action);
    const refused = expect(result).rejects.toThrow(AdminAccessRefusedError);
    await until(() => FakeGatewaySocket.instances.length === 2 && latest().readyState === 0);
    latest().accept();
    await refused;
    await expect(result).rejects.toThrow("needs admin access (operator.admin)");
    expect(action).not.toHaveBeenCalled();
    await until(() => FakeGatewaySocket.instances.length === 3 && latest().readyState === 0);
    latest().accept();
    await until(() => connection.getSnapshot().status === "online");
    expect(requestedScopes(latest())).toEqual(BASE_SCOPES);
    connection.stop();
  });
});
