import { GatewayProtocolRequestError, GatewayProtocolRequestTimeoutError } from "@openclaw/gateway-client/browser";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ConnectionState } from "@/gateway/connection-machine";
import { GatewayNotConnectedError } from "@/gateway/request-errors";
import { createOutboxStore, outboxEntries, type OutboxStore } from "../store/outbox-store";
import { OutboxSender } from "./outbox-sender";

interface Call {
  method: string;
  params: Record<string, unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** A connection whose state the test sets and whose requests the test answers one by one. */
function fakeConnection() {
  let state: ConnectionState = { status: "restarting", since: 0, reason: "shutdown", attempt: 1 };
  const listeners = new Set<() => void>();
  const calls: Call[] = [];
  return {
    calls,
    sends: () => calls.filter((call) => call.method === "chat.send"),
    setOnline(online: boolean) {
      state = online
        ? ({ status: "online", since: 1, server: {} as never, restartedSinceLastOnline: false } as ConnectionState)
        : { status: "waiting-for-gateway", since: 2, attempt: 1, nextRetryAt: 3 };
      for (const listener of listeners) listener();
    },
    getSnapshot: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    request<T>(method: string, params?: unknown): Promise<T> {
      if (state.status !== "online") return Promise.reject(new GatewayNotConnectedError(method, state.status));
      return new Promise<T>((resolve, reject) => calls.push({ method, params: params as Record<string, unknown>, resolve: resolve as (value: unknown) => void, reject }));
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function userRow(runId: string, text: string) {
  return { role: "user", content: text, idempotencyKey: `${runId}:user`, __openclaw: { id: `m-${runId}` } };
}

let store: OutboxStore;
let connection: ReturnType<typeof fakeConnection>;
let stop: () => void;
const dispatched: string[] = [];

beforeEach(() => {
  store = createOutboxStore();
  connection = fakeConnection();
  dispatched.length = 0;
  stop = new OutboxSender({ connection, store, onDispatch: (entry) => dispatched.push(entry.runId), retryDelayMs: 1_000 }).start();
});

afterEach(() => {
  stop();
  vi.useRealTimers();
});

const queue = (runId: string, text = `message ${runId}`, createdAt = Number(runId.replace(/\D/g, "")) || 1) =>
  store.getState().messageQueued({ runId, sessionKey: "s1", text, createdAt });
const entry = (runId: string) => outboxEntries(store).find((item) => item.runId === runId);

describe("OutboxSender", () => {
  it("holds a message written while the gateway is away and sends it once it is back, with its own idempotency key", async () => {
    queue("r1", "deploy the site");
    await settle();
    expect(connection.calls).toHaveLength(0);
    expect(entry("r1")?.status).toBe("waiting");

    connection.setOnline(true);
    await settle();
    expect(connection.sends()).toHaveLength(1);
    expect(connection.sends()[0]?.params).toEqual({ sessionKey: "s1", message: "deploy the site", idempotencyKey: "r1", deliver: false });
    expect(entry("r1")?.status).toBe("sending");
    expect(dispatched).toEqual(["r1"]);

    connection.sends()[0]?.resolve({ runId: "r1", status: "started" });
    await settle();
    expect(entry("r1")?.status).toBe("sent");
  });

  it("sends a message's attachments with it as chat.send attachments, base64 with type and name", async () => {
    const dot = { kind: "image" as const, fileName: "dot.png", mimeType: "image/png", sizeBytes: 70, content: "iVBORw0KGgo=" };
    store.getState().messageQueued({ runId: "r1", sessionKey: "s1", text: "look", createdAt: 1, attachments: [dot] });
    connection.setOnline(true);
    await settle();
    expect(connection.sends()[0]?.params).toEqual({
      sessionKey: "s1",
      message: "look",
      idempotencyKey: "r1",
      deliver: false,
      attachments: [{ type: "image", mimeType: "image/png", fileName: "dot.png", content: "iVBORw0KGgo=" }],
    });
  });

  it("sends a session's messages oldest first, one at a time", async () => {
    queue("r2", "second", 2);
    queue("r1", "first", 1);
    connection.setOnline(true);
    await settle();
    expect(connection.sends().map((call) => call.params.idempotencyKey)).toEqual(["r1"]);
    connection.sends()[0]?.resolve({});
    await settle();
    expect(connection.sends().map((call) => call.params.idempotencyKey)).toEqual(["r1", "r2"]);
  });

  it("does not send again a message whose acknowledgement was lost but which history already holds", async () => {
    connection.setOnline(true);
    queue("r1");
    await settle();
    connection.sends()[0]?.reject(new GatewayProtocolRequestTimeoutError({ method: "chat.send", timeoutMs: 20_000, requestSent: true }));
    connection.setOnline(false);
    await settle();
    expect(entry("r1")).toMatchObject({ status: "waiting", attempts: 1 });

    connection.setOnline(true);
    await settle();
    const lookup = connection.calls.at(-1);
    expect(lookup?.method).toBe("chat.history");
    lookup?.resolve({ messages: [userRow("r1", "message r1")] });
    await settle();
    expect(connection.sends()).toHaveLength(1);
    expect(entry("r1")).toBeUndefined();
  });

  it("sends again, with the same key, a message the gateway does not have", async () => {
    connection.setOnline(true);
    queue("r1");
    await settle();
    connection.setOnline(false);
    connection.sends()[0]?.reject(new Error("socket closed (1012)"));
    await settle();
    connection.setOnline(true);
    await settle();
    connection.calls.at(-1)?.resolve({ messages: [] });
    await settle();
    expect(connection.sends().map((call) => call.params.idempotencyKey)).toEqual(["r1", "r1"]);
  });

  it("waits rather than sending blind when history cannot be read", async () => {
    vi.useFakeTimers();
    store.getState().outboxRestored([{ runId: "r1", sessionKey: "s1", text: "t", createdAt: 1, status: "sending", attempts: 1 }]);
    connection.setOnline(true);
    await vi.advanceTimersByTimeAsync(0);
    connection.calls.at(-1)?.reject(new GatewayProtocolRequestError({ code: "UNAVAILABLE", message: "busy", retryable: true }));
    await vi.advanceTimersByTimeAsync(0);
    expect(connection.sends()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(connection.calls.at(-1)?.method).toBe("chat.history");
  });

  it("shows a refusal a resend cannot fix, and sends again only when asked", async () => {
    connection.setOnline(true);
    queue("r1");
    await settle();
    connection.sends()[0]?.reject(new GatewayProtocolRequestError({ code: "INVALID_REQUEST", message: "message too long", retryable: false }));
    await settle();
    expect(entry("r1")).toMatchObject({ status: "failed", error: "message too long" });
    expect(connection.sends()).toHaveLength(1);

    store.getState().resendRequested("s1", "r1");
    await settle();
    expect(connection.sends().map((call) => call.params.idempotencyKey)).toEqual(["r1", "r1"]);
  });

  it("retries a temporary refusal after the delay the gateway asks for, not at once", async () => {
    vi.useFakeTimers();
    connection.setOnline(true);
    queue("r1");
    await vi.advanceTimersByTimeAsync(0);
    connection.sends()[0]?.reject(new GatewayProtocolRequestError({ code: "UNAVAILABLE", message: "draining", retryable: true, retryAfterMs: 5_000 }));
    await vi.advanceTimersByTimeAsync(0);
    queue("r2");
    await vi.advanceTimersByTimeAsync(4_000);
    expect(connection.sends()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    // The first try may have arrived: history is asked first.
    expect(connection.calls.at(-1)?.method).toBe("chat.history");
  });

  it("never sends again a message an earlier page saw acknowledged, even when history is too long to show it", async () => {
    store.getState().outboxRestored([{ runId: "acked", sessionKey: "s1", text: "deploy prod", createdAt: 1, status: "sent", attempts: 1 }]);
    connection.setOnline(true);
    await settle();
    expect(connection.calls).toHaveLength(0);
    expect(entry("acked")).toBeUndefined();
  });

  it("drops a restored message another tab has since sent or canceled", async () => {
    stop();
    const stored = new Set<string>(["kept"]);
    stop = new OutboxSender({ connection, store, isStillStored: async (runId) => stored.has(runId) }).start();
    store.getState().outboxRestored([
      { runId: "gone", sessionKey: "s1", text: "canceled in the other tab", createdAt: 1, status: "waiting", attempts: 0 },
      { runId: "kept", sessionKey: "s1", text: "still wanted", createdAt: 2, status: "waiting", attempts: 0 },
    ]);
    connection.setOnline(true);
    await settle();
    // Restored entries are looked up in history first.
    expect(connection.calls[0]?.method).toBe("chat.history");
    connection.calls[0]?.resolve({ messages: [] });
    await settle();
    await settle();
    expect(connection.sends().map((call) => call.params.idempotencyKey)).toEqual(["kept"]);
    expect(entry("gone")).toBeUndefined();
  });

  it("tells the chat when history turned out to hold a message it still showed as pending", async () => {
    stop();
    const delivered: string[] = [];
    stop = new OutboxSender({ connection, store, onDelivered: (sessionKey) => delivered.push(sessionKey) }).start();
    store.getState().outboxRestored([{ runId: "r1", sessionKey: "s1", text: "t", createdAt: 1, status: "waiting", attempts: 1 }]);
    connection.setOnline(true);
    await settle();
    connection.calls[0]?.resolve({ messages: [userRow("r1", "t")] });
    await settle();
    expect(delivered).toEqual(["s1"]);
    expect(connection.sends()).toHaveLength(0);
  });

  it("never sends a message canceled while it waited", async () => {
    queue("r1");
    store.getState().messageCanceled("s1", "r1");
    connection.setOnline(true);
    await settle();
    expect(connection.sends()).toHaveLength(0);
    expect(entry("r1")).toBeUndefined();
  });

  it("cannot cancel a message already on the wire", async () => {
    connection.setOnline(true);
    queue("r1");
    await settle();
    store.getState().messageCanceled("s1", "r1");
    expect(entry("r1")?.status).toBe("sending");
  });
});
