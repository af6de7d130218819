/**
 * How long a run took, in the words every view uses ("7.2 s"), so the glance, the timeline's header, the outcome,
 * the copied report and the session export never disagree. A run rebuilt from history alone may know only a moment
 * it was still going (`endIsLowerBound`): then the words say "at least".
 */
import { formatDuration } from "./format-duration";
import type { RunTimeline } from "./run-timeline";

/** How long the run took so far: from its creation to its end, or to its last event. Undefined when no time passed. */
export function runDurationMs(run: RunTimeline): number | undefined {
  const took = (run.endedAt ?? run.lastEventAt) - run.createdAt;
  return took > 0 ? took : undefined;
}

/** "7.2 s", or "at least 6.8 s" when only a moment the run was still going is known. */
export function runDurationWords(run: RunTimeline): string | undefined {
  const took = runDurationMs(run);
  if (took === undefined) return undefined;
  return run.endIsLowerBound ? `at least ${formatDuration(took)}` : formatDuration(took);
}
