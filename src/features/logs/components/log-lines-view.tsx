import { useLayoutEffect, useRef, useState, type ReactNode } from "react";
import type { GatewayLogLevel, GatewayLogLine } from "@/lib/gateway-log-lines";
import { fieldsSummary, filterLogLines, LEVEL_CHOICES, logLinesClipboardText, NO_FILTER, type LevelChoice, type LineMark, type LogFilter } from "../model/run-log-lines";

const LEVEL_CHIP: Record<GatewayLogLevel, string> = {
  trace: "bg-surface-2 text-ink-3",
  debug: "bg-surface-2 text-ink-2",
  info: "bg-accent-soft text-accent",
  warn: "bg-warn-soft text-warn",
  error: "bg-bad-soft text-bad",
  fatal: "bg-bad text-bad-ink",
  unknown: "bg-surface-2 text-ink-3",
};

const LEVEL_WORDS: Record<LevelChoice, string> = {
  all: "All levels",
  trace: "Trace and up",
  debug: "Debug and up",
  info: "Info and up",
  warn: "Warnings and errors",
  error: "Errors only",
};

const MARK_WORDS: Record<LineMark, string> = { run: "this run", session: "this session", "provider-error": "provider error" };
const MARK_CHIP: Record<LineMark, string> = { run: "bg-accent-soft text-accent", session: "bg-surface-2 text-ink-2", "provider-error": "bg-bad-soft text-bad" };

function clockOf(time: number | undefined): string {
  if (time === undefined) return "—";
  const date = new Date(time);
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

export interface LogLinesViewProps {
  /** Accessible name of the list, e.g. "Gateway log lines for this run". */
  label: string;
  lines: readonly GatewayLogLine[];
  marksOf?: (line: GatewayLogLine) => LineMark[];
  secrets: readonly string[];
  /** Shown above the list: loading, errors, "following live". */
  status?: ReactNode;
  /** Extra toolbar controls (e.g. a follow switch). */
  controls?: ReactNode;
  emptyText: string;
  /** Show at most this many of the newest filtered lines; the copy takes the same lines. */
  maxShown?: number;
}

/** A filterable list of masked gateway log lines, newest last, that keeps to the bottom while new lines arrive. */
export function LogLinesView({ label, lines, marksOf, secrets, status, controls, emptyText, maxShown = 1_000 }: LogLinesViewProps) {
  const [filter, setFilter] = useState<LogFilter>(NO_FILTER);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");
  const filtered = filterLogLines(lines, filter);
  const shown = filtered.length > maxShown ? filtered.slice(filtered.length - maxShown) : filtered;
  const scroller = useRef<HTMLDivElement>(null);
  const pinnedToBottom = useRef(true);
  const newestId = shown.at(-1)?.id;

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && pinnedToBottom.current) element.scrollTop = element.scrollHeight;
  }, [shown.length, newestId]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(logLinesClipboardText(shown, secrets));
      setCopyState("copied");
    } catch {
      setCopyState("failed");
    }
    setTimeout(() => setCopyState("idle"), 2500);
  };

  return (
    <div className="flex min-h-0 flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <select
          aria-label="Minimum level"
          value={filter.minLevel}
          onChange={(event) => setFilter((current) => ({ ...current, minLevel: event.target.value as LevelChoice }))}
          className="rounded-md border border-line bg-surface px-1.5 py-1 text-xs text-ink"
        >
          {LEVEL_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {LEVEL_WORDS[choice]}
            </option>
          ))}
        </select>
        <input
          type="search"
          aria-label="Filter log lines"
          placeholder="Filter…"
          value={filter.text}
          onChange={(event) => setFilter((current) => ({ ...current, text: event.target.value }))}
          className="min-w-0 flex-1 rounded-md border border-line bg-surface px-2 py-1 text-xs text-ink placeholder:text-ink-3"
        />
        {controls}
        <button type="button" onClick={() => void copy()} disabled={shown.length === 0} aria-live="polite" className="shrink-0 rounded-md px-2 py-0.5 text-xs text-ink-2 hover:bg-surface-2 disabled:opacity-50">
          {copyState === "copied" ? "Copied" : copyState === "failed" ? "Copy failed" : "Copy lines"}
        </button>
      </div>
      <p className="text-[11px] text-ink-3">
        {filtered.length === lines.length ? `${lines.length} ${lines.length === 1 ? "line" : "lines"}` : `${filtered.length} of ${lines.length} lines`}
        {shown.length < filtered.length ? ` · showing the newest ${shown.length}` : ""}
        {status ? <> · {status}</> : null}
      </p>
      <div
        ref={scroller}
        onScroll={(event) => {
          const element = event.currentTarget;
          pinnedToBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
        }}
        // Scrollable, so keyboard users must be able to reach it to scroll it.
        role="region"
        aria-label={label}
        tabIndex={0}
        className="max-h-96 min-h-0 overflow-auto rounded-lg border border-line bg-canvas"
      >
        {shown.length === 0 ? (
          <p className="p-3 text-xs text-ink-3">{emptyText}</p>
        ) : (
          <ol aria-label={label} className="flex flex-col font-mono text-[11px] leading-snug">
            {shown.map((line) => (
              <LogLineRow key={line.id} line={line} marks={marksOf?.(line) ?? []} />
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}

function LogLineRow({ line, marks }: { line: GatewayLogLine; marks: LineMark[] }) {
  const summary = fieldsSummary(line.fields);
  const tone = marks.includes("provider-error") ? "bg-bad-soft/60" : marks.length > 0 ? "bg-accent-soft/50" : "";
  return (
    <li data-marked={marks.length > 0 ? marks.join(" ") : undefined} className={`flex flex-col gap-0.5 border-b border-line/60 px-2 py-1 last:border-b-0 ${tone}`}>
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
        <span className="text-ink-3">{clockOf(line.time)}</span>
        <span className={`rounded px-1 text-[10px] font-semibold uppercase ${LEVEL_CHIP[line.level]}`}>{line.level}</span>
        {line.subsystem && <span className="text-ink-3">{line.subsystem}</span>}
        {marks.map((mark) => (
          <span key={mark} className={`rounded-full px-1.5 font-sans text-[10px] font-medium ${MARK_CHIP[mark]}`}>
            {MARK_WORDS[mark]}
          </span>
        ))}
      </div>
      <span className="break-words whitespace-pre-wrap text-ink">{line.text}</span>
      {summary && <span className="break-all text-ink-2">{summary}</span>}
    </li>
  );
}
