import { describeRunningStatus } from "../model/describe-phase";
import type { RunOutcome } from "../model/run-outcome";

type Running = Extract<RunOutcome, { kind: "running" }>;

/** The live line under a running reply: phase, elapsed, time since the last event; a visible warning once silent. */
export function RunStatusLine({ outcome }: { outcome: Running }) {
  const { headline, details } = describeRunningStatus(outcome);
  return (
    <div
      role="status"
      aria-label="Run status"
      // It changes every second; the run announcer tells screen readers the start and the end instead.
      aria-live="off"
      className={`flex items-baseline gap-2 rounded-lg px-3 py-1.5 text-xs ${outcome.stalled ? "bg-warn-soft text-warn" : "bg-accent-soft text-accent"}`}
    >
      <span aria-hidden className={`size-1.5 shrink-0 self-center rounded-full ${outcome.stalled ? "bg-warn" : "bg-accent"}`} />
      <p className="min-w-0 break-words">
        <span className="font-medium">{headline}</span>
        <span className="text-ink-2"> · {details}</span>
      </p>
    </div>
  );
}
