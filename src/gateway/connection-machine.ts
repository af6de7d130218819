/**
 * The connection's life as an explicit state machine: a `status` union and a
 * state × event transition function with no side effects. The GatewayConnection
 * class feeds it events and performs what the new state implies.
 */
import type { CloseKind } from "./close-codes";
import type { ConnectFailure } from "./connect-failure";
import { bootChanged, type ServerSummary } from "./hello";

export interface CloseRecord {
  code: number;
  reason: string;
  words: string;
  at: number;
}

/**
 * `attempt` in every reconnecting state counts the connection attempts made
 * since the connection was lost (or since the first start): 0 right after a
 * drop, one more for each socket opened, whatever the status shows meanwhile.
 * `nextRetryAt` is when the next one is due; absent while one is under way.
 */
export type ConnectionState =
  | { status: "idle" }
  | { status: "connecting"; attempt: number; since: number; lastClose?: CloseRecord }
  | { status: "handshaking"; attempt: number; since: number; lastClose?: CloseRecord }
  | { status: "online"; since: number; server: ServerSummary; restartedSinceLastOnline: boolean }
  /** The gateway said it is shutting down (event `shutdown` or close 1012): expected, not an error. */
  | { status: "restarting"; since: number; reason: string; attempt: number; nextRetryAt?: number; lastClose?: CloseRecord }
  /** The gateway answers but is not ready yet (1013 / UNAVAILABLE): waiting quietly. */
  | { status: "waiting-for-gateway"; since: number; attempt: number; nextRetryAt?: number; lastClose?: CloseRecord; failure?: ConnectFailure }
  | { status: "backing-off"; since: number; attempt: number; nextRetryAt: number; lastClose: CloseRecord; failure?: ConnectFailure }
  /** The browser reports no network: retries wait for it to come back. */
  | { status: "offline"; since: number; lastClose?: CloseRecord }
  /** Retrying cannot help; the user must act (wrong token, origin, pairing, protocol). */
  | { status: "failed"; since: number; failure: ConnectFailure; lastClose?: CloseRecord };

export type ConnectionStatus = ConnectionState["status"];

export type ConnectionEvent =
  | { type: "attempt-started"; at: number }
  | { type: "socket-opened"; at: number }
  | { type: "hello"; at: number; server: ServerSummary; previousBootId?: string }
  | { type: "shutdown-announced"; at: number; reason: string }
  | {
      type: "closed";
      at: number;
      close: CloseRecord;
      kind: CloseKind;
      retryInMs: number | null;
      failure?: ConnectFailure;
      /** The browser has no network: retrying waits for it instead of counting down. */
      browserOffline?: boolean;
    }
  | { type: "browser-offline"; at: number }
  | { type: "browser-online"; at: number }
  | { type: "stopped" };

function attemptOf(state: ConnectionState): number {
  return "attempt" in state ? state.attempt : 0;
}

function lastCloseOf(state: ConnectionState): CloseRecord | undefined {
  return "lastClose" in state ? state.lastClose : undefined;
}

export function transition(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case "stopped":
      return { status: "idle" };

    case "attempt-started":
      if (state.status === "failed" || state.status === "offline") return state;
      // A restart or a starting gateway keeps its words while the next attempt runs; the attempt still counts.
      if (state.status === "restarting" || state.status === "waiting-for-gateway") return { ...state, attempt: state.attempt + 1, nextRetryAt: undefined };
      return { status: "connecting", attempt: attemptOf(state) + 1, since: event.at, lastClose: lastCloseOf(state) };

    case "socket-opened":
      if (state.status === "connecting") return { ...state, status: "handshaking", since: event.at };
      return state;

    case "hello":
      return {
        status: "online",
        since: event.at,
        server: event.server,
        restartedSinceLastOnline: bootChanged(event.previousBootId, event.server.bootId),
      };

    case "shutdown-announced":
      if (state.status === "online" || state.status === "handshaking" || state.status === "connecting") {
        return { status: "restarting", since: event.at, reason: event.reason, attempt: 0 };
      }
      return state;

    case "closed": {
      const failure = event.failure;
      if (state.status === "idle") return state;
      if (state.status === "offline") return { ...state, lastClose: event.close };
      if (event.browserOffline && !failure?.terminal) return { status: "offline", since: event.at, lastClose: event.close };
      if (event.retryInMs === null) {
        if (failure) return { status: "failed", since: event.at, failure, lastClose: event.close };
        return {
          status: "failed",
          since: event.at,
          lastClose: event.close,
          failure: {
            kind: "rejected",
            title: "Connection closed by the gateway",
            message: event.close.words,
            nextStep: "Fix the cause shown, then connect again.",
            terminal: true,
          },
        };
      }
      const attempt = attemptOf(state);
      const nextRetryAt = event.at + event.retryInMs;
      if (event.kind === "restart" || state.status === "restarting") {
        const since = state.status === "restarting" ? state.since : event.at;
        const reason = state.status === "restarting" ? state.reason : event.close.words;
        // A restarting gateway that refuses with 1013 is still restarting from the user's point of view.
        return { status: "restarting", since, reason, attempt, nextRetryAt, lastClose: event.close };
      }
      if (event.kind === "starting" || failure?.kind === "gateway-starting" || failure?.kind === "gateway-restarting") {
        const since = state.status === "waiting-for-gateway" ? state.since : event.at;
        return { status: "waiting-for-gateway", since, attempt, nextRetryAt, lastClose: event.close, failure };
      }
      return { status: "backing-off", since: event.at, attempt, nextRetryAt, lastClose: event.close, failure };
    }

    case "browser-offline":
      if (state.status === "online" || state.status === "failed" || state.status === "idle") return state;
      return { status: "offline", since: event.at, lastClose: lastCloseOf(state) };

    case "browser-online":
      if (state.status !== "offline") return state;
      return { status: "connecting", attempt: 0, since: event.at, lastClose: state.lastClose };
  }
}

/** True while no socket is usable but the client is working on getting one. */
export function isReconnecting(state: ConnectionState): boolean {
  return (
    state.status === "connecting" ||
    state.status === "handshaking" ||
    state.status === "restarting" ||
    state.status === "waiting-for-gateway" ||
    state.status === "backing-off"
  );
}

/** Waiting for the next attempt, or for the user: not while a socket is being tried or is up. */
export function isBetweenAttempts(state: ConnectionState): boolean {
  switch (state.status) {
    case "backing-off":
    case "failed":
    case "offline":
      return true;
    case "restarting":
    case "waiting-for-gateway":
      return state.nextRetryAt !== undefined;
    default:
      return false;
  }
}
