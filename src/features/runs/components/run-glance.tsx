import type { RunSummary, ToolGlanceState } from "../model/run-summary";
import { ClippedText } from "./clipped-text";

const STATE_CHIP: Record<ToolGlanceState, string> = {
  running: "bg-accent-soft text-accent",
  done: "bg-ok-soft text-ok",
  failed: "bg-bad-soft text-bad",
  unknown: "bg-warn-soft text-warn",
};

/** What the run did, on the message, for when its timeline is folded: no click needed to see which tools ran. */
export function RunGlance({ summary }: { summary: RunSummary }) {
  return (
    <section aria-label="Run at a glance" className="flex min-w-0 flex-col gap-1.5 rounded-xl border border-line bg-surface px-3 py-2 text-sm">
      {summary.current && <p className="text-xs font-medium text-accent">{summary.current}</p>}
      {summary.earlierTools > 0 && (
        <p className="text-xs text-ink-3">
          {summary.earlierTools} earlier tool {summary.earlierTools === 1 ? "call is" : "calls are"} in the timeline.
        </p>
      )}
      {summary.tools.length > 0 && (
        <ul aria-label="Tools run" className="flex flex-col gap-1">
          {summary.tools.map((tool) => (
            // The spaces between the parts are for screen readers and copied text; flex layout ignores them.
            <li key={tool.id} className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
              <span className="rounded bg-surface-2 px-1.5 font-mono text-[11px]">{tool.name}</span>{" "}
              {tool.command !== undefined ? (
                <span className="min-w-0 font-mono text-xs break-words">
                  <span aria-hidden className="text-ink-3">
                    ${" "}
                  </span>
                  <code>{tool.command}</code>
                </span>
              ) : (
                <span className="min-w-0 break-words">{tool.title}</span>
              )}{" "}
              <span className={`rounded-full px-1.5 text-[11px] font-medium whitespace-nowrap ${STATE_CHIP[tool.state]}`}>{tool.statusText}</span>
              {tool.durationText && (
                <>
                  {" "}
                  <span className="font-mono text-[11px] whitespace-nowrap text-ink-3">{tool.durationText}</span>
                </>
              )}
              {tool.error && (
                <div className="min-w-0 basis-full text-xs break-words text-bad">
                  <ClippedText text={tool.error} what="error" />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <p role="note" aria-label="Run summary" className="text-xs text-ink-3">
        {summary.footer}
      </p>
    </section>
  );
}
