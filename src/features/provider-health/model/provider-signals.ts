/**
 * What the gateway tells us about a provider's health, read defensively from
 * four answers: `models.list`, `models.authStatus`, `sessions.list` (the last
 * run of every session, on any provider) and the structured fields of
 * `logs.tail` lines. Each becomes plain data the health rules can fold.
 */
import { asNumber, asRecord, asText } from "@/lib/read-untrusted";
import { readThinkingLevels, type ThinkingLevel } from "./session-settings";

export interface ModelChoice {
  id: string;
  name: string;
  provider: string;
  available: boolean;
  /** The gateway's own reason when a model is not available. */
  unavailableReason?: string;
  unavailableUntil?: number;
  /** The thinking levels the gateway accepts for this model, and the one it uses when the session sets none. */
  thinkingLevels?: ThinkingLevel[];
  thinkingDefault?: string;
}

export interface ModelRef {
  provider: string;
  model: string;
}

/** One session's most recent run, as `sessions.list` reports it. */
export interface SessionRunRow {
  key: string;
  provider?: string;
  model?: string;
  status?: string;
  lastRunError?: string;
  lastRunId?: string;
  startedAt?: number;
  endedAt?: number;
}

export interface SessionsSnapshot {
  rows: SessionRunRow[];
  defaults?: ModelRef;
}

/** Credential state from `models.authStatus`: "ok" | "static" | "expiring" | "expired" | "missing". */
export interface ProviderAuth {
  provider: string;
  status: string;
}

export type FailureKind = "auth" | "cooldown" | "rate-limit";

/** A failure seen on a provider, from any source. */
export interface ProviderFailure {
  kind: FailureKind;
  provider: string;
  at: number;
  runId?: string;
  /** When the gateway lets the credential be used again (cooldown) or the provider's limit resets (rate limit). */
  until?: number;
  detail?: string;
}

/** A run on the provider that went through. */
export interface ProviderSuccess {
  provider: string;
  runId?: string;
  /** The gateway moves a session's `startedAt` to each retry attempt, so it is only a lower bound of the run's start. */
  startedAt?: number;
  endedAt: number;
}

/** The structured part of one gateway log line: its time and its object arguments. */
export interface StructuredLogLine {
  time: number | undefined;
  fields: Record<string, unknown>;
}

export function parseModelChoices(payload: unknown): ModelChoice[] {
  const models = asRecord(payload)?.models;
  if (!Array.isArray(models)) return [];
  const out: ModelChoice[] = [];
  for (const item of models) {
    const entry = asRecord(item);
    const id = asText(entry?.id);
    const provider = asText(entry?.provider);
    if (!entry || !id || !provider) continue;
    const unavailableReason = asText(entry.unavailableReason);
    const unavailableUntil = asNumber(entry.unavailableUntil);
    const thinkingDefault = asText(entry.thinkingDefault);
    const thinkingLevels = readThinkingLevels(entry.thinkingLevels, entry.thinkingOptions);
    out.push({
      id,
      provider,
      name: asText(entry.name) ?? id,
      available: entry.available !== false,
      ...(unavailableReason ? { unavailableReason } : {}),
      ...(unavailableUntil !== undefined ? { unavailableUntil } : {}),
      ...(thinkingLevels.length > 0 ? { thinkingLevels } : {}),
      ...(thinkingDefault ? { thinkingDefault } : {}),
    });
  }
  return out;
}

export function parseProviderAuth(payload: unknown): ProviderAuth[] {
  const providers = asRecord(payload)?.providers;
  if (!Array.isArray(providers)) return [];
  const out: ProviderAuth[] = [];
  for (const item of providers) {
    const entry = asRecord(item);
    const provider = asText(entry?.provider);
    const status = asText(entry?.status);
    if (provider && status) out.push({ provider, status });
  }
  return out;
}

/** `fake/fake-model` → provider and model; a bare model id takes the given provider. */
export function splitModelRef(model: string | undefined, provider: string | undefined): ModelRef | undefined {
  if (!model) return undefined;
  const slash = model.indexOf("/");
  if (!provider && slash > 0) return { provider: model.slice(0, slash), model: model.slice(slash + 1) };
  return provider ? { provider, model } : undefined;
}

export function parseSessionsSnapshot(payload: unknown): SessionsSnapshot {
  const body = asRecord(payload);
  const defaultsRecord = asRecord(body?.defaults);
  const defaults = splitModelRef(asText(defaultsRecord?.model), asText(defaultsRecord?.modelProvider));
  const rows: SessionRunRow[] = [];
  const sessions = body?.sessions;
  for (const item of Array.isArray(sessions) ? sessions : []) {
    const entry = asRecord(item);
    const key = asText(entry?.key);
    if (!entry || !key) continue;
    const ref = splitModelRef(asText(entry.model), asText(entry.modelProvider));
    rows.push({
      key,
      provider: ref?.provider,
      model: ref?.model,
      status: asText(entry.status),
      lastRunError: asText(entry.lastRunError),
      lastRunId: asText(entry.lastRunId),
      startedAt: asNumber(entry.startedAt),
      endedAt: asNumber(entry.endedAt),
    });
  }
  return { rows, ...(defaults ? { defaults } : {}) };
}

/** "…is temporarily disabled after a provider auth/billing failure"; sessions.list elides the middle of long errors, so match the tail. */
const COOLDOWN_TEXT = /temporarily disabled|auth\/billing failure/i;
const AUTH_TEXT = /HTTP 40[13]\b|authentication failed|invalid api key|unauthori[sz]ed/i;
const RATE_LIMIT_TEXT = /rate[- ]limit|HTTP 429\b|too many requests/i;
const RETRY_AFTER = /retry[- ]after:?\s*(?:about\s+)?(\d+(?:\.\d+)?)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?)\b/i;

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** "Retry-After: 1 seconds", "Retry after about 1 minute" → milliseconds. */
export function retryAfterMs(text: string): number | undefined {
  const match = RETRY_AFTER.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  return Number(match[1]) * (UNIT_MS[match[2][0]?.toLowerCase() ?? "s"] ?? 1000);
}

/** Reads a run's error text for the three failures that say something about the provider rather than the request. */
export function classifyRunError(text: string): FailureKind | undefined {
  if (COOLDOWN_TEXT.test(text)) return "cooldown";
  if (AUTH_TEXT.test(text)) return "auth";
  if (RATE_LIMIT_TEXT.test(text)) return "rate-limit";
  return undefined;
}

/** Every session's last run, turned into failures and successes per provider. */
export function outcomesFromSessions(rows: readonly SessionRunRow[]): { failures: ProviderFailure[]; successes: ProviderSuccess[] } {
  const failures: ProviderFailure[] = [];
  const successes: ProviderSuccess[] = [];
  for (const row of rows) {
    if (!row.provider || row.endedAt === undefined) continue;
    const kind = row.lastRunError ? classifyRunError(row.lastRunError) : undefined;
    if (kind && row.lastRunError) {
      const wait = retryAfterMs(row.lastRunError);
      failures.push({
        kind,
        provider: row.provider,
        at: row.endedAt,
        ...(row.lastRunId ? { runId: row.lastRunId } : {}),
        ...(wait !== undefined ? { until: row.endedAt + wait } : {}),
        detail: row.lastRunError,
      });
    } else if (row.status === "done" && !row.lastRunError) {
      successes.push({
        provider: row.provider,
        endedAt: row.endedAt,
        ...(row.lastRunId ? { runId: row.lastRunId } : {}),
        ...(row.startedAt !== undefined ? { startedAt: row.startedAt } : {}),
      });
    }
  }
  return { failures, successes };
}

const AUTH_REASONS = new Set(["auth", "auth_permanent", "billing"]);

/**
 * A log line's structured fields as a provider failure: the credential
 * cooldown (`auth_profile_failure_state_updated`), and run attempts that ended
 * on a rate limit or an auth failure (`embedded_run_agent_end` and friends
 * carry `failoverReason` and `provider`).
 */
export function failureFromLogLine(line: StructuredLogLine): ProviderFailure | undefined {
  const { fields, time } = line;
  const provider = asText(fields.provider);
  if (!provider || time === undefined) return undefined;
  const event = asText(fields.event);
  const runId = asText(fields.runId);
  const run = runId ? { runId } : {};
  if (event === "auth_profile_failure_state_updated") {
    const reason = asText(fields.reason) ?? "auth";
    const until = asNumber(fields.cooldownUntil) ?? asNumber(fields.disabledUntil);
    // A rate-limit window on the credential is a rate limit with a known reset, not a broken credential.
    const kind: FailureKind = reason === "rate_limit" ? "rate-limit" : "cooldown";
    return { kind, provider, at: time, ...run, ...(until !== undefined ? { until } : {}), detail: reason };
  }
  const reason = asText(fields.failoverReason) ?? asText(fields.reason);
  if (!reason || fields.isError === false) return undefined;
  const detail = asText(fields.rawErrorPreview) ?? asText(fields.errorPreview) ?? asText(fields.error);
  if (reason === "rate_limit") {
    const wait = detail ? retryAfterMs(detail) : undefined;
    return { kind: "rate-limit", provider, at: time, ...run, ...(wait !== undefined ? { until: time + wait } : {}), ...(detail ? { detail } : {}) };
  }
  if (AUTH_REASONS.has(reason)) return { kind: "auth", provider, at: time, ...run, ...(detail ? { detail } : {}) };
  return undefined;
}
