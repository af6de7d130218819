/**
 * Handshake failures, classified from the gateway's structured error codes into
 * what the user needs: a cause in plain words, the next step, and whether
 * retrying by itself could ever help.
 */
import {
  ConnectErrorDetailCodes,
  readConnectErrorDetailCode,
  readPairingConnectErrorDetails,
} from "@openclaw/gateway-protocol/connect-error-details";
import { formatClockTime } from "@/lib/clock-time";
import { GATEWAY_STARTUP_UNAVAILABLE_REASON } from "@openclaw/gateway-protocol/startup-unavailable";
import { GATEWAY_RESTART_UNAVAILABLE_REASON } from "@openclaw/gateway-protocol/restart-unavailable";

export type ConnectFailureKind =
  | "token-missing"
  | "token-mismatch"
  | "device-token-mismatch"
  | "rate-limited"
  | "origin-not-allowed"
  | "pairing-required"
  | "protocol-mismatch"
  | "device-identity"
  | "gateway-starting"
  | "gateway-restarting"
  | "unreachable"
  | "rejected";

export interface ConnectFailure {
  kind: ConnectFailureKind;
  title: string;
  /** The gateway's own message, kept verbatim for the details view. */
  message: string;
  nextStep: string;
  /** A shell command that fixes it, when there is one (pairing approval). */
  command?: string;
  /** Terminal failures stop the reconnect loop until the user acts. */
  terminal: boolean;
  retryAfterMs?: number;
  detailCode?: string;
}

export interface GatewayErrorLike {
  code?: string;
  message?: string;
  details?: unknown;
  retryable?: boolean;
  retryAfterMs?: number;
}

function readDetailsReason(details: unknown): string | undefined {
  if (details && typeof details === "object" && "reason" in details) {
    const reason = (details as { reason?: unknown }).reason;
    return typeof reason === "string" ? reason : undefined;
  }
  return undefined;
}

export function classifyConnectFailure(error: GatewayErrorLike): ConnectFailure {
  const message = error.message?.trim() || "the gateway rejected the connection";
  const detailCode = readConnectErrorDetailCode(error.details) ?? undefined;
  const retryAfterMs = typeof error.retryAfterMs === "number" ? error.retryAfterMs : undefined;
  const base = { message, detailCode, retryAfterMs };

  if (error.code === "UNAVAILABLE") {
    const reason = readDetailsReason(error.details);
    if (reason === GATEWAY_STARTUP_UNAVAILABLE_REASON) {
      return {
        ...base,
        kind: "gateway-starting",
        title: "Gateway is starting",
        nextStep: "Waiting for it to finish starting; this reconnects by itself.",
        terminal: false,
      };
    }
    if (reason === GATEWAY_RESTART_UNAVAILABLE_REASON || reason === "gateway-suspending") {
      return {
        ...base,
        kind: "gateway-restarting",
        title: "Gateway is restarting",
        nextStep: "Waiting for it to come back; this reconnects by itself.",
        terminal: false,
      };
    }
  }

  switch (detailCode) {
    case ConnectErrorDetailCodes.AUTH_TOKEN_MISSING:
      return {
        ...base,
        kind: "token-missing",
        title: "Gateway token missing",
        nextStep:
          "Paste the gateway token in the connection form. On the gateway host, `openclaw gateway auth-token --show` prints it.",
        terminal: true,
      };
    case ConnectErrorDetailCodes.AUTH_TOKEN_MISMATCH:
    case ConnectErrorDetailCodes.AUTH_PASSWORD_MISMATCH:
    case ConnectErrorDetailCodes.AUTH_PASSWORD_MISSING:
    case ConnectErrorDetailCodes.AUTH_UNAUTHORIZED:
      return {
        ...base,
        kind: "token-mismatch",
        title: "Wrong gateway token",
        nextStep:
          "Check the token in the connection form and connect again. On the gateway host, `openclaw gateway auth-token --show` prints the right one.",
        terminal: true,
      };
    case ConnectErrorDetailCodes.AUTH_DEVICE_TOKEN_MISMATCH:
    case ConnectErrorDetailCodes.AUTH_SCOPE_MISMATCH:
      return {
        ...base,
        kind: "device-token-mismatch",
        title: "This browser's device token was rejected",
        nextStep: "Forget this browser's device token (connection form) and connect again with the gateway token.",
        terminal: true,
      };
    case ConnectErrorDetailCodes.AUTH_RATE_LIMITED:
      return {
        ...base,
        kind: "rate-limited",
        title: "Too many failed logins",
        nextStep:
          retryAfterMs !== undefined
            ? `The gateway locked this page's origin out. Try again after ${formatClockTime(Date.now() + retryAfterMs)}.`
            : "The gateway locked this page's origin out for a few minutes. Wait, then connect again.",
        terminal: true,
      };
    case ConnectErrorDetailCodes.CONTROL_UI_ORIGIN_NOT_ALLOWED:
      return {
        ...base,
        kind: "origin-not-allowed",
        title: "This page's origin is not allowed",
        nextStep: `Add ${currentOrigin()} to gateway.controlUi.allowedOrigins in the gateway config, or open Clawscope from the gateway host.`,
        terminal: true,
      };
    case ConnectErrorDetailCodes.PAIRING_REQUIRED: {
      const pairing = readPairingConnectErrorDetails(error.details);
      const requestId = pairing?.requestId;
      const waits = pairing?.pauseReconnect === false || pairing?.recommendedNextStep === "wait_then_retry";
      return {
        ...base,
        kind: "pairing-required",
        title: "This browser needs to be paired",
        nextStep: requestId
          ? "Approve this browser on the gateway host, then connect again."
          : "List pending devices on the gateway host with `openclaw devices list`, approve this one, then connect again.",
        command: requestId ? `openclaw devices approve ${requestId}` : "openclaw devices list",
        terminal: !waits,
      };
    }
    case ConnectErrorDetailCodes.PROTOCOL_MISMATCH:
      return {
        ...base,
        kind: "protocol-mismatch",
        title: "Gateway protocol mismatch",
        nextStep: "This Clawscope speaks gateway protocol 4. Update the gateway (or Clawscope) so both speak the same version.",
        terminal: true,
      };
    case ConnectErrorDetailCodes.CONTROL_UI_DEVICE_IDENTITY_REQUIRED:
    case ConnectErrorDetailCodes.DEVICE_IDENTITY_REQUIRED:
    case ConnectErrorDetailCodes.DEVICE_AUTH_INVALID:
    case ConnectErrorDetailCodes.DEVICE_AUTH_DEVICE_ID_MISMATCH:
    case ConnectErrorDetailCodes.DEVICE_AUTH_SIGNATURE_EXPIRED:
    case ConnectErrorDetailCodes.DEVICE_AUTH_NONCE_REQUIRED:
    case ConnectErrorDetailCodes.DEVICE_AUTH_NONCE_MISMATCH:
    case ConnectErrorDetailCodes.DEVICE_AUTH_SIGNATURE_INVALID:
    case ConnectErrorDetailCodes.DEVICE_AUTH_PUBLIC_KEY_INVALID:
      return {
        ...base,
        kind: "device-identity",
        title: "Device identity rejected",
        nextStep:
          detailCode === ConnectErrorDetailCodes.DEVICE_AUTH_SIGNATURE_EXPIRED
            ? "This computer's clock differs from the gateway's by more than two minutes. Fix the clock, then connect again."
            : "Open Clawscope over https or from localhost so the browser can sign in with a device key, then connect again.",
        terminal: true,
      };
    default:
      return {
        ...base,
        kind: "rejected",
        title: "Gateway refused the connection",
        nextStep: "Read the gateway's message below, fix the cause, then connect again.",
        terminal: error.retryable !== true,
      };
  }
}

export function unreachableFailure(url: string, cause?: string): ConnectFailure {
  return {
    kind: "unreachable",
    title: "Gateway unreachable",
    message: cause ?? `no answer from ${url}`,
    nextStep: `Check that the gateway is running and listening at ${url}. Clawscope keeps trying.`,
    terminal: false,
  };
}

function currentOrigin(): string {
  return typeof location === "undefined" ? "this page's origin" : location.origin;
}


