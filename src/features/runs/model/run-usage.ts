/**
 * A run's tokens: the sum of its model calls' usage steps. Live, before the
 * transcript row arrives, only output counts are known, so the footer says
 * only what it has.
 */
import { addUsage, describeUsage, type TokenUsage } from "@/lib/token-usage";
import type { RunOutcomeKind } from "./run-outcome";
import { endedLead } from "./run-summary";
import { stepsOfKind, type RunTimeline } from "./run-timeline";

export function runUsage(run: RunTimeline): TokenUsage | undefined {
  const calls = stepsOfKind(run.steps, "usage");
  if (calls.length === 0) return undefined;
  return calls.reduce<TokenUsage>((sum, call) => addUsage(sum, call), { output: 0 });
}

/** "Done in 8 s · 56 output tokens · 1,290 total" under an ended reply ("Interrupted after 9 s · …" when it did not finish); undefined when no call reported usage. */
export function usageFooter(run: RunTimeline, ended: Exclude<RunOutcomeKind, "running">): string | undefined {
  const usage = runUsage(run);
  if (!usage) return undefined;
  return [endedLead(run, ended), describeUsage(usage)].join(" · ");
}
