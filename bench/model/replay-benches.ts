/**
 * The replay benchmark: a 200-turn session read back after a reload as the
 * page does it, and its three parts, each beside `JSON.parse` of its history.
 */
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
import { buildLongSession } from "../lib/long-session";
import { sideBySide, type SideBySideOptions } from "../lib/stats";
import { capture, hasCapture } from "./capture-files";
import type { Entry } from "./model-benches";

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

export function replayBenches(options: SideBySideOptions, add: (entry: Entry) => void): void {
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
  ].filter(hasCapture);
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
