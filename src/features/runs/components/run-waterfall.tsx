import { useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";
import { latencyBreakdown, type LatencyPartKind } from "../model/latency-breakdown";
import { buildRunWaterfall, describeBar, formatSpan, type WaterfallBar, type WaterfallBarKind } from "../model/run-waterfall";
import type { RunTimeline } from "../model/run-timeline";

const HATCH = "bg-[image:repeating-linear-gradient(135deg,currentColor_0_2px,transparent_2px_6px)]";

const BAR_STYLE: Record<WaterfallBarKind, string> = {
  queued: "bg-ink-3/40",
  "model-wait": "bg-accent/35",
  "model-stream": "bg-accent",
  tool: "bg-ok",
  "tool-error": "bg-bad",
  "retry-wait": "bg-warn",
  gap: `text-ink-3 ${HATCH}`,
  disconnected: `bg-bad-soft text-bad ${HATCH}`,
  reconnected: "bg-ok",
  restart: "bg-ink",
};

const PART_STYLE: Record<LatencyPartKind, string> = {
  queued: "bg-ink-3/40",
  model: "bg-accent",
  tools: "bg-ok",
  "retry-waits": "bg-warn",
  disconnected: "bg-bad",
  other: "bg-surface-2",
};

const HINT = "Hover or focus a bar for its exact times; arrow keys move between bars.";

function percent(ms: number, durationMs: number): number {
  return durationMs > 0 ? Math.round((ms / durationMs) * 100_000) / 1_000 : 0;
}

/** A moment (a reconnect) still gets a visible, focusable sliver, kept inside the track. */
function barPosition(bar: WaterfallBar, durationMs: number): CSSProperties {
  const left = percent(bar.startMs, durationMs);
  return { left: `min(${left}%, calc(100% - 3px))`, width: `${percent(bar.endMs - bar.startMs, durationMs)}%`, minWidth: 3 };
}

interface LaneProps {
  label: string;
  bars: WaterfallBar[];
  durationMs: number;
  empty?: string;
  /** The one bar that takes Tab (roving focus: the rest are reached with the arrow keys). */
  tabStopId: string | undefined;
  onShow(bar: WaterfallBar, focused: boolean): void;
  register(id: string, element: HTMLButtonElement | null): void;
}

function Lane({ label, bars, durationMs, empty, tabStopId, onShow, register }: LaneProps) {
  return (
    <div className="flex min-w-0 items-center gap-2">
      <span className="w-20 shrink-0 truncate text-[11px] text-ink-3" aria-hidden>
        {label}
      </span>
      <div role="group" aria-label={label} className="relative h-4 min-w-0 grow rounded-sm bg-surface-2">
        {bars.length === 0 && empty && <span className="absolute inset-0 px-1 text-[10px] leading-4 text-ink-3">{empty}</span>}
        {bars.map((bar) => {
          const text = describeBar(bar);
          return (
            <button
              key={bar.id}
              ref={(element) => register(bar.id, element)}
              type="button"
              tabIndex={bar.id === tabStopId ? 0 : -1}
              aria-label={text}
              title={text}
              onMouseEnter={() => onShow(bar, false)}
              onFocus={() => onShow(bar, true)}
              onClick={() => onShow(bar, true)}
              style={barPosition(bar, durationMs)}
              className={`absolute inset-y-0 rounded-sm ${BAR_STYLE[bar.kind]}`}
            />
          );
        })}
      </div>
    </div>
  );
}

const STEP_KEYS: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index, count) => Math.min(count - 1, index + 1),
  ArrowDown: (index, count) => Math.min(count - 1, index + 1),
  ArrowLeft: (index) => Math.max(0, index - 1),
  ArrowUp: (index) => Math.max(0, index - 1),
  Home: () => 0,
  End: (_index, count) => count - 1,
};

/**
 * The run on a real time axis: one lane per kind of work, bars sized as a share
 * of the run's duration (so it never scrolls sideways), the connection lane
 * under it, and where the time went as one stacked bar with its numbers.
 */
export function RunWaterfall({ run, now }: { run: RunTimeline; now: number }) {
  const waterfall = useMemo(() => buildRunWaterfall(run, now), [run, now]);
  const breakdown = useMemo(() => latencyBreakdown(waterfall), [waterfall]);
  const [shown, setShown] = useState<string>();
  const [focusedId, setFocusedId] = useState<string>();
  const bars = useRef(new Map<string, HTMLButtonElement>());
  const all = useMemo(() => [...waterfall.lanes.flatMap((lane) => lane.bars), ...waterfall.connection], [waterfall]);
  const order = useMemo(() => all.map((bar) => bar.id), [all]);
  const tabStopId = focusedId !== undefined && order.includes(focusedId) ? focusedId : order[0];
  const { durationMs } = waterfall;

  const show = (bar: WaterfallBar, focused: boolean) => {
    setShown(describeBar(bar));
    if (focused) setFocusedId(bar.id);
  };
  const register = (id: string, element: HTMLButtonElement | null) => {
    if (element) bars.current.set(id, element);
    else bars.current.delete(id);
  };
  // Leaving with the pointer goes back to the focused bar, if any, so hover never hides what focus shows.
  const unhover = () => {
    const focused = all.find((bar) => bars.current.get(bar.id) === document.activeElement);
    setShown(focused ? describeBar(focused) : undefined);
  };
  const move = (event: KeyboardEvent) => {
    const step = STEP_KEYS[event.key];
    const index = tabStopId === undefined ? -1 : order.indexOf(tabStopId);
    if (!step || index < 0 || !(event.target instanceof HTMLButtonElement)) return;
    event.preventDefault();
    const next = order[step(index, order.length)];
    if (next !== undefined) bars.current.get(next)?.focus();
  };

  const lane = (label: string, laneBars: WaterfallBar[], empty?: string) => (
    <Lane label={label} bars={laneBars} durationMs={durationMs} empty={empty} tabStopId={tabStopId} onShow={show} register={register} />
  );
  return (
    <section aria-label="Run waterfall" className="flex min-w-0 flex-col gap-1.5" onMouseLeave={unhover} onKeyDown={move}>
      {waterfall.lanes.map((each) => (
        <div key={each.id}>{lane(each.label, each.bars)}</div>
      ))}
      <div className="border-t border-dashed border-line pt-1.5">{lane("Connection", waterfall.connection, "connected throughout")}</div>
      <div aria-hidden className="flex justify-between pl-22 text-[10px] text-ink-3 tabular-nums">
        <span>0</span>
        <span>+{formatSpan(durationMs)}</span>
      </div>
      <p className="min-h-4 text-xs break-words text-ink-2">
        {shown ?? HINT}
      </p>
      <div role="group" aria-label="Where the time went" className="flex flex-col gap-1">
        <div aria-hidden className="flex h-2.5 overflow-hidden rounded-sm bg-surface-2">
          {breakdown.parts.map((part) => (
            <span key={part.kind} className={PART_STYLE[part.kind]} style={{ width: `${percent(part.ms, durationMs)}%` }} />
          ))}
        </div>
        <p className="flex flex-wrap gap-x-1 text-xs text-ink-2 tabular-nums">
          {breakdown.parts.map((part, index) => (
            <span key={part.kind} className="whitespace-nowrap">
              <span aria-hidden className={`mr-1 inline-block size-2 rounded-xs ${PART_STYLE[part.kind]}`} />
              {part.label} {formatSpan(part.ms)}
              {index < breakdown.parts.length - 1 ? " · " : ""}
            </span>
          ))}
        </p>
      </div>
    </section>
  );
}
