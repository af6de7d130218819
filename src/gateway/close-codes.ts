/**
 * What a WebSocket close means for the connection: the words a user reads and
 * whether (and how soon) reconnecting makes sense. Codes are the ones the real
 * gateway uses (PROTOCOL.md §6.1) plus 4000, which this client uses for its own
 * silence watchdog.
 */

export type CloseKind =
  /** The gateway is restarting (1012): expected, not an error. */
  | "restart"
  /** The gateway is up but not accepting yet (1013): wait the advised delay. */
  | "starting"
  /** Network trouble or a dead socket: reconnect with backoff. */
  | "transient"
  /** A policy or protocol refusal that repeating will not fix. */
  | "terminal"
  /** We closed it ourselves. */
  | "client";

export interface CloseClassification {
  kind: CloseKind;
  words: string;
}

export const CLIENT_SILENCE_CLOSE_CODE = 4000;
/** This client reconnects to ask for other scopes (operator.admin for one admin action). */
export const CLIENT_RESCOPE_CLOSE_CODE = 4002;
export const GATEWAY_AUTH_CHANGED_CLOSE_CODE = 4001;

const CLOSE_WORDS: Record<number, string> = {
  1000: "closed normally",
  1001: "gateway going away",
  1002: "protocol error",
  1005: "closed without a status",
  1006: "connection lost (no close frame)",
  1008: "refused by gateway policy",
  1009: "message too big",
  1011: "gateway internal error",
  1012: "gateway restarting",
  1013: "gateway starting, try again later",
  4000: "connection went silent",
  4001: "gateway auth changed",
  4002: "reconnecting with other scopes",
  4008: "refused by gateway policy",
};

/** Where the code's words mean little to most readers: what the close means, in plain words. */
const CLOSE_MEANINGS: Record<number, string> = {
  1006: "closed without notice (1006): the gateway process stopped or the network dropped",
};

/** A close as the connection status tells it: its plain meaning where the code needs one, else its words. */
export function explainClose(close: { code: number; words: string }): string {
  return CLOSE_MEANINGS[close.code] ?? close.words;
}

export function describeClose(code: number, reason?: string): string {
  const words = CLOSE_WORDS[code] ?? "connection closed";
  const detail = reason?.trim();
  return detail && detail.toLowerCase() !== words ? `${code} ${words}: ${detail}` : `${code} ${words}`;
}

export function classifyClose(code: number, reason = ""): CloseClassification {
  const words = describeClose(code, reason);
  switch (code) {
    case 1012:
      return { kind: "restart", words };
    case 1013:
      return { kind: "starting", words };
    case 1002:
    case 1008:
    case 4008:
    case 1009:
      return { kind: "terminal", words };
    case GATEWAY_AUTH_CHANGED_CLOSE_CODE:
      // The shared secret rotated: the stored token is stale until the user enters the new one.
      return { kind: "terminal", words };
    case 1011:
      // "gateway install changed; run: openclaw gateway restart" needs a human; other 1011s are passing faults.
      return { kind: /install changed/i.test(reason) ? "terminal" : "transient", words };
    default:
      return { kind: "transient", words };
  }
}
