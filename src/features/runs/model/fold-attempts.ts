/**
 * Model attempts on the timeline: a failed attempt (provider error), the
 * retries the gateway announces (once on `chat`, once on `agent`, merged into
 * one step), and fallbacks to another model. None of them ends the run; the
 * outcome rules decide whether it recovered.
 */
import { running } from "./fold-lifecycle";
import type { RunDraft } from "./fold-state";
import { parseHttpStatus, parseRetryAfterMs } from "./parse-error-text";
import { modelName, type RunSignal } from "./run-signal";
import type { RetryStep } from "./run-timeline";

export function providerError(run: RunDraft, signal: Extract<RunSignal, { kind: "lifecycle-finishing" }>): boolean {
  const id = `provider-error:${signal.runSeq ?? signal.at}`;
  if (run.steps.indexOf(id) >= 0) return false;
  const message = signal.error ?? "model request failed";
  const observation = signal.observation;
  run.steps = run.steps.put(
    {
      id,
      kind: "provider-error",
      at: signal.at,
      source: signal.source,
      provider: observation?.provider ?? run.model?.provider,
      model: observation?.model ?? run.model?.model,
      httpStatus: observation?.httpStatus ?? parseHttpStatus(message),
      retryAfterMs: parseRetryAfterMs(message),
      failoverReason: observation?.failoverReason,
      message,
    },
    -1,
  );
  return true;
}

function sameRetry(a: RetryStep, b: RetryStep): boolean {
  return (
    a.at === b.at &&
    a.source === b.source &&
    a.attempt === b.attempt &&
    a.maxAttempts === b.maxAttempts &&
    a.reason === b.reason &&
    a.delayMs === b.delayMs &&
    a.message === b.message
  );
}

export function retry(run: RunDraft, signal: Extract<RunSignal, { kind: "retry" }>): boolean {
  const id = `retry:${signal.attempt ?? signal.at}`;
  const index = run.steps.indexOf(id);
  const existing = run.steps.at(index);
  const base = existing?.kind === "retry" ? existing : undefined;
  const step: RetryStep = {
    id,
    kind: "retry",
    at: base ? Math.min(base.at, signal.at) : signal.at,
    source: base?.source ?? signal.source,
    attempt: base?.attempt ?? signal.attempt,
    maxAttempts: base?.maxAttempts ?? signal.maxAttempts,
    reason: base?.reason ?? signal.reason,
    delayMs: base?.delayMs ?? signal.delayMs,
    message: base?.message ?? signal.message,
  };
  if (base && sameRetry(base, step)) return false;
  run.steps = run.steps.put(step, index);
  if (step.delayMs !== undefined) {
    const quietUntil = step.at + step.delayMs;
    if (run.quietUntil === undefined || quietUntil > run.quietUntil) run.quietUntil = quietUntil;
  }
  running(run, { kind: "retrying", attempt: step.attempt, maxAttempts: step.maxAttempts, reason: step.reason });
  return true;
}

export function fallback(run: RunDraft, signal: Extract<RunSignal, { kind: "fallback" }>): boolean {
  const from = signal.from ? modelName(signal.from) : undefined;
  const to = signal.to ? modelName(signal.to) : undefined;
  const id = `fallback:${from ?? "?"}->${to ?? "?"}`;
  let changed = false;
  if (run.steps.indexOf(id) < 0) {
    run.steps = run.steps.put(
      { id, kind: "fallback", at: signal.at, source: signal.source, from, to, reason: signal.reason, outcome: "succeeded", attempts: signal.attempts },
      -1,
    );
    changed = true;
  }
  if (signal.to && (run.model === undefined || modelName(run.model) !== to)) {
    run.model = signal.to;
    changed = true;
  }
  return running(run, { kind: "falling-back", to }) || changed;
}

export function fallbackCleared(run: RunDraft, signal: Extract<RunSignal, { kind: "fallback-cleared" }>): boolean {
  if (!signal.to) return false;
  run.model = signal.to;
  return true;
}

export function fallbackStep(run: RunDraft, signal: Extract<RunSignal, { kind: "fallback-step" }>): boolean {
  const id = `fallback-step:${signal.position ?? "?"}:${signal.fromModel ?? "?"}:${signal.outcome ?? "?"}`;
  let changed = false;
  if (run.steps.indexOf(id) < 0) {
    run.steps = run.steps.put(
      {
        id,
        kind: "fallback",
        at: signal.at,
        source: signal.source,
        from: signal.fromModel,
        to: signal.toModel,
        reason: signal.reason,
        detail: signal.detail,
        outcome: signal.outcome,
        attempts: [],
      },
      -1,
    );
    changed = true;
  }
  if (signal.toModel && signal.outcome !== "chain_exhausted") changed = running(run, { kind: "falling-back", to: signal.toModel }) || changed;
  return changed;
}
