/**
 * How long to wait before the next connection attempt. Kept apart from the
 * transport (as tldraw separates its ReconnectManager from the socket adapter)
 * so it can be tested with a fixed random source.
 */
import type { CloseKind } from "./close-codes";

export interface BackoffPolicy {
  initialMs: number;
  multiplier: number;
  maxMs: number;
  /** Share of the delay that is randomised, so many tabs do not reconnect in lockstep. */
  jitter: number;
}

/** Close to the Control UI's own ladder (800 ms × 1.7, capped at 15 s). */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 800, multiplier: 1.7, maxMs: 15_000, jitter: 0.25 };

/** A restarting gateway needs a few seconds before it accepts again; asking sooner only earns 1013s. */
export const RESTART_FIRST_DELAY_MS = 2_000;
/** What to wait on 1013 when the gateway gave no retryAfterMs. */
export const STARTING_DEFAULT_DELAY_MS = 1_000;
/** Hidden tabs back off further: nobody is watching and the gateway should not be hammered. */
export const HIDDEN_TAB_MIN_DELAY_MS = 10_000;

export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const base = Math.min(policy.maxMs, policy.initialMs * policy.multiplier ** exponent);
  const spread = base * policy.jitter;
  return Math.round(Math.min(policy.maxMs, Math.max(0, base - spread + random() * 2 * spread)));
}

export interface ReconnectInput {
  kind: CloseKind;
  /** Consecutive failed attempts so far, starting at 1 for the first retry. */
  attempt: number;
  retryAfterMs?: number;
  hidden?: boolean;
}

/** Returns the delay before reconnecting, or null when reconnecting must wait for the user. */
export function reconnectDelay(input: ReconnectInput, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number | null {
  if (input.kind === "terminal" || input.kind === "client") return null;
  let delay: number;
  if (input.kind === "starting") {
    // Respect the gateway's advice, but never spin faster than the backoff floor on repeated refusals.
    const advised = input.retryAfterMs ?? STARTING_DEFAULT_DELAY_MS;
    delay = Math.max(advised, input.attempt > 5 ? backoffDelay(input.attempt - 5, policy, random) : 0);
  } else if (input.kind === "restart" && input.attempt <= 1) {
    delay = RESTART_FIRST_DELAY_MS;
  } else {
    delay = backoffDelay(input.attempt, policy, random);
  }
  return input.hidden ? Math.max(delay, HIDDEN_TAB_MIN_DELAY_MS) : delay;
}
