/**
 * Reading the real gateway recordings (src/testing/captures/*.jsonl) as the
 * benchmarks need them: event frames as the raw text a socket delivers, with
 * the time the client received them. Works in Node and in the browser (the
 * capture text is passed in, imported with Vite's `?raw`).
 */
import { foldRunSignal } from "@/features/runs/model/fold-run";
import { createRunFold, runTimeline, type RunFold } from "@/features/runs/model/fold-state";
import { normalizeGatewayEvent, type GatewayEventFrame } from "@/features/runs/model/normalize-gateway-event";
import type { RunSignal } from "@/features/runs/model/run-signal";
import type { RunTimeline } from "@/features/runs/model/run-timeline";

export type Rec = Record<string, unknown>;

export interface CaptureLine {
  ts: string;
  dir: string;
  frame?: Rec;
}

/** One event frame as received: the socket message text and the client's receive time. */
export interface RawEvent {
  line: string;
  receivedAt: number;
}

export function parseCapture(text: string): CaptureLine[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as CaptureLine);
}

export function isRec(value: unknown): value is Rec {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every event frame the gateway sent, in arrival order, as parsed objects. */
export function captureEventFrames(text: string): Array<{ frame: Rec; receivedAt: number }> {
  return parseCapture(text)
    .filter((line) => line.dir === "in" && line.frame?.type === "event" && typeof line.frame.event === "string")
    .map((line) => ({ frame: line.frame as Rec, receivedAt: Date.parse(line.ts) }));
}

export function captureRawEvents(text: string): RawEvent[] {
  return captureEventFrames(text).map(({ frame, receivedAt }) => ({ line: JSON.stringify(frame), receivedAt }));
}

/** What the client does with a parsed socket message before the run model sees it. */
export function toGatewayEvent(message: unknown): GatewayEventFrame | undefined {
  if (!isRec(message) || message.type !== "event" || typeof message.event !== "string") return undefined;
  return { event: message.event, payload: message.payload, seq: typeof message.seq === "number" ? message.seq : undefined };
}

/** The measured path for one run: parse each message, normalize it, fold its signals, read the timeline once. */
export function foldRawRun(runId: string, events: readonly RawEvent[]): RunTimeline {
  let run = createRunFold(runId);
  for (const event of events) {
    const frame = toGatewayEvent(JSON.parse(event.line));
    if (frame === undefined) continue;
    for (const signal of normalizeGatewayEvent(frame, event.receivedAt)) run = foldRunSignal(run, signal);
  }
  return runTimeline(run);
}

/** The first half of that path: parse and normalize, no fold. */
export function normalizeRaw(events: readonly RawEvent[]): RunSignal[] {
  const signals: RunSignal[] = [];
  for (const event of events) {
    const frame = toGatewayEvent(JSON.parse(event.line));
    if (frame !== undefined) signals.push(...normalizeGatewayEvent(frame, event.receivedAt));
  }
  return signals;
}

/** The second half: the fold alone, over signals normalized beforehand. */
export function foldSignals(runId: string, signals: readonly RunSignal[]): RunTimeline {
  let run = createRunFold(runId);
  for (const signal of signals) run = foldRunSignal(run, signal);
  return runTimeline(run);
}

/** The same path for a stream that mixes runs (as a real socket does): one timeline per runId. */
export function foldRawStream(events: readonly RawEvent[]): Map<string, RunTimeline> {
  const runs = new Map<string, RunFold>();
  for (const event of events) {
    const frame = toGatewayEvent(JSON.parse(event.line));
    if (frame === undefined) continue;
    for (const signal of normalizeGatewayEvent(frame, event.receivedAt)) {
      const current = runs.get(signal.runId) ?? createRunFold(signal.runId, { at: signal.at, sessionKey: signal.sessionKey });
      runs.set(signal.runId, foldRunSignal(current, signal));
    }
  }
  return new Map([...runs].map(([runId, run]) => [runId, runTimeline(run)]));
}

/** The floor: the same messages parsed and every value visited once, with no model work. */
export function walkRaw(events: readonly RawEvent[]): number {
  let nodes = 0;
  const visit = (value: unknown): void => {
    nodes += 1;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (typeof value === "object" && value !== null) {
      for (const key in value) visit((value as Rec)[key]);
    }
  };
  for (const event of events) visit(JSON.parse(event.line));
  return nodes;
}

export function signalsOf(text: string): RunSignal[] {
  return captureEventFrames(text).flatMap(({ frame, receivedAt }) => {
    const event = toGatewayEvent(frame);
    return event ? normalizeGatewayEvent(event, receivedAt) : [];
  });
}
