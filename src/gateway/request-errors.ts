/**
 * Tells the gateway's own answers apart from local failures. Only a refusal
 * that came back from the gateway says anything certain about a request; a
 * timeout or a closed socket leaves it unknown whether it arrived.
 */
import { GatewayProtocolRequestError, GatewayProtocolRequestTimeoutError } from "@openclaw/gateway-client/browser";

export interface GatewayRefusal {
  code: string;
  message: string;
  retryable: boolean;
  retryAfterMs?: number;
  details?: unknown;
}

export function gatewayRefusalOf(error: unknown): GatewayRefusal | null {
  if (!(error instanceof GatewayProtocolRequestError) || error instanceof GatewayProtocolRequestTimeoutError) return null;
  return { code: error.gatewayCode || error.code, message: error.message, retryable: error.retryable, retryAfterMs: error.retryAfterMs, details: error.details };
}

/** Its message is read by users in banners, so it says what is wrong in words; the method and status stay on the error for diagnostics. */
export class GatewayNotConnectedError extends Error {
  constructor(
    readonly method: string,
    readonly status: string,
  ) {
    super("not connected to the gateway right now");
    this.name = "GatewayNotConnectedError";
  }
}
