/**
 * Plain words for a failed run: the banner title, what happened, and what the
 * user can do next. The seed report's users saw "⚠️ API rate limit reached" in
 * a log and nothing in the chat; here every failure names the provider and
 * model and ends with an action.
 */
import type { ErrorClass, FailureFacts } from "./classify-failure";
import { attemptWords } from "./describe-phase";
import { formatDuration } from "./format-duration";
import { cleanGatewayMessage } from "./parse-error-text";

export const FAILURE_TITLES: Record<ErrorClass, string> = {
  rate_limit: "Rate limited",
  auth: "Authentication failed",
  timeout: "Timed out",
  context_length: "Context too long",
  other: "Failed",
};

/** The gateway's own names for a failure (`errorKind`, failover reason) that mean little to a reader as they are. */
const ERROR_TYPE_WORDS: Record<string, string> = {
  rate_limit: "rate limit",
  overloaded: "provider overloaded",
  auth: "authentication",
  auth_permanent: "authentication (permanent)",
  billing: "billing",
  timeout: "timeout",
  context_overflow: "context too long",
  context_length: "context too long",
  refusal: "refused by the model",
};

/** "error type: rate limit": how the gateway classified the failure, in words; it may classify none. */
export function errorTypeWords(gatewayKind: string | undefined): string {
  if (gatewayKind === undefined) return "no error type given";
  return `error type: ${ERROR_TYPE_WORDS[gatewayKind] ?? gatewayKind.replace(/_/g, " ")}`;
}

export interface FailureWords {
  title: string;
  message: string;
  nextStep: string;
}

export function describeFailure(facts: FailureFacts): FailureWords {
  const who = facts.provider && facts.model ? `${facts.provider}/${facts.model}` : (facts.provider ?? facts.model ?? "The model provider");
  const status = facts.httpStatus === undefined ? "" : ` (HTTP ${facts.httpStatus})`;
  const attempts = facts.attempts === undefined ? "" : `; gave up after ${facts.maxAttempts === undefined ? `${facts.attempts} attempts` : attemptWords(facts.attempts, facts.maxAttempts)}`;
  const wait = facts.retryAfterMs === undefined ? undefined : formatDuration(facts.retryAfterMs);
  return { title: FAILURE_TITLES[facts.errorClass], ...wordsFor(facts, who, status, attempts, wait) };
}

function wordsFor(
  facts: FailureFacts,
  who: string,
  status: string,
  attempts: string,
  wait: string | undefined,
): Omit<FailureWords, "title"> {
  switch (facts.errorClass) {
    case "rate_limit":
      return {
        message: `${who} refused the request: rate limit reached${status}${attempts}.`,
        nextStep: wait
          ? `Wait at least ${wait} and send again, or switch to another model.`
          : "Wait a few minutes and send again, or switch to another model.",
      };
    case "auth":
      return facts.cooldown ? cooldownWords(facts, wait) : authWords(facts, who, status);
    case "timeout":
      return {
        message: `${who} did not answer in time${attempts}.`,
        nextStep: "Send again. If it keeps timing out, check the provider's status or switch to another model.",
      };
    case "context_length":
      return {
        message: `The conversation is too long for ${who}'s context window.`,
        nextStep: "Start a new session (/new) or compact this one, then send again.",
      };
    case "other":
      return {
        message: facts.rawMessage ? cleanGatewayMessage(facts.rawMessage) : "The run failed before it could reply.",
        nextStep: "Send again. If it fails again, check the gateway logs (openclaw logs --follow).",
      };
  }
}

function cooldownWords(facts: FailureFacts, wait: string | undefined): Omit<FailureWords, "title"> {
  const provider = facts.provider ?? "this provider";
  return {
    message: `The credentials for ${provider} are paused after an earlier authentication or billing failure, so the model was not called.`,
    nextStep: `Wait${wait ? ` about ${wait}` : ""} for the cooldown to end, or switch to a different API key or model.`,
  };
}

function authWords(facts: FailureFacts, who: string, status: string): Omit<FailureWords, "title"> {
  const scopes = /missing scopes?:\s*([\w.:, -]+)/i.exec(facts.providerDetail ?? "")?.[1]?.trim();
  const provider = facts.provider ?? "the provider";
  return {
    message: `${who} rejected the credentials${status}${scopes ? `: the API key lacks ${scopes}` : ""}.`,
    nextStep: scopes
      ? `Give the ${provider} API key the ${scopes} permission (or use another key), then send again.`
      : `Re-authenticate ${provider} (check the API key and its permissions), then send again.`,
  };
}
