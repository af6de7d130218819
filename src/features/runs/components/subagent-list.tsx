import { useId, useState } from "react";
import { formatDuration } from "../model/format-duration";
import type { SubagentState, SubagentView } from "../model/subagents";
import { TimelineSteps } from "./timeline-steps";

/** The chip's words for a child's state (the state's own name is a code: "not-announced"). */
const STATE_WORDS: Record<SubagentState, string> = {
  starting: "starting",
  running: "running",
  completed: "completed",
  failed: "failed",
  "timed-out": "timed out",
  refused: "could not start",
  "not-announced": "never reported back",
  ended: "ended",
};

const STATE_CHIP: Record<SubagentState, string> = {
  starting: "bg-accent-soft text-accent",
  running: "bg-accent-soft text-accent",
  completed: "bg-ok-soft text-ok",
  failed: "bg-bad-soft text-bad",
  "timed-out": "bg-bad-soft text-bad",
  refused: "bg-bad-soft text-bad",
  "not-announced": "bg-warn-soft text-warn",
  ended: "bg-warn-soft text-warn",
};

function SubagentCard({ view, onOpenSession }: { view: SubagentView; onOpenSession?: (sessionKey: string) => void }) {
  const [open, setOpen] = useState(true);
  const bodyId = useId();
  const { spawn, child } = view;
  return (
    <section aria-label={`Sub-agent ${view.name}`} className="rounded-lg border border-line bg-surface-2/40 p-2">
      <button type="button" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((v) => !v)} className="flex w-full flex-wrap items-center gap-x-2 gap-y-0.5 text-left text-sm">
        <span aria-hidden className="text-ink-3">
          {open ? "▾" : "▸"}
        </span>
        <span className="shrink-0 rounded bg-surface-2 px-1.5 font-mono text-[11px]">sub-agent</span>
        <span className="min-w-0 flex-1 truncate font-medium">{view.name}</span>
        <span className={`shrink-0 rounded-full px-1.5 text-[11px] font-medium ${STATE_CHIP[view.state]}`}>{STATE_WORDS[view.state]}</span>
        {view.durationMs !== undefined && <span className="shrink-0 font-mono text-[11px] text-ink-3">{formatDuration(view.durationMs)}</span>}
      </button>
      {open && (
        <div id={bodyId} className="mt-1.5 ml-4 flex flex-col gap-1.5 border-l border-line pl-2 text-xs">
          {spawn.task && (
            <p>
              <span className="text-ink-3">Task: </span>
              {spawn.task}
            </p>
          )}
          <p aria-label="Sub-agent status">{view.words}</p>
          {spawn.childSessionKey && (
            <p className="flex flex-wrap items-center gap-2">
              <span className="text-ink-3">Session:</span>
              <code className="font-mono break-all">{spawn.childSessionKey}</code>
              {onOpenSession && (
                <button type="button" onClick={() => onOpenSession(spawn.childSessionKey as string)} className="text-accent underline">
                  Open session
                </button>
              )}
            </p>
          )}
          {child ? <TimelineSteps steps={child.steps} startAt={child.createdAt} /> : <p className="text-ink-3">No events from this sub-agent yet.</p>}
          {child?.text && (
            <div aria-label="Sub-agent reply" className="rounded bg-surface px-2 py-1 whitespace-pre-wrap">
              {child.text}
            </div>
          )}
        </div>
      )}
    </section>
  );
}

/** The children a run spawned, nested in its timeline: each with its task, session, own steps and outcome. */
export function SubagentList({ subagents, onOpenSession }: { subagents: readonly SubagentView[]; onOpenSession?: (sessionKey: string) => void }) {
  if (subagents.length === 0) return null;
  return (
    <div role="group" aria-label="Sub-agents" className="mb-2 flex flex-col gap-1.5">
      {subagents.map((view) => (
        <SubagentCard key={view.spawn.toolCallId} view={view} onOpenSession={onOpenSession} />
      ))}
    </div>
  );
}
