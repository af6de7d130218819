/**
 * What went wrong in a failed run, from the structured facts the gateway sends:
 * `errorKind`, then `failoverReason` (chat errorDetail, lifecycle
 * errorObservation, fallback_step), then the HTTP status, then the lifecycle
 * timeout phase. Message text is read only when none of those exist — the
 * cooldown after a 401 and history rows carry nothing else.
 */
import { classifyErrorText, parseHttpStatus, parseProviderModel, parseRetryAfterMs } from "./parse-error-text";
import { lastStepOfKind, stepsOfKind, type RunTimeline } from "./run-timeline";

export type ErrorClass = "rate_limit" | "auth" | "timeout" | "context_length" | "other";

export interface FailureFacts {
  errorClass: ErrorClass;
  /** The gateway's own words for it: `errorKind`, else its failover reason (e.g. "auth", "rate_limit"). */
  gatewayKind?: string;
  provider?: string;
  model?: string;
  httpStatus?: number;
  retryAfterMs?: number;
  /** The provider's own words, e.g. "401 Missing scopes: model.request" (only in fallback_step). */
  providerDetail?: string;
  /** The gateway's message, for "other" failures and for the record. */
  rawMessage?: string;
  /** The credential is paused after an earlier auth/billing failure. */
  cooldown: boolean;
  /** Model attempts made, when retries were announced or the attempts' errors are known. */
  attempts?: number;
  /** The most attempts the gateway said it would make, when it said so. */
  maxAttempts?: number;
}

const BY_ERROR_KIND: Record<string, ErrorClass> = {
  rate_limit: "rate_limit",
  timeout: "timeout",
  context_length: "context_length",
  refusal: "other",
};

const BY_FAILOVER_REASON: Record<string, ErrorClass> = {
  rate_limit: "rate_limit",
  overloaded: "rate_limit",
  auth: "auth",
  auth_permanent: "auth",
  billing: "auth",
  timeout: "timeout",
  context_overflow: "context_length",
  context_length: "context_length",
};

function byHttpStatus(status: number | undefined): ErrorClass | undefined {
  if (status === 401 || status === 403) return "auth";
  if (status === 429 || status === 529) return "rate_limit";
  if (status === 408 || status === 504) return "timeout";
  if (status === 413) return "context_length";
  return undefined;
}

export function classifyFailure(run: RunTimeline): FailureFacts {
  const terminal = run.terminal?.kind === "error" ? run.terminal : undefined;
  const lifecycle = run.lifecycleOutcome?.kind === "error" ? run.lifecycleOutcome : undefined;
  const detail = terminal?.errorDetail;
  const observation = lifecycle?.observation;
  const fallback = lastStepOfKind(run.steps, "fallback", (step) => step.detail !== undefined || step.reason !== undefined);
  const attemptError = lastStepOfKind(run.steps, "provider-error");
  const texts = [
    terminal?.errorMessage,
    lifecycle?.error,
    ...(terminal?.followUps ?? []),
    fallback?.detail,
    attemptError?.message,
  ].filter((text): text is string => text !== undefined);

  const httpStatus =
    detail?.httpStatus ??
    observation?.httpStatus ??
    parseHttpStatus(fallback?.detail) ??
    attemptError?.httpStatus ??
    firstDefined(texts, parseHttpStatus);
  const failoverReason = detail?.failoverReason ?? observation?.failoverReason ?? fallback?.reason ?? attemptError?.failoverReason;
  const errorClass =
    (terminal?.errorKind === undefined ? undefined : BY_ERROR_KIND[terminal.errorKind]) ??
    (failoverReason === undefined ? undefined : BY_FAILOVER_REASON[failoverReason]) ??
    byHttpStatus(httpStatus) ??
    (lifecycle?.timeoutPhase === undefined ? undefined : "timeout") ??
    firstDefined(texts, classifyErrorText) ??
    "other";

  const named = splitModel(fallback?.from);
  const provider = detail?.provider ?? observation?.provider ?? attemptError?.provider ?? named.provider;
  const model = detail?.model ?? observation?.model ?? attemptError?.model ?? named.model;
  // The prose is read only for what no structured field said.
  const parsed =
    provider === undefined || model === undefined
      ? firstDefined(texts, (text) => {
          const found = parseProviderModel(text);
          return found.provider === undefined ? undefined : found;
        })
      : undefined;
  return {
    errorClass,
    gatewayKind: terminal?.errorKind ?? failoverReason,
    provider: provider ?? parsed?.provider ?? run.model?.provider,
    model: model ?? parsed?.model ?? run.model?.model,
    httpStatus,
    retryAfterMs: firstDefined(texts, parseRetryAfterMs),
    providerDetail: fallback?.detail ?? detail?.messagePreview ?? observation?.messagePreview,
    rawMessage: terminal?.errorMessage ?? lifecycle?.error ?? attemptError?.message,
    cooldown: texts.some((text) => /temporarily disabled|cooldown|cooling down/i.test(text)),
    ...attemptCount(run),
  };
}

function firstDefined<T>(texts: readonly string[], read: (text: string) => T | undefined): T | undefined {
  for (const text of texts) {
    const value = read(text);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** "fakeauth/fake-model" as fallback_step names models. */
function splitModel(name: string | undefined): { provider?: string; model?: string } {
  if (!name) return {};
  const slash = name.indexOf("/");
  return slash < 0 ? { model: name } : { provider: name.slice(0, slash), model: name.slice(slash + 1) };
}

/**
 * Each retry the gateway announces names the attempt it starts next ("attempt 5 of 9"), and the run fails only
 * after that attempt was made; history has no announcements, but one error per failed attempt.
 */
function attemptCount(run: RunTimeline): Pick<FailureFacts, "attempts" | "maxAttempts"> {
  const retries = stepsOfKind(run.steps, "retry");
  const errors = stepsOfKind(run.steps, "provider-error").length;
  if (retries.length === 0) return errors > 1 ? { attempts: errors } : {};
  const attempts = Math.max(retries.length + 1, ...retries.map((step) => step.attempt ?? 0));
  const maxAttempts = retries.findLast((step) => step.maxAttempts !== undefined)?.maxAttempts;
  return { attempts, ...(maxAttempts !== undefined && maxAttempts >= attempts ? { maxAttempts } : {}) };
}
