/**
 * The fold benchmarks: 5,000 events of one run and where the time goes, the
 * same run ten times longer (the fold must stay linear), every real capture,
 * and a 1 MB error, each beside the floor of reading the same frames.
 */
import { groupSteps } from "@/features/runs/model/group-steps";
import { deriveRunOutcome } from "@/features/runs/model/run-outcome";
import type { RunTimeline } from "@/features/runs/model/run-timeline";
import { captureRawEvents, foldRawRun, foldRawStream, foldSignals, normalizeRaw, walkRaw, type RawEvent } from "../lib/captures";
import { buildLongRun, type LongRun } from "../lib/long-run";
import { sideBySide, type SideBySideOptions } from "../lib/stats";
import { capture, captures } from "./capture-files";
import { errorBenches } from "./error-benches";
import type { Entry } from "./model-benches";

/** Folds a long run once and checks it came out as built, so a broken fold cannot post a fast figure. */
function checkedFold(run: LongRun): RunTimeline {
  const folded = foldRawRun(run.runId, run.events);
  const outcome = deriveRunOutcome(folded, { now: folded.lastEventAt, connection: "online" });
  if (folded.steps.length < 100 || (outcome.kind !== "completed" && outcome.kind !== "degraded")) {
    throw new Error(`bench: the ${run.events.length}-event run folded to ${folded.steps.length} steps, ${outcome.kind}`);
  }
  return folded;
}

function countKinds(steps: RunTimeline["steps"]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const step of steps) counts[step.kind] = (counts[step.kind] ?? 0) + 1;
  return counts;
}

export function foldBenches(options: SideBySideOptions, add: (entry: Entry) => void): void {
  // 1. Fold throughput: 5,000 events of one run, and where the time goes.
  const tool = capture("b-tool-call-exec.jsonl");
  const retry = capture("c-rate-limit-429-recovered.jsonl");
  const long = buildLongRun(tool, retry, { events: 5_000, ended: true });
  const folded = checkedFold(long);
  const baselineWhat = "JSON.parse of the same frames + a visit of every value";
  add({
    id: "fold-5000",
    label: "fold 5,000 events",
    unit: "events/s",
    perOp: long.events.length,
    ...sideBySide(
      () => foldRawRun(long.runId, long.events).steps.length,
      () => walkRaw(long.events),
      options,
    ),
    candidateWhat: "JSON.parse + normalizeGatewayEvent + foldRunSignal of 5,000 frames into one run, read once as a RunTimeline",
    baselineWhat,
    details: {
      bytes: long.events.reduce((sum, event) => sum + event.line.length, 0),
      signals: folded.stats.signals,
      steps: folded.steps.length,
      rows: groupSteps(folded.steps).length,
      stepKinds: countKinds(folded.steps),
      outcome: deriveRunOutcome(folded, { now: folded.lastEventAt, connection: "online" }).kind,
    },
  });
  const signals = normalizeRaw(long.events);
  const parts: Array<[string, string, string, () => number]> = [
    ["fold-5000.normalize", "  · JSON.parse + normalize", "JSON.parse + normalizeGatewayEvent of the 5,000 frames, no fold", () => normalizeRaw(long.events).length],
    ["fold-5000.fold", "  · fold alone", "foldRunSignal of the 5,000 frames' signals (normalized beforehand) + one RunTimeline read", () => foldSignals(long.runId, signals).steps.length],
  ];
  for (const [id, label, what, fn] of parts) {
    add({ id, label, unit: "events/s", perOp: long.events.length, ...sideBySide(fn, () => walkRaw(long.events), options), candidateWhat: what, baselineWhat });
  }

  // 1a. Ten times longer: the fold's cost per event must not grow with the run.
  const longer = buildLongRun(tool, retry, { events: 50_000, ended: true });
  const foldedLonger = checkedFold(longer);
  add({
    id: "fold-50000",
    label: "fold 50,000 events",
    unit: "events/s",
    perOp: longer.events.length,
    ...sideBySide(
      () => foldRawRun(longer.runId, longer.events).steps.length,
      () => walkRaw(longer.events),
      options,
    ),
    candidateWhat: "the same path over a 50,000-frame run built the same way",
    baselineWhat,
    details: { bytes: longer.events.reduce((sum, event) => sum + event.line.length, 0), signals: foldedLonger.stats.signals, steps: foldedLonger.steps.length },
  });
  add({
    id: "fold-50000.linear",
    label: "  · 50,000 ÷ 5,000 events",
    unit: "ms",
    ...sideBySide(
      () => foldRawRun(longer.runId, longer.events).steps.length,
      () => foldRawRun(long.runId, long.events).steps.length,
      options,
    ),
    candidateWhat: "folding the 50,000-event run",
    baselineWhat: "folding the 5,000-event run: a linear fold has ratio 10×",
  });

  // 1b. The real recordings, unchanged.
  const all: RawEvent[][] = Object.keys(captures)
    .sort()
    .map((path) => captureRawEvents(captures[path] ?? ""))
    .filter((events) => events.length > 0);
  const events = all.reduce((sum, list) => sum + list.length, 0);
  let runs = 0;
  for (const list of all) runs += foldRawStream(list).size;
  add({
    id: "fold-captures",
    label: `fold real captures (${events} events)`,
    unit: "events/s",
    perOp: events,
    ...sideBySide(
      () => {
        let steps = 0;
        for (const list of all) for (const run of foldRawStream(list).values()) steps += run.steps.length;
        return steps;
      },
      () => {
        let nodes = 0;
        for (const list of all) nodes += walkRaw(list);
        return nodes;
      },
      options,
    ),
    candidateWhat: "every event frame of every capture parsed, normalized and folded per run",
    baselineWhat: "the same frames parsed and walked",
    details: { files: all.length, runs },
  });
  for (const entry of errorBenches(options)) add(entry);
}
