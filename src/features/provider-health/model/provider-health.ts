/**
 * The health of the provider a session is about to send to, and whether
 * sending now would go into a known failure. Pure: the caller passes the
 * clock and everything it read from the gateway.
 */
import type { ModelChoice, ModelRef, ProviderAuth, ProviderFailure, ProviderSuccess, SessionsSnapshot } from "./provider-signals";

export type ProviderHealth =
  | { kind: "ready" }
  | { kind: "rate-limited-recently"; at: number; resetAt?: number; detail?: string }
  /** `at` is the failure that started it, when the gateway said which. */
  | { kind: "cooldown"; at?: number; until: number; detail?: string }
  | { kind: "auth-failing"; at?: number; detail?: string }
  | { kind: "unavailable"; reason: string }
  | { kind: "unknown" }
  /** Not connected to the gateway (since `since`, when this page saw it drop): nothing can be known now; `lastKnown` is what was known then. */
  | { kind: "not-known"; since?: number; lastKnown: ProviderHealth };

export interface HealthInputs {
  target: ModelRef | undefined;
  /** Undefined while `models.list` has not answered. */
  models: readonly ModelChoice[] | undefined;
  auth: readonly ProviderAuth[];
  failures: readonly ProviderFailure[];
  successes: readonly ProviderSuccess[];
  now: number;
}

/** How long a rate limit keeps the provider marked, whether or not it has reset. */
export const RATE_LIMIT_RECENT_MS = 10 * 60_000;
/** A rate limit with no known reset is treated as still in force this long. */
export const RATE_LIMIT_UNKNOWN_RESET_MS = 60_000;
/**
 * A cooldown read only from an error text ("Retry after about 1 minute")
 * without a number lasts at most the gateway's longest regular window.
 */
export const COOLDOWN_CAP_MS = 5 * 60_000;

/** The session's own model if the gateway resolved one, else the gateway's default. */
export function sessionTarget(snapshot: SessionsSnapshot | undefined, sessionKey: string): ModelRef | undefined {
  if (!snapshot) return undefined;
  const row = snapshot.rows.find((candidate) => candidate.key === sessionKey);
  if (row?.provider && row.model) return { provider: row.provider, model: row.model };
  return snapshot.defaults;
}

/**
 * A failure stops counting once another run on the same provider went through
 * after it. The run that failed and then succeeded on retry (a 429 that
 * recovered) does not clear its own failure: the provider did limit it.
 */
function clearedBy(failure: ProviderFailure, success: ProviderSuccess): boolean {
  if (success.provider !== failure.provider || success.endedAt <= failure.at) return false;
  if (failure.runId && success.runId) return failure.runId !== success.runId;
  return success.startedAt !== undefined && success.startedAt > failure.at;
}

function stillStanding(failure: ProviderFailure, successes: readonly ProviderSuccess[]): boolean {
  return !successes.some((success) => clearedBy(failure, success));
}

function latest(failures: readonly ProviderFailure[]): ProviderFailure | undefined {
  return failures.reduce<ProviderFailure | undefined>((best, failure) => (!best || failure.at > best.at ? failure : best), undefined);
}

function fromModelList(target: ModelRef, models: readonly ModelChoice[], now: number): ProviderHealth | undefined {
  const choice = models.find((model) => model.provider === target.provider && model.id === target.model);
  // Sessions can name models the default listing leaves out (aliases, patched models): no verdict, not a block.
  if (!choice) return undefined;
  if (choice.available) return undefined;
  if (choice.unavailableReason === "cooldown") {
    // The gateway caches the catalog: a cooldown that has run out is old news, not a verdict.
    return choice.unavailableUntil !== undefined && choice.unavailableUntil > now ? { kind: "cooldown", until: choice.unavailableUntil } : undefined;
  }
  if (choice.unavailableReason === "auth-failed") return { kind: "auth-failing", detail: "the gateway marks its credential as failed" };
  if (choice.unavailableReason === "missing-auth") return { kind: "unavailable", reason: "no credential configured" };
  return { kind: "unavailable", reason: "the gateway marks it unavailable" };
}

function fromAuthStatus(target: ModelRef, auth: readonly ProviderAuth[]): ProviderHealth | undefined {
  const status = auth.find((entry) => entry.provider === target.provider)?.status;
  if (status === "expired") return { kind: "auth-failing", detail: "its credential has expired" };
  if (status === "missing") return { kind: "unavailable", reason: "no credential configured" };
  return undefined;
}

export function deriveProviderHealth({ target, models, auth, failures, successes, now }: HealthInputs): ProviderHealth {
  if (!target) return { kind: "unknown" };
  const standing = failures.filter((failure) => failure.provider === target.provider && stillStanding(failure, successes));
  const listed = models ? fromModelList(target, models, now) : undefined;
  if (listed?.kind === "cooldown") {
    const cause = latest(standing.filter((failure) => failure.kind === "auth" || failure.kind === "cooldown"));
    return cause ? { ...listed, at: cause.at, detail: cause.detail } : listed;
  }
  if (listed) return listed;

  const cooldown = latest(
    standing.filter((failure) => failure.kind === "cooldown").map((failure) => ({ ...failure, until: failure.until ?? failure.at + COOLDOWN_CAP_MS })),
  );
  if (cooldown?.until !== undefined && cooldown.until > now) return { kind: "cooldown", at: cooldown.at, until: cooldown.until, detail: cooldown.detail };

  const credential = fromAuthStatus(target, auth);
  if (credential) return credential;

  // A cooldown after an auth failure that has run out leaves a credential that failed, until a run proves otherwise.
  const authFailure = latest(standing.filter((failure) => failure.kind === "auth" || failure.kind === "cooldown"));
  if (authFailure) return { kind: "auth-failing", at: authFailure.at, detail: authFailure.detail };

  const rateLimit = latest(standing.filter((failure) => failure.kind === "rate-limit" && now - failure.at < RATE_LIMIT_RECENT_MS));
  if (rateLimit) return { kind: "rate-limited-recently", at: rateLimit.at, resetAt: rateLimit.until, detail: rateLimit.detail };

  const inCatalog = models?.some((model) => model.provider === target.provider && model.id === target.model);
  return inCatalog ? { kind: "ready" } : { kind: "unknown" };
}

/** While the page is not connected, a provider's state is not known, whatever the last reads said. */
export function healthWhileDisconnected(lastKnown: ProviderHealth, since: number | undefined): ProviderHealth {
  return { kind: "not-known", ...(since !== undefined ? { since } : {}), lastKnown: lastKnown.kind === "not-known" ? lastKnown.lastKnown : lastKnown };
}

/**
 * Whether a send now would go into a known failure. A rate limit only counts
 * while its reset is ahead (or, with no reset known, for a minute): an old,
 * already lifted limit is news, not a reason to stop the user.
 */
export function sendWouldFail(health: ProviderHealth, now: number): boolean {
  switch (health.kind) {
    case "not-known":
      // A failure known before the drop still holds the message; the user can still send it anyway.
      return sendWouldFail(health.lastKnown, now);
    case "cooldown":
      return health.until > now;
    case "auth-failing":
    case "unavailable":
      return true;
    case "rate-limited-recently":
      return health.resetAt !== undefined ? health.resetAt > now : now - health.at < RATE_LIMIT_UNKNOWN_RESET_MS;
    default:
      return false;
  }
}

/** The moment the shown state changes by the clock alone, if any: when to look at the gateway again. */
export function nextHealthChangeAt(health: ProviderHealth, now: number): number | undefined {
  if (health.kind === "cooldown") return health.until;
  if (health.kind === "rate-limited-recently") {
    const reset = health.resetAt ?? health.at + RATE_LIMIT_UNKNOWN_RESET_MS;
    return reset > now ? reset : undefined;
  }
  return undefined;
}

/** A stable identity for "this same known failure", so a user who chose to send anyway is not asked again for it. */
export function healthSignature(health: ProviderHealth): string {
  switch (health.kind) {
    case "cooldown":
      return `cooldown:${health.until}`;
    case "rate-limited-recently":
      return `rate-limit:${health.at}`;
    case "auth-failing":
      return `auth:${health.at ?? "status"}`;
    case "unavailable":
      return `unavailable:${health.reason}`;
    case "not-known":
      return healthSignature(health.lastKnown);
    default:
      return health.kind;
  }
}

/** "about 40 s", "about 3 min", "about 2 h". */
export function formatRemaining(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `about ${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min`;
  return `about ${Math.round(minutes / 60)} h`;
}

export type HealthTone = "ok" | "warn" | "error" | "idle";

export interface HealthDescription {
  label: string;
  detail?: string;
  tone: HealthTone;
}

/** The state in words, with its times: "in cooldown until 14:32:10 (about 40 s)". */
export function describeHealth(health: ProviderHealth, now: number, clock: (at: number) => string): HealthDescription {
  switch (health.kind) {
    case "ready":
      return { label: "ready", tone: "ok" };
    case "unknown":
      return { label: "checking…", tone: "idle" };
    case "not-known": {
      const last = health.lastKnown.kind === "unknown" ? undefined : describeHealth(health.lastKnown, now, clock).label;
      const when = health.since !== undefined ? ` at ${clock(health.since)}` : "";
      return { label: "unknown while not connected", ...(last ? { detail: `last known: ${last}${when}` } : {}), tone: "idle" };
    }
    case "cooldown":
      return {
        label: `in cooldown until ${clock(health.until)} (${formatRemaining(health.until - now)})`,
        detail: `the gateway paused this credential after an ${health.detail === "billing" ? "billing" : "auth"} failure${health.at !== undefined ? ` at ${clock(health.at)}` : ""}`,
        tone: "error",
      };
    case "auth-failing":
      return {
        label: "authentication failing",
        detail: health.at !== undefined ? `last failed at ${clock(health.at)}${health.detail ? `: ${health.detail}` : ""}` : health.detail,
        tone: "error",
      };
    case "unavailable":
      return { label: "unavailable", detail: health.reason, tone: "error" };
    case "rate-limited-recently": {
      const reset =
        health.resetAt === undefined
          ? "reset time unknown"
          : health.resetAt > now
            ? `resets at ${clock(health.resetAt)} (${formatRemaining(health.resetAt - now)})`
            : `reset at ${clock(health.resetAt)}`;
      return { label: `rate limited recently (at ${clock(health.at)}, ${reset})`, detail: health.detail, tone: "warn" };
    }
  }
}
