import { GatewayProtocolRequestError } from "@openclaw/gateway-client/browser";
import { describe, expect, it } from "vitest";
import { connectErrorFrom } from "@/testing/capture-frames";
import { connectRejection, errorShapeOf, resolveClose, type CloseCircumstances, type CloseContext } from "./close-resolution";
import type { ConnectionState } from "./connection-machine";
import { summarizeHello } from "./hello";

const URL = "ws://127.0.0.1:19789";
const wrongToken = new GatewayProtocolRequestError(connectErrorFrom("wrong-token.jsonl").error as object);
const starting = new GatewayProtocolRequestError(connectErrorFrom("startup-connect-retries.jsonl").error as object);

const connecting: ConnectionState = { status: "connecting", attempt: 1, since: 0 };
const online: ConnectionState = { status: "online", since: 0, server: summarizeHello({ protocol: 4, server: { version: "2026.9.6" } }), restartedSinceLastOnline: false };
const restarting: ConnectionState = { status: "restarting", since: 0, reason: "gateway stopping", attempt: 0 };

const afterHello = { socketOpened: true, connectRequestSent: true, helloReceived: true };
const rejected = { code: 4008, reason: "connect rejected", socketOpened: true, connectRequestSent: true, helloReceived: false };

function resolve(context: CloseContext, state: ConnectionState, more: Partial<CloseCircumstances> = {}) {
  return resolveClose(context, { url: URL, state, at: 1_000, browserOffline: false, tabHidden: false, random: () => 0.5, ...more });
}

describe("resolveClose: a refused or unfinished handshake", () => {
  it("a wrong token is terminal: says why and does not retry", () => {
    const resolution = resolve({ ...rejected, connectFailure: { error: wrongToken } }, connecting);
    expect(resolution).toMatchObject({
      close: { code: 4008, reason: "connect rejected", words: "4008 refused by gateway policy: connect rejected", at: 1_000 },
      kind: "terminal",
      failure: { kind: "token-mismatch", title: "Wrong gateway token", terminal: true },
      retryInMs: null,
    });
  });

  it("a gateway still starting is waited for as long as it advises", () => {
    const resolution = resolve({ ...rejected, code: 1013, reason: "gateway starting", connectFailure: { error: starting } }, connecting);
    expect(resolution).toMatchObject({ kind: "starting", failure: { kind: "gateway-starting", retryAfterMs: 500 }, retryInMs: 500 });
  });

  it("no device identity before the connect request is terminal, with the way out", () => {
    const error = new Error("WebCrypto Ed25519 is not available in this browser");
    const resolution = resolve({ code: 4008, reason: "device identity unavailable", socketOpened: true, connectRequestSent: false, helloReceived: false, connectFailure: { error } }, connecting);
    expect(resolution).toEqual({
      close: { code: 4008, reason: "device identity unavailable", words: "4008 refused by gateway policy: device identity unavailable", at: 1_000 },
      kind: "terminal",
      failure: {
        kind: "device-identity",
        title: "No device identity",
        message: "WebCrypto Ed25519 is not available in this browser",
        nextStep: "Open Clawscope over https or from localhost/127.0.0.1, then connect again.",
        terminal: true,
      },
      retryInMs: null,
    });
  });

  it("a socket that never opened is an unreachable gateway, retried with backoff", () => {
    const resolution = resolve({ code: 1006, reason: "", socketOpened: false, connectRequestSent: false, helloReceived: false }, connecting);
    expect(resolution).toMatchObject({ kind: "transient", failure: { kind: "unreachable", message: `no answer from ${URL}` }, retryInMs: 1_500 });
  });

  it("an open socket that never completed the handshake is not a gateway either", () => {
    const resolution = resolve({ code: 4000, reason: "tick timeout", socketOpened: true, connectRequestSent: true, helloReceived: false }, connecting);
    expect(resolution).toMatchObject({
      kind: "transient",
      failure: { kind: "unreachable", message: "the gateway accepted the connection but did not complete the handshake" },
    });
  });

  it("our own 'connect rejected' close without the error is still terminal", () => {
    expect(resolve(rejected, connecting)).toMatchObject({ kind: "terminal", retryInMs: null });
    expect(resolve(rejected, connecting).failure).toBeUndefined();
  });
});

describe("resolveClose: a connection that was online", () => {
  it("1012 is a restart: the first retry waits for the gateway to come back", () => {
    expect(resolve({ code: 1012, reason: "service restart", ...afterHello }, online)).toEqual({
      close: { code: 1012, reason: "service restart", words: "1012 gateway restarting: service restart", at: 1_000 },
      kind: "restart",
      retryInMs: 2_000,
    });
  });

  it("after a shutdown announcement any close is part of the restart, except 'not ready yet'", () => {
    expect(resolve({ code: 1006, reason: "", ...afterHello }, restarting)).toMatchObject({ kind: "restart", retryInMs: 2_000 });
    expect(resolve({ code: 1013, reason: "", ...afterHello }, restarting)).toMatchObject({ kind: "starting", retryInMs: 1_000 });
  });

  it("does not count down while the browser is offline, and backs off further in a hidden tab", () => {
    expect(resolve({ code: 1006, reason: "", ...afterHello }, online, { browserOffline: true })).toMatchObject({ kind: "transient", retryInMs: null });
    expect(resolve({ code: 1006, reason: "", ...afterHello }, online, { tabHidden: true })).toMatchObject({ kind: "transient", retryInMs: 10_000 });
    expect(resolve({ code: 1006, reason: "", ...afterHello }, online)).toMatchObject({ kind: "transient", retryInMs: 750 });
  });
});

describe("connectRejection", () => {
  it("closes a refused connect and stops retrying only when the user must act", () => {
    expect(connectRejection(wrongToken)).toEqual({ closeCode: 4008, closeReason: "connect rejected", stop: true });
    expect(connectRejection(starting)).toEqual({ closeCode: 4008, closeReason: "connect rejected", stop: false });
  });

  it("reads a request error's gateway fields, and only the message of anything else", () => {
    expect(errorShapeOf(starting)).toEqual({
      code: "UNAVAILABLE",
      message: "gateway starting; retry shortly",
      details: { reason: "startup-sidecars" },
      retryable: true,
      retryAfterMs: 500,
    });
    expect(errorShapeOf(new Error("socket closed"))).toEqual({ message: "socket closed" });
  });
});
