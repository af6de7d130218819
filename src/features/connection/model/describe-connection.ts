/**
 * The connection indicator's words for each state. Pure, so every state has a
 * tested sentence and none falls back to a bare spinner.
 */
import { explainClose } from "@/gateway/close-codes";
import type { ConnectionState } from "@/gateway/connection-machine";
import { capitalize } from "@/lib/display-text";

export type ConnectionTone = "ok" | "working" | "warn" | "error" | "idle";

export interface ConnectionDescription {
  tone: ConnectionTone;
  label: string;
  /**
   * What a phone's pill has room for, on two short lines: the state in a word or two and what happens next
   * ("Unreachable" / "retry in 3 s").
   */
  short: { state: string; next?: string };
  detail?: string;
  /** What a screen reader hears: the label and detail without a countdown, so the live region speaks on a change of state, not every second. */
  spoken: string;
}

function seconds(ms: number): string {
  return `${Math.max(1, Math.ceil(ms / 1000))} s`;
}

function attemptsSoFar(attempt: number): string | undefined {
  if (attempt <= 0) return undefined;
  return `${attempt} ${attempt === 1 ? "attempt" : "attempts"} so far`;
}

/** When the next attempt is due and how many were made, as the user can check them: no rounding the count away. */
export function retryWords(attempt: number, nextRetryAt: number | undefined, now: number): string {
  if (nextRetryAt === undefined || nextRetryAt <= now) return attempt > 0 ? `trying now (attempt ${attempt})` : "trying now";
  return [`next try in ${seconds(nextRetryAt - now)}`, attemptsSoFar(attempt)].filter(Boolean).join(" · ");
}

/** What the page is doing about a lost connection: "retrying: next try in 3 s · 2 attempts so far". */
function retryingWords(attempt: number, nextRetryAt: number | undefined, now: number): string {
  if (nextRetryAt === undefined || nextRetryAt <= now) return attempt > 0 ? `retrying now (attempt ${attempt})` : "retrying now";
  return `retrying: ${retryWords(attempt, nextRetryAt, now)}`;
}

/** "retry in 3 s", or "attempt 3…" while one is under way: the countdown without the count of attempts. */
function shortRetry(attempt: number, nextRetryAt: number | undefined, now: number): string {
  if (nextRetryAt === undefined || nextRetryAt <= now) return attempt > 0 ? `attempt ${attempt}…` : "trying now…";
  return `retry in ${seconds(nextRetryAt - now)}`;
}

export function describeConnection(state: ConnectionState, now: number): ConnectionDescription {
  const shown = describeShown(state, now);
  return { ...shown, spoken: spokenWords(state, shown) };
}

function spokenWords(state: ConnectionState, shown: Omit<ConnectionDescription, "spoken">): string {
  switch (state.status) {
    case "restarting":
    case "waiting-for-gateway":
      return `${shown.label}: retrying by itself`;
    case "backing-off":
      return `${shown.label}: ${explainClose(state.lastClose)}; retrying by itself`;
    default:
      return shown.detail ? `${shown.label}. ${shown.detail}` : shown.label;
  }
}

function describeShown(state: ConnectionState, now: number): Omit<ConnectionDescription, "spoken"> {
  switch (state.status) {
    case "idle":
      return { tone: "idle", label: "Not connected", short: { state: "Not connected" } };
    case "connecting":
      return {
        tone: "working",
        label: state.attempt > 1 ? `Connecting (attempt ${state.attempt})…` : "Connecting…",
        short: state.attempt > 1 ? { state: "Connecting", next: `attempt ${state.attempt}…` } : { state: "Connecting…" },
        detail: state.lastClose ? `Last close: ${explainClose(state.lastClose)}` : undefined,
      };
    case "handshaking":
      return { tone: "working", label: "Signing in…", short: { state: "Signing in…" } };
    case "online":
      return {
        tone: "ok",
        label: "Connected",
        short: { state: "Connected" },
        detail: `OpenClaw ${state.server.version}${state.restartedSinceLastOnline ? " · gateway restarted while away" : ""}`,
      };
    case "restarting":
      return {
        tone: "warn",
        label: "Gateway restarting",
        short: { state: "Restarting", next: shortRetry(state.attempt, state.nextRetryAt, now) },
        detail: capitalize(retryWords(state.attempt, state.nextRetryAt, now)),
      };
    case "waiting-for-gateway":
      return {
        tone: "warn",
        label: "Waiting for the gateway to start",
        short: { state: "Starting", next: shortRetry(state.attempt, state.nextRetryAt, now) },
        detail: capitalize(retryWords(state.attempt, state.nextRetryAt, now)),
      };
    case "backing-off": {
      const unreachable = state.failure?.kind === "unreachable";
      return {
        tone: "warn",
        label: unreachable ? "Gateway unreachable" : "Connection lost",
        short: { state: unreachable ? "Unreachable" : "Disconnected", next: shortRetry(state.attempt, state.nextRetryAt, now) },
        detail: `${capitalize(explainClose(state.lastClose))} · ${retryingWords(state.attempt, state.nextRetryAt, now)}`,
      };
    }
    case "offline":
      return { tone: "warn", label: "Offline", short: { state: "Offline", next: "no network" }, detail: "Waiting for the network to come back" };
    case "failed":
      return { tone: "error", label: `Not connected: ${state.failure.title}`, short: { state: "Not connected" }, detail: state.failure.nextStep };
  }
}
