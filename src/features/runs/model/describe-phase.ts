/**
 * The live status line's words for a run phase ("using exec…", "retrying,
 * attempt 2 of 10 (rate limited)…"). Kept apart from the fold so wording can change without touching
 * the state machine.
 */
import { formatDuration } from "./format-duration";
import { modelName } from "./run-signal";
import type { RetryStep, RunPhase } from "./run-timeline";
import { capitalize } from "@/lib/display-text";

const REASON_WORDS: Record<string, string> = {
  rate_limit: "rate limited",
  timeout: "no response",
  overloaded: "provider overloaded",
};

/**
 * "attempt 5 of 9": the gateway numbers attempts from the first try (its retry 4/8 is attempt 5/9). The status
 * line and the failure banner both use these words, so the count a user saw while it retried is the one the
 * banner gives up at.
 */
export function attemptWords(attempt: number, maxAttempts: number | undefined): string {
  return maxAttempts === undefined ? `attempt ${attempt}` : `attempt ${attempt} of ${maxAttempts}`;
}

/**
 * A retry step in words: "attempt 5 of 9, rate limit, waiting 2 s — Retrying… 5/9". The timeline shows these words,
 * and the copied report and the session export copy them, so a pasted report counts as the screen did.
 */
export function retryStepWords(step: Pick<RetryStep, "attempt" | "maxAttempts" | "reason" | "delayMs" | "message">): string {
  const count = step.attempt !== undefined ? attemptWords(step.attempt, step.maxAttempts) : "retry";
  const reason = step.reason ? `, ${step.reason.replace(/_/g, " ")}` : "";
  const wait = step.delayMs !== undefined ? `, waiting ${formatDuration(step.delayMs)}` : "";
  return `${count}${reason}${wait}${step.message ? ` — ${step.message}` : ""}`;
}

export function describePhase(phase: RunPhase): string {
  switch (phase.kind) {
    case "queued":
      return "queued";
    case "preparing":
      return `${phase.step}…`;
    case "starting-model":
      return phase.model ? `starting model ${modelName(phase.model)}…` : "starting model…";
    case "thinking":
      return "thinking…";
    case "writing-reply":
      return "writing reply…";
    case "using-tool":
      return `using ${phase.tool}…`;
    case "waiting-for-model":
      return "waiting for the model…";
    case "retrying": {
      const reason = phase.reason ? ` (${REASON_WORDS[phase.reason] ?? phase.reason.replace(/_/g, " ")})` : "";
      return `retrying${phase.attempt === undefined ? "" : `, ${attemptWords(phase.attempt, phase.maxAttempts)}`}${reason}…`;
    }
    case "falling-back":
      return phase.to ? `switching to fallback model ${phase.to}…` : "switching to a fallback model…";
    case "finishing":
      return "finishing…";
    case "ended":
      return "ended";
  }
}

export interface RunningStatusFacts {
  phaseText: string;
  elapsedMs: number;
  silentForMs: number;
  stalled: boolean;
}

/**
 * The live status line: a headline and the clocks after it. The phase is said
 * once, in the headline, or after the silence warning once that takes the
 * headline.
 */
export function describeRunningStatus({ phaseText, elapsedMs, silentForMs, stalled }: RunningStatusFacts): { headline: string; details: string } {
  const elapsed = `${formatDuration(elapsedMs)} elapsed`;
  if (stalled) return { headline: `No activity for ${formatDuration(silentForMs)}`, details: `${phaseText} · ${elapsed}` };
  return { headline: capitalize(phaseText), details: `${elapsed} · last event ${formatDuration(silentForMs)} ago` };
}
