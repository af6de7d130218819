import { useId, useState, type ReactNode } from "react";
import { formatDuration } from "../model/format-duration";
import type { RunOutcome } from "../model/run-outcome";
import type { RunTimeline } from "../model/run-timeline";
import { TimelineSteps } from "./timeline-steps";

const CHIP: Record<RunOutcome["kind"], string> = {
  running: "bg-accent-soft text-accent",
  completed: "bg-ok-soft text-ok",
  degraded: "bg-warn-soft text-warn",
  failed: "bg-bad-soft text-bad",
  interrupted: "bg-warn-soft text-warn",
  aborted: "bg-surface-2 text-ink-2",
  unknown: "bg-warn-soft text-warn",
};

export interface RunPanelProps {
  run: RunTimeline;
  outcome: RunOutcome;
  actions?: ReactNode;
  /** The gateway's log lines for this run, composed by the app; open state lives outside so a banner can open it too. */
  logs?: { open: boolean; onToggle(): void; panel: ReactNode };
}

/** The collapsible execution timeline beside a reply: open while the run is live, the user's to fold after. */
export function RunPanel({ run, outcome, actions, logs }: RunPanelProps) {
  const live = outcome.kind === "running";
  const [openChoice, setOpenChoice] = useState<boolean | null>(null);
  const open = openChoice ?? live;
  const bodyId = useId();
  const logsId = useId();
  const end = run.endedAt ?? run.lastEventAt;
  const took = run.status === "ended" && end > run.createdAt ? ` · ${formatDuration(end - run.createdAt)}` : "";
  return (
    <section aria-label="Run timeline" className="flex flex-col gap-2 self-start rounded-xl border border-line bg-surface p-2.5 shadow-sm">
      <div className="flex items-center gap-2">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpenChoice(!open)}
          className="flex min-w-0 flex-1 items-center gap-2 rounded-md px-1 py-0.5 text-left text-sm hover:bg-surface-2"
        >
          <span aria-hidden className="text-ink-3">{open ? "▾" : "▸"}</span>
          <span className="font-medium">Timeline</span>
          <span className="truncate text-xs text-ink-3">
            {run.steps.length} {run.steps.length === 1 ? "step" : "steps"}
            {took}
          </span>
        </button>
        <span className={`shrink-0 rounded-full px-2 py-0.5 text-[11px] font-medium ${CHIP[outcome.kind]}`}>{outcome.kind === "running" ? "Running" : outcome.title}</span>
        {logs && (
          <button type="button" aria-expanded={logs.open} aria-controls={logsId} onClick={logs.onToggle} className="shrink-0 rounded-md px-2 py-0.5 text-xs text-ink-2 hover:bg-surface-2">
            Gateway logs
          </button>
        )}
        {actions}
      </div>
      {open && (
        <div id={bodyId} className="border-t border-line pt-2">
          <TimelineSteps steps={run.steps} startAt={run.createdAt} />
        </div>
      )}
      {logs?.open && (
        <div id={logsId} className="border-t border-line pt-2">
          {logs.panel}
        </div>
      )}
    </section>
  );
}
