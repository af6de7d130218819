import { describeCallUsage } from "@/lib/token-usage";
import { describeGap, missedEventCount } from "../model/describe-gap";
import { retryStepWords } from "../model/describe-phase";
import { formatDuration } from "../model/format-duration";
import type { TimelineStep } from "../model/run-timeline";
import { ClippedText } from "./clipped-text";
import { SourceBadge } from "./source-badge";
import { ToolStepRow } from "./tool-step-row";

const KIND_LABEL: Record<TimelineStep["kind"], string> = {
  lifecycle: "run",
  tool: "tool",
  text: "reply",
  thinking: "thinking",
  note: "note",
  retry: "retry",
  fallback: "fallback",
  "provider-error": "provider error",
  connection: "connection",
  gap: "missed events",
  usage: "model call",
};

const KIND_TONE: Partial<Record<TimelineStep["kind"], string>> = {
  retry: "text-warn",
  fallback: "text-warn",
  "provider-error": "text-bad",
  connection: "text-warn",
  gap: "text-warn",
};

/** The gateway's codes for how a fallback step ended (`fallbackStepFinalOutcome`). */
const FALLBACK_OUTCOME_WORDS: Record<string, string> = {
  succeeded: "the fallback model answered",
  next_fallback: "trying the next fallback model",
  chain_exhausted: "no fallback model left",
};

function describeStep(step: Exclude<TimelineStep, { kind: "tool" }>): string {
  switch (step.kind) {
    case "lifecycle":
      return step.model && !step.label.includes(step.model.model) ? `${step.label} (${step.model.provider ? `${step.model.provider}/` : ""}${step.model.model})` : step.label;
    case "text":
    case "thinking":
      return step.text.length > 160 ? `${step.text.slice(0, 160)}…` : step.text;
    case "note":
      return [step.title, step.text].filter(Boolean).join(": ");
    case "retry":
      return retryStepWords(step);
    case "fallback":
      return `${step.from ?? "?"} → ${step.to ?? "no further model"}${step.reason ? ` (${step.reason.replace(/_/g, " ")})` : ""}${step.detail ? `: ${step.detail}` : ""}${step.outcome ? ` · ${FALLBACK_OUTCOME_WORDS[step.outcome] ?? step.outcome.replace(/_/g, " ")}` : ""}`;
    case "provider-error":
      return [
        [step.provider, step.model].filter(Boolean).join("/"),
        step.httpStatus ? `HTTP ${step.httpStatus}` : null,
        step.retryAfterMs !== undefined ? `retry after ${formatDuration(step.retryAfterMs)}` : null,
        step.message,
      ]
        .filter(Boolean)
        .join(" · ");
    case "connection":
      return step.words;
    case "gap":
      return describeGap(step);
    case "usage":
      return describeCallUsage(step);
  }
}

export function StepRow({ step, startAt }: { step: TimelineStep; startAt: number }) {
  const offset = `+${formatDuration(Math.max(0, step.at - startAt))}`;
  if (step.kind === "tool") return <ToolStepRow step={step} offset={offset} />;
  const duration = step.durationMs ?? (step.endedAt !== undefined ? step.endedAt - step.at : undefined);
  // The gateway reports its run's numbering starting again as a gap too; nothing is missing then.
  const renumbered = step.kind === "gap" && missedEventCount(step) === 0;
  return (
    <div className={`flex items-baseline gap-2 text-sm ${step.kind === "gap" && !renumbered ? "rounded bg-[repeating-linear-gradient(45deg,transparent,transparent_6px,var(--warn-soft)_6px,var(--warn-soft)_12px)] px-1" : ""}`}>
      <span className="w-12 shrink-0 font-mono text-[11px] text-ink-3">{offset}</span>
      <span className={`shrink-0 text-[11px] font-medium tracking-wide uppercase ${renumbered ? "text-ink-3" : (KIND_TONE[step.kind] ?? "text-ink-3")}`}>{renumbered ? "event numbering" : KIND_LABEL[step.kind]}</span>
      <div className="min-w-0 flex-1 break-words">
        <ClippedText text={describeStep(step)} what="detail" />
      </div>
      {duration !== undefined && duration > 0 && <span className="shrink-0 font-mono text-[11px] text-ink-3">{formatDuration(duration)}</span>}
      {step.source !== "live" && (
        <span className="sr-only">
          <SourceBadge source={step.source} />
        </span>
      )}
      {step.source !== "live" && <span aria-hidden className="shrink-0 text-[10px] text-ink-3">{step.source === "history" ? "from transcript" : "from browser"}</span>}
    </div>
  );
}
