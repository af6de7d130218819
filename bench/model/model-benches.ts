/**
 * The run model's benchmarks: the fold and the reload replay, each measured
 * side by side with the floor it cannot go below (reading the same data).
 * Engine-neutral: bench/model/node-entry.ts runs them in Node, the bench page
 * (bench/render/) runs the very same code in Chromium, where the app runs.
 */
import { groupSteps } from "@/features/runs/model/group-steps";
import { runsFromHistory } from "@/features/runs/model/history-to-runs";
import { mergeRunSources } from "@/features/runs/model/merge-run-sources";
import { deriveRunOutcome } from "@/features/runs/model/run-outcome";
import type { RunTimeline } from "@/features/runs/model/run-timeline";
import { RunRegistry } from "@/features/runs/registry/run-registry";
import { foldRunSignals } from "@/features/runs/model/fold-run";
import { createRunFold, type RunFold } from "@/features/runs/model/fold-state";
import type { RunSignal } from "@/features/runs/model/run-signal";
import { runOfRecord } from "@/features/runs/store/run-log";
import { storedRunOf } from "@/features/runs/store/stored-run";
import type { StoredRunLog } from "@/lib/local-db";
import { errorBenches } from "./error-benches";
import { captureRawEvents, foldRawRun, foldRawStream, foldSignals, normalizeRaw, walkRaw, type RawEvent } from "../lib/captures";
import { buildLongRun, type LongRun } from "../lib/long-run";
import { buildLongSession } from "../lib/long-session";
import { sideBySide, sinkValue, type SideBySideOptions, type Summary } from "../lib/stats";

const CAPTURE_DIR = "../../src/testing/captures/";
const captures = import.meta.glob<string>("../../src/testing/captures/*.jsonl", { query: "?raw", import: "default", eager: true });

function capture(name: string): string {
  const text = captures[`${CAPTURE_DIR}${name}`];
  if (text === undefined) throw new Error(`bench: capture ${name} is missing`);
  return text;
}

export interface Entry {
  id: string;
  label: string;
  /** How the figures read: a rate (`events/s`, from `perOp` events per operation) or a duration per operation (`ms`). */
  unit: "events/s" | "ms";
  perOp?: number;
  /** Milliseconds per operation. */
  candidate: Summary;
  baseline?: Summary;
  candidateWhat: string;
  baselineWhat?: string;
  details?: Record<string, unknown>;
}

export interface ModelBenchOptions {
  samples: number;
  quick: boolean;
  only?: ReadonlyArray<"fold" | "replay">;
  log?: (line: string) => void;
}

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

/** The run log's records for these live signals, as the writer stores them (one fold per run) and IndexedDB returns them. */
function storedRecordsOf(signals: readonly RunSignal[]): StoredRunLog[] {
  const byRun = new Map<string, RunSignal[]>();
  for (const signal of signals) {
    const own = byRun.get(signal.runId) ?? [];
    own.push(signal);
    byRun.set(signal.runId, own);
  }
  return [...byRun].map(([runId, own]) => {
    const sessionKey = own[0]?.sessionKey ?? "";
    const run = storedRunOf(foldRunSignals(createRunFold(runId, { at: own[0]?.at, sessionKey }), own));
    const bytes = JSON.stringify(run).length;
    return structuredClone({ key: `bench|${sessionKey}|${runId}`, gatewayScope: "bench", sessionKey, runId, updatedAt: 0, usedAt: 0, bytes, stamp: "bench", format: 2 as const, run });
  });
}

export function runModelBenches(config: ModelBenchOptions): { entries: Entry[]; sink: number } {
  const options: SideBySideOptions = { samples: config.samples, minSampleMs: config.quick ? 30 : 80, warmupMs: config.quick ? 150 : 400 };
  const want = (group: "fold" | "replay") => config.only === undefined || config.only.includes(group);
  const entries: Entry[] = [];
  const add = (entry: Entry): void => {
    entries.push(entry);
    config.log?.(entry.label);
  };

  if (want("fold")) {
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

  if (want("replay")) {
    // 3. Replay a 200-turn session after reload.
    const live = [
      "a-text.jsonl",
      "b-tool-call-exec.jsonl",
      "c-rate-limit-429-recovered.jsonl",
      "c-rate-limit-429-exhausted.jsonl",
      "c-rate-limit-429-timeoutMs-not-honored.jsonl",
      "d-auth-401.jsonl",
      "d-auth-cooldown-after-401.jsonl",
      "e-timeout-hang-20s.jsonl",
      "sigterm-during-hang.jsonl",
      "sigterm-midrun.jsonl",
    ].filter((name) => captures[`${CAPTURE_DIR}${name}`] !== undefined);
    const session = buildLongSession(capture("history-after-sigterm-restart.jsonl"), live.map(capture), 200);
    const sessionKey = session.sessionKey;
    // The records the run log holds for these runs, as IndexedDB hands them back (a structured clone); reading the database is not timed.
    const records = storedRecordsOf(session.localLog);
    const recordBytes = records.reduce((sum, record) => sum + record.bytes, 0);
    /** What the page does with them: each record checked and restored (runOfRecord), then read into the registry. */
    const readLog = (registry: RunRegistry): void => {
      const runs: RunFold[] = [];
      for (const record of records) {
        const run = runOfRecord(record);
        if (run) runs.push(run);
      }
      registry.localLogRead(runs, sessionKey);
    };

    const rebuild = (): RunTimeline[] => {
      const data = JSON.parse(session.payloadJson) as { messages: unknown[]; activity?: unknown; inFlightRun?: unknown; sessionInfo?: unknown };
      return runsFromHistory(data.messages, { sessionKey, activity: data.activity, inFlightRun: data.inFlightRun, sessionInfo: data.sessionInfo });
    };
    /** What the registry does with the local log after a reload: everything folded at once. */
    const replayLog = (): Record<string, RunTimeline> => {
      const registry = new RunRegistry({ readLocalLog: () => Promise.resolve([]), recordLocalLog: () => {} });
      readLog(registry);
      const runs: Record<string, RunTimeline> = {};
      for (const run of registry.sessionRuns(sessionKey).runs) runs[run.runId] = run;
      return runs;
    };
    /** What each assistant turn then does: merge history with the local run, derive the outcome. */
    const settle = (historyRuns: readonly RunTimeline[], liveRuns: Record<string, RunTimeline>): number => {
      let n = 0;
      for (const historyRun of historyRuns) {
        const local = liveRuns[historyRun.runId];
        const run = local ? mergeRunSources(historyRun, local) : historyRun;
        n += deriveRunOutcome(run, { now: run.lastEventAt, connection: "online" }).kind.length + run.steps.length;
      }
      return n;
    };
    /** A reload as the page does it: the local log and the history read into a fresh registry, then every turn read and judged. */
    const reload = (turnRunIds: readonly string[]): number => {
      const payload = JSON.parse(session.payloadJson) as { messages: unknown[]; activity?: unknown; inFlightRun?: unknown; sessionInfo?: { activeRunIds?: string[] } };
      const registry = new RunRegistry({ readLocalLog: () => Promise.resolve([]), recordLocalLog: () => {} });
      readLog(registry);
      registry.historyLoaded(sessionKey, {
        requestedAt: Date.now(),
        messages: payload.messages,
        activity: payload.activity,
        inFlightRunRaw: payload.inFlightRun,
        sessionInfoRaw: payload.sessionInfo,
        inFlightRun: null,
        activeRunIds: payload.sessionInfo?.activeRunIds ?? [],
        hasActiveRun: false,
      });
      let n = 0;
      for (const runId of turnRunIds) {
        const run = registry.getRun(runId);
        if (run) n += deriveRunOutcome(run, { now: run.lastEventAt, connection: "online" }).kind.length + run.steps.length;
      }
      return n;
    };
    const parseOnly = (): number => (JSON.parse(session.payloadJson) as { messages: unknown[] }).messages.length;

    const historyRuns = rebuild();
    const liveRuns = replayLog();
    if (historyRuns.length !== session.turns) throw new Error(`bench: ${session.turns} turns rebuilt as ${historyRuns.length} runs`);
    const turnRunIds = historyRuns.map((run) => run.runId);
    const outcomes: Record<string, number> = {};
    for (const historyRun of historyRuns) {
      const local = liveRuns[historyRun.runId];
      const run = local ? mergeRunSources(historyRun, local) : historyRun;
      const kind = deriveRunOutcome(run, { now: run.lastEventAt, connection: "online" }).kind;
      outcomes[kind] = (outcomes[kind] ?? 0) + 1;
    }

    const baselineWhat = "JSON.parse of the same chat.history payload";
    add({
      id: "replay-200",
      label: "replay 200-turn session",
      unit: "ms",
      ...sideBySide(() => reload(turnRunIds), parseOnly, options),
      candidateWhat:
        "JSON.parse + a fresh RunRegistry: the local log's stored runs checked, restored and read in, history loaded (runsFromHistory, reconciliation), every turn's merged run and outcome",
      baselineWhat,
      details: {
        turns: session.turns,
        messages: session.messages,
        payloadBytes: session.payloadJson.length,
        loggedRuns: session.loggedRuns,
        localLogSignals: session.localLog.length,
        storedRecordBytes: recordBytes,
        outcomes,
      },
    });
    const parts: Array<[string, string, string, () => number]> = [
      ["replay-200.history", "  · history → runs", "JSON.parse + runsFromHistory", () => rebuild().length],
      ["replay-200.log", "  · local log → registry", "every stored run checked and restored (runOfRecord), then RunRegistry.localLogRead", () => Object.keys(replayLog()).length],
      ["replay-200.merge", "  · merge + outcomes", "mergeRunSources + deriveRunOutcome for 200 turns", () => settle(historyRuns, liveRuns)],
    ];
    for (const [id, label, what, fn] of parts) add({ id, label, unit: "ms", ...sideBySide(fn, parseOnly, options), candidateWhat: what, baselineWhat });
  }
  return { entries, sink: sinkValue() };
}
