/**
 * Test-only builders for synthetic runs: signals without the noise of real
 * frames, and a seeded shuffle so "any order" tests are reproducible.
 */
import type { RunSignal, RunSignalBody, SignalSource } from "./run-signal";
import type { RunTimeline, TimelineStep } from "./run-timeline";

export const T0 = 1_800_000_000_000;

/** `at` is milliseconds after T0. */
export function signalOf(runId: string, at: number, body: RunSignalBody, extra: Partial<Pick<RunSignal, "runSeq" | "source">> = {}): RunSignal {
  return { ...body, runId, at: T0 + at, source: extra.source ?? ("live" satisfies SignalSource), runSeq: extra.runSeq };
}

/** Signals for a run that says something and calls no tool. */
export function replyOnlyRun(runId: string, reply: string): RunSignal[] {
  return [
    signalOf(runId, 0, { kind: "queued" }),
    signalOf(runId, 100, { kind: "lifecycle-start" }, { runSeq: 1 }),
    signalOf(runId, 150, { kind: "model-selected", provider: "kimi-coding", model: "k2p5" }, { runSeq: 2 }),
    signalOf(runId, 400, { kind: "assistant-text", text: reply, segmentId: "s1" }, { runSeq: 3 }),
    signalOf(runId, 500, { kind: "lifecycle-end", aborted: false, stopReason: "stop" }, { runSeq: 4 }),
    signalOf(runId, 510, { kind: "chat-final", stopReason: "stop", text: reply }, { runSeq: 4 }),
  ];
}

export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const copy = items.slice();
  let state = seed;
  for (let index = copy.length - 1; index > 0; index -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const other = state % (index + 1);
    const a = copy[index] as T;
    copy[index] = copy[other] as T;
    copy[other] = a;
  }
  return copy;
}

/** A run made of these steps (absolute times), created at T0 and ended `end` ms after it (still running when undefined). */
export function runOfSteps(steps: TimelineStep[], end: number | undefined): RunTimeline {
  return {
    runId: "r",
    status: end === undefined ? "running" : "ended",
    phase: end === undefined ? { kind: "thinking" } : { kind: "ended" },
    createdAt: T0,
    ...(end !== undefined ? { endedAt: T0 + end } : {}),
    lastEventAt: T0 + (end ?? Math.max(...steps.map((step) => step.at - T0))),
    lastEventLabel: "",
    text: "",
    thinking: "",
    steps,
    stats: { signals: steps.length, unknown: 0, extraTerminals: 0 },
  };
}
