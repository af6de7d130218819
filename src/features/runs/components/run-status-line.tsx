import type { RunOutcome } from "../model/run-outcome";

type Running = Extract<RunOutcome, { kind: "running" }>;

/** The live line under a running reply: phase, elapsed, time since the last event; a visible warning once silent. */
export function RunStatusLine({ outcome }: { outcome: Running }) {
  return (
    <div
      role="status"
      aria-label="Run status"
      className={`flex flex-wrap items-center gap-x-2 gap-y-0.5 rounded-lg px-3 py-1.5 text-xs ${outcome.stalled ? "bg-warn-soft text-warn" : "bg-accent-soft text-accent"}`}
    >
      <span aria-hidden className={`size-1.5 rounded-full ${outcome.stalled ? "bg-warn" : "bg-accent"}`} />
      <span className="font-medium">{outcome.stalled ? `No activity for ${Math.round(outcome.silentForMs / 1000)} s` : outcome.title}</span>
      <span className="text-ink-2">{outcome.summary}</span>
    </div>
  );
}
