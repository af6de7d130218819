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

/**
 * The usage line under an ended reply: "Done in 8 s · 56 output tokens · 1,290 total" ("Interrupted after 9 s · …"
 * when it did not finish), or only "56 output tokens · 1,290 total" when the run's glance above it already says how it
 * ended (`leadShownAbove`), so the reader does not see "Done in 8 s" twice. Undefined when no call reported usage.
 */
export function usageFooter(run: RunTimeline, ended: Exclude<RunOutcomeKind, "running">, leadShownAbove: boolean): string | undefined {
  const usage = runUsage(run);
  if (!usage) return undefined;
  return leadShownAbove ? describeUsage(usage) : [endedLead(run, ended), describeUsage(usage)].join(" · ");
}
