/**
 * What a closed socket means and what the connection does next, decided from
 * the close code and reason, how far the handshake got and the state the
 * connection was in: the kind of close, the failure to show, and the delay
 * before the next attempt (or none: wait for the user or the network).
 */
import { GatewayProtocolRequestError, type GatewayProtocolCloseContext } from "@openclaw/gateway-client/browser";
import { CLIENT_SILENCE_CLOSE_CODE, classifyClose, describeClose, type CloseKind } from "./close-codes";
import { classifyConnectFailure, unreachableFailure, type ConnectFailure, type GatewayErrorLike } from "./connect-failure";
import type { CloseRecord, ConnectionState } from "./connection-machine";
import { reconnectDelay } from "./reconnect-policy";

/** The protocol client's close facts, without its bookkeeping. */
export type CloseContext = Pick<GatewayProtocolCloseContext, "code" | "reason" | "socketOpened" | "helloReceived" | "connectRequestSent" | "connectFailure">;

export interface CloseCircumstances {
  url: string;
  state: ConnectionState;
  at: number;
  browserOffline: boolean;
  tabHidden: boolean;
  random?: () => number;
}

export interface CloseResolution {
  close: CloseRecord;
  kind: CloseKind;
  failure?: ConnectFailure;
  /** null: do not reconnect by itself. */
  retryInMs: number | null;
}

/** The close this client sends when the gateway refuses its connect request. */
const CONNECT_REJECTED = { closeCode: 4008, closeReason: "connect rejected" } as const;

/** A refused connect closes the socket; it stops the retries when only the user can fix the cause. */
export function connectRejection(error: unknown): { closeCode: number; closeReason: string; stop: boolean } {
  return { ...CONNECT_REJECTED, stop: classifyConnectFailure(errorShapeOf(error)).terminal };
}

/** A rejected connect request in the shape the failure classifier reads. */
export function errorShapeOf(error: unknown): GatewayErrorLike {
  if (error instanceof GatewayProtocolRequestError) {
    return {
      code: error.gatewayCode,
      message: error.message,
      details: error.details,
      retryable: error.retryable,
      retryAfterMs: error.retryAfterMs,
    };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

function kindOfFailure(failure: ConnectFailure): CloseKind {
  if (failure.terminal) return "terminal";
  if (failure.kind === "gateway-starting") return "starting";
  if (failure.kind === "gateway-restarting") return "restart";
  return "transient";
}

function judgeClose(context: CloseContext, url: string, state: ConnectionState): { kind: CloseKind; failure?: ConnectFailure } {
  const connectError = context.connectFailure?.error;
  if (connectError instanceof GatewayProtocolRequestError) {
    const failure = classifyConnectFailure(errorShapeOf(connectError));
    return { kind: kindOfFailure(failure), failure };
  }
  if (connectError && context.connectRequestSent === false && /device|identity|webcrypto/i.test(connectError.message)) {
    const failure: ConnectFailure = {
      kind: "device-identity",
      title: "No device identity",
      message: connectError.message,
      nextStep: "Open Clawscope over https or from localhost/127.0.0.1, then connect again.",
      terminal: true,
    };
    return { kind: "terminal", failure };
  }
  if (!context.socketOpened) return { kind: "transient", failure: unreachableFailure(url) };
  if (!context.helloReceived && (!context.connectRequestSent || context.code === CLIENT_SILENCE_CLOSE_CODE || context.code === 1000)) {
    // Open socket, no usable handshake: something answers on that port but does not complete the gateway handshake.
    return { kind: "transient", failure: unreachableFailure(url, "the gateway accepted the connection but did not complete the handshake") };
  }
  if (context.code === CONNECT_REJECTED.closeCode && context.reason === CONNECT_REJECTED.closeReason) return { kind: "terminal" };
  // A gateway that announced its shutdown is still restarting whatever the close says, unless it says "not ready yet".
  if (state.status === "restarting" && context.code !== 1013) return { kind: "restart" };
  return { kind: classifyClose(context.code, context.reason).kind };
}

export function resolveClose(context: CloseContext, circumstances: CloseCircumstances): CloseResolution {
  const { url, state, at, browserOffline, tabHidden, random } = circumstances;
  const close: CloseRecord = { code: context.code, reason: context.reason, words: describeClose(context.code, context.reason), at };
  const { kind, failure } = judgeClose(context, url, state);
  // `attempt` counts the attempts made since the connection was lost; this wait precedes the next one.
  const retry = ("attempt" in state ? state.attempt : 0) + 1;
  const retryInMs = browserOffline ? null : reconnectDelay({ kind, retry, retryAfterMs: failure?.retryAfterMs, hidden: tabHidden }, undefined, random);
  return { close, kind, ...(failure ? { failure } : {}), retryInMs };
}
