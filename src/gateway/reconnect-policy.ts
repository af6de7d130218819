/**
 * How long to wait before the next connection attempt: exponential backoff
 * with full jitter (AWS's "full jitter": a uniform wait between a small floor
 * and the step's ceiling), so a gateway that stays down sees one attempt per
 * ~15 s on average once the 30 s cap is reached, and many tabs do not come
 * back in lockstep. Kept apart from the connection so it can be tested with a
 * fixed random source.
 *
 * The protocol client's own supervisor (`@openclaw/gateway-client/browser`)
 * still owns the timer; it has a fixed-fraction jitter and knows nothing of
 * restarts, 1013 advice or hidden tabs, so every close hands it the delay
 * decided here (`reconnectDelayMs`).
 */
import type { CloseKind } from "./close-codes";

export interface BackoffPolicy {
  initialMs: number;
  multiplier: number;
  maxMs: number;
  /** The shortest wait full jitter may draw, so a run of small random numbers cannot turn into a retry storm. */
  minMs: number;
}

/** 1, 2, 4, 8, 16, then 30 s ceilings, like the protocol client's Node defaults (1 s × 2, capped at 30 s). */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1_000, multiplier: 2, maxMs: 30_000, minMs: 500 };

/** A restarting gateway needs a few seconds before it accepts again; asking sooner only earns 1013s. */
export const RESTART_FIRST_DELAY_MS = 2_000;
/** What to wait on 1013 when the gateway gave no retryAfterMs. */
export const STARTING_DEFAULT_DELAY_MS = 1_000;
/** A gateway that keeps answering "not ready yet" gets this many retries at its advised delay before the backoff applies. */
export const STARTING_ADVISED_RETRIES = 5;
/** Hidden tabs back off further: nobody is watching and the gateway should not be hammered. */
export const HIDDEN_TAB_MIN_DELAY_MS = 10_000;

/** The longest wait before retry number `retry` (1 = the first retry). */
export function backoffCeiling(retry: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  return Math.min(policy.maxMs, policy.initialMs * policy.multiplier ** Math.max(0, retry - 1));
}

/** A uniform draw between the floor and the ceiling of this retry. */
export function backoffDelay(retry: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = backoffCeiling(retry, policy);
  return Math.round(Math.min(ceiling, Math.max(policy.minMs, random() * ceiling)));
}

export interface ReconnectInput {
  kind: CloseKind;
  /** Which retry this wait precedes: 1 for the first one after the connection was lost. */
  retry: number;
  retryAfterMs?: number;
  hidden?: boolean;
}

/** Returns the delay before reconnecting, or null when reconnecting must wait for the user. */
export function reconnectDelay(input: ReconnectInput, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number | null {
  if (input.kind === "terminal" || input.kind === "client") return null;
  let delay: number;
  if (input.kind === "starting") {
    // Respect the gateway's advice, but a gateway that keeps refusing gets the backoff, never less than its advice.
    const advised = input.retryAfterMs ?? STARTING_DEFAULT_DELAY_MS;
    const beyond = input.retry - STARTING_ADVISED_RETRIES;
    delay = beyond > 0 ? Math.max(advised, backoffDelay(beyond, policy, random)) : advised;
  } else if (input.kind === "restart" && input.retry <= 1) {
    delay = RESTART_FIRST_DELAY_MS;
  } else {
    delay = backoffDelay(input.retry, policy, random);
  }
  return input.hidden ? Math.max(delay, HIDDEN_TAB_MIN_DELAY_MS) : delay;
}
