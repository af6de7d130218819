import { useId, useState } from "react";
import { formatClockTime } from "@/lib/clock-time";
import { argsText } from "@/lib/display-text";
import { formatDuration } from "../model/format-duration";
import { describeOpenStepEnd } from "../model/open-steps";
import { toolDurationMs, type ToolStep } from "../model/run-timeline";
import { toolTitle } from "../model/tool-title";
import { BoundedOutput } from "./bounded-output";
import { ClippedText } from "./clipped-text";
import { SourceBadge } from "./source-badge";

function statusWords(step: ToolStep): string {
  if (step.unsettled) return describeOpenStepEnd(step.unsettled, formatClockTime);
  return `${step.status}${step.exitCode !== undefined ? ` · exit ${step.exitCode}` : ""}`;
}

const STATUS_CHIP: Record<ToolStep["status"], string> = {
  running: "bg-accent-soft text-accent",
  done: "bg-ok-soft text-ok",
  error: "bg-bad-soft text-bad",
  unknown: "bg-warn-soft text-warn",
};

export function ToolStepRow({ step, offset }: { step: ToolStep; offset: string }) {
  const [open, setOpen] = useState(step.status === "running");
  const detailsId = useId();
  const duration = toolDurationMs(step);
  return (
    <div data-step-id={step.id} className="flex flex-col gap-1.5">
      <button type="button" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((v) => !v)} className="flex w-full flex-wrap items-center gap-x-2 gap-y-0.5 text-left">
        <span className="w-12 shrink-0 font-mono text-[11px] text-ink-3">{offset}</span>
        <span aria-hidden className="text-ink-3">{open ? "▾" : "▸"}</span>
        <span className="shrink-0 rounded bg-surface-2 px-1.5 font-mono text-[11px]">{step.name}</span>
        {/* At least 8rem for the title: on a phone the status and duration move to a second line instead. */}
        <span className="min-w-0 flex-1 basis-32 truncate text-sm">{toolTitle(step)}</span>
        <span className={`shrink-0 rounded-full px-1.5 text-[11px] font-medium ${STATUS_CHIP[step.status]}`}>
          {statusWords(step)}
        </span>
        {duration !== undefined && <span className="shrink-0 font-mono text-[11px] text-ink-3">{formatDuration(duration)}</span>}
      </button>
      {open && (
        <div id={detailsId} className="ml-14 flex flex-col gap-2">
          {step.args !== undefined && (
            <div className="flex flex-col gap-1">
              <span className="text-[11px] font-medium tracking-wide text-ink-3 uppercase">Arguments</span>
              <pre role="region" aria-label="Arguments" tabIndex={0} className="max-h-48 overflow-auto rounded-lg bg-surface-2 p-2 font-mono text-xs whitespace-pre-wrap break-all">{argsText(step.args)}</pre>
            </div>
          )}
          <BoundedOutput label={step.status === "running" ? "Live output" : "Output"} text={step.output} />
          {step.error && (
            <div className="text-xs break-words text-bad">
              Error: <ClippedText text={step.error} what="error" />
            </div>
          )}
          <SourceBadge source={step.source} confirmed={step.confirmedByHistory} />
        </div>
      )}
    </div>
  );
}
