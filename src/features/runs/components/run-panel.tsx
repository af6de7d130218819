import { useId, useState, type ReactNode } from "react";
import type { RunOutcome } from "../model/run-outcome";
import { runDurationWords } from "../model/run-duration";
import type { RunTimeline } from "../model/run-timeline";
import { ApprovalSteps } from "./approval-steps";
import { RunWaterfall } from "./run-waterfall";
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
  /** Kept by the turn, which also shows the run at a glance while the panel is folded. */
  open: boolean;
  onToggle(): void;
  actions?: ReactNode;
  /** The gateway's log lines for this run, composed by the app; open state lives outside so a banner can open it too. */
  logs?: { open: boolean; onToggle(): void; panel: ReactNode };
  /** The sub-agents this run spawned, shown nested at the top of its timeline. */
  subagents?: ReactNode;
}

/**
 * The collapsible execution timeline beside a reply. Its header wraps rather
 * than truncates: on a phone the outcome chip and the buttons move to a second
 * line instead of covering the label or cutting the step count.
 */
export function RunPanel({ run, outcome, open, onToggle, actions, logs, subagents }: RunPanelProps) {
  const bodyId = useId();
  const logsId = useId();
  const [view, setView] = useState<"steps" | "waterfall">("steps");
  const took = run.status === "ended" ? runDurationWords(run) : undefined;
  return (
    <section aria-label="Run timeline" className="flex min-w-0 flex-col gap-2 self-start rounded-xl border border-line bg-surface p-2.5 shadow-sm">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={onToggle}
          className="flex min-w-0 grow flex-wrap items-baseline gap-x-2 rounded-md px-1 py-0.5 text-left text-sm hover:bg-surface-2"
        >
          <span aria-hidden className="text-ink-3">
            {open ? "▾" : "▸"}
          </span>
          <span className="font-medium whitespace-nowrap">Timeline</span>{" "}
          <span className="text-xs whitespace-nowrap text-ink-3">
            {run.steps.length} {run.steps.length === 1 ? "step" : "steps"}
            {took !== undefined ? ` · ${took}` : ""}
          </span>
        </button>
        <span className={`max-w-full rounded-full px-2 py-0.5 text-[11px] font-medium ${CHIP[outcome.kind]}`}>{outcome.kind !== "running" ? outcome.title : outcome.waitingForApproval ? "Waiting for approval" : "Running"}</span>
        {logs && (
          <button type="button" aria-expanded={logs.open} aria-controls={logsId} onClick={logs.onToggle} className="rounded-md px-2 py-0.5 text-xs whitespace-nowrap text-ink-2 hover:bg-surface-2">
            Gateway logs
          </button>
        )}
        {actions}
      </div>
      {open && (
        <div id={bodyId} className="border-t border-line pt-2">
          <div role="group" aria-label="Show the run as" className="mb-2 flex w-fit rounded-md border border-line text-xs">
            {(["waterfall", "steps"] as const).map((choice) => (
              <button
                key={choice}
                type="button"
                aria-pressed={view === choice}
                onClick={() => setView(choice)}
                className={`px-2 py-0.5 first:rounded-l-md last:rounded-r-md ${view === choice ? "bg-accent-soft text-accent" : "text-ink-2 hover:bg-surface-2"}`}
              >
                {choice === "waterfall" ? "Waterfall" : "Steps"}
              </button>
            ))}
          </div>
          {subagents}
          {run.approvals && run.approvals.length > 0 && (
            <ApprovalSteps approvals={run.approvals} now={outcome.kind === "running" ? run.createdAt + outcome.elapsedMs : run.lastEventAt} />
          )}
          {view === "waterfall" ? (
            <RunWaterfall run={run} now={outcome.kind === "running" ? run.createdAt + outcome.elapsedMs : run.lastEventAt} />
          ) : (
            <TimelineSteps steps={run.steps} startAt={run.createdAt} />
          )}
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
