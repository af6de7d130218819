/**
 * How long to wait before the next connection attempt: exponential backoff
 * with equal jitter (a uniform wait between half the step's ceiling and the
 * ceiling), capped at 15 s like OpenClaw's Control UI. A gateway that stays
 * down sees one attempt per ~11 s once the cap is reached, many tabs spread
 * over 7.5 s instead of coming back in lockstep, and a gateway that is back
 * waits at most 15 s for the page (full jitter to 30 s left it up to 30 s, and
 * the reply it resumed could end unseen). Kept apart from the connection so it
 * can be tested with a fixed random source.
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
  /** The shortest wait any draw may give, however small the step. */
  minMs: number;
}

/** 1, 2, 4, 8, then 15 s ceilings (the Control UI backs off from 800 ms to 15 s). */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1_000, multiplier: 2, maxMs: 15_000, minMs: 500 };

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

/** A uniform draw between half the ceiling of this retry (or the floor, if higher) and the ceiling. */
export function backoffDelay(retry: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = backoffCeiling(retry, policy);
  const floor = Math.min(ceiling, Math.max(policy.minMs, ceiling / 2));
  return Math.round(floor + random() * (ceiling - floor));
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
