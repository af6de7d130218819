/**
 * Where a run's time went, as parts that add up exactly to its duration: the
 * DevTools Timing tab for an agent run. Each millisecond of the waterfall's
 * axis goes to one part; where bars overlap, the first of these wins:
 * disconnected (nothing is known of that time), retry waits (the gateway said
 * it was idle), tools (the model waits for their results), model, queued.
 * Time no bar covers (after the model's last call, or a live run's silence)
 * is "Other", so nothing is hidden in another part. Missed-event gaps overlay
 * the others and take no time of their own.
 */
import type { RunWaterfall, WaterfallBarKind } from "./run-waterfall";

export type LatencyPartKind = "queued" | "model" | "tools" | "retry-waits" | "disconnected" | "other";

export interface LatencyPart {
  kind: LatencyPartKind;
  label: string;
  ms: number;
}

export interface LatencyBreakdown {
  durationMs: number;
  /** Parts with time, in PART_ORDER; their `ms` sum to `durationMs`. */
  parts: LatencyPart[];
}

const PART_ORDER: readonly LatencyPartKind[] = ["queued", "model", "tools", "retry-waits", "disconnected", "other"];

const LABELS: Record<LatencyPartKind, string> = {
  queued: "Queued",
  model: "Model",
  tools: "Tools",
  "retry-waits": "Retry waits",
  disconnected: "Disconnected",
  other: "Other",
};

/** Lower wins an overlap. */
const PRIORITY: Record<Exclude<LatencyPartKind, "other">, number> = { disconnected: 0, "retry-waits": 1, tools: 2, model: 3, queued: 4 };

const PART_OF: Record<WaterfallBarKind, Exclude<LatencyPartKind, "other"> | undefined> = {
  queued: "queued",
  "model-wait": "model",
  "model-stream": "model",
  tool: "tools",
  "tool-error": "tools",
  "retry-wait": "retry-waits",
  disconnected: "disconnected",
  gap: undefined,
  reconnected: undefined,
  restart: undefined,
};

interface Span {
  part: Exclude<LatencyPartKind, "other">;
  startMs: number;
  endMs: number;
}

export function latencyBreakdown(waterfall: RunWaterfall): LatencyBreakdown {
  const spans: Span[] = [];
  for (const bar of [...waterfall.lanes.flatMap((lane) => lane.bars), ...waterfall.connection]) {
    const part = PART_OF[bar.kind];
    if (part !== undefined && bar.endMs > bar.startMs) spans.push({ part, startMs: bar.startMs, endMs: bar.endMs });
  }
  const cuts = [...new Set([0, waterfall.durationMs, ...spans.flatMap((span) => [span.startMs, span.endMs])])]
    .filter((cut) => cut >= 0 && cut <= waterfall.durationMs)
    .sort((a, b) => a - b);
  const totals = new Map<LatencyPartKind, number>();
  for (let index = 1; index < cuts.length; index += 1) {
    const from = cuts[index - 1] ?? 0;
    const to = cuts[index] ?? from;
    const owner = spans
      .filter((span) => span.startMs <= from && span.endMs >= to)
      .reduce<Span["part"] | undefined>((best, span) => (best === undefined || PRIORITY[span.part] < PRIORITY[best] ? span.part : best), undefined);
    const kind = owner ?? "other";
    totals.set(kind, (totals.get(kind) ?? 0) + (to - from));
  }
  return {
    durationMs: waterfall.durationMs,
    parts: PART_ORDER.flatMap((kind) => {
      const ms = totals.get(kind) ?? 0;
      return ms > 0 ? [{ kind, label: LABELS[kind], ms }] : [];
    }),
  };
}
