/**
 * Node side of `npm run bench`: the run model's fold and the reload replay,
 * each measured side by side with the floor it cannot go below (reading the
 * same data). bench/run.mjs builds this file with Vite and runs it in a fresh
 * `node --expose-gc`; it prints one JSON document on stdout.
 */
import { runsFromHistory } from "@/features/runs/model/history-to-runs";
import { groupSteps } from "@/features/runs/model/group-steps";
import { mergeRunSources } from "@/features/runs/model/merge-run-sources";
import { deriveRunOutcome } from "@/features/runs/model/run-outcome";
import type { RunTimeline } from "@/features/runs/model/run-timeline";
import { runsStore } from "@/features/runs/store/runs-store";
import { captureRawEvents, foldRawRun, foldRawStream, walkRaw, type RawEvent } from "../lib/captures";
import { buildLongRun } from "../lib/long-run";
import { buildLongSession } from "../lib/long-session";
import { sideBySide, sinkValue, type Pair, type SideBySideOptions, type Summary } from "../lib/stats";

const captures = import.meta.glob<string>("../../src/testing/captures/*.jsonl", { query: "?raw", import: "default", eager: true });

function capture(name: string): string {
  const text = captures[`../../src/testing/captures/${name}`];
  if (text === undefined) throw new Error(`bench: capture ${name} is missing`);
  return text;
}

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const samplesArg = args.indexOf("--samples");
const samples = samplesArg >= 0 ? Number(args[samplesArg + 1]) : quick ? 5 : 15;
const options: SideBySideOptions = { samples, minSampleMs: quick ? 30 : 80, warmupMs: quick ? 150 : 400 };

function countKinds(steps: RunTimeline["steps"]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const step of steps) counts[step.kind] = (counts[step.kind] ?? 0) + 1;
  return counts;
}

interface Entry {
  id: string;
  label: string;
  /** How candidate and baseline are expressed: a rate (`events/s`) or a duration (`ms`). */
  unit: "events/s" | "ms";
  /** Work per operation for rates (events), so medians in ms convert to events/s. */
  perOp?: number;
  candidate: Summary;
  baseline?: Summary;
  candidateWhat: string;
  baselineWhat?: string;
  details?: Record<string, unknown>;
}

const entries: Entry[] = [];
function add(entry: Entry): void {
  entries.push(entry);
  process.stderr.write(`  ✓ ${entry.label}\n`);
}

// 1. Fold throughput: 5,000 events of one run.
{
  const toolCapture = capture("b-tool-call-exec.jsonl");
  const retryCapture = capture("c-rate-limit-429-recovered.jsonl");
  const long = buildLongRun(toolCapture, retryCapture, { events: 5_000, ended: true });
  const folded = foldRawRun(long.runId, long.events);
  const outcome = deriveRunOutcome(folded, { now: folded.lastEventAt, connection: "online" });
  if (folded.steps.length < 100 || (outcome.kind !== "completed" && outcome.kind !== "degraded")) throw new Error(`bench: the long run folded to ${folded.steps.length} steps, ${outcome.kind}`);
  const pair: Pair = sideBySide(
    () => foldRawRun(long.runId, long.events).steps.length,
    () => walkRaw(long.events),
    options,
  );
  add({
    id: "fold-5000",
    label: "fold 5,000 events",
    unit: "events/s",
    perOp: long.events.length,
    ...pair,
    candidateWhat: "JSON.parse + normalizeGatewayEvent + foldRunSignal into one RunTimeline",
    baselineWhat: "JSON.parse + visit every value of the same frames",
    details: {
      events: long.events.length,
      bytes: long.events.reduce((sum, event) => sum + event.line.length, 0),
      signalsFolded: folded.stats.signals,
      steps: folded.steps.length,
      rows: groupSteps(folded.steps).length,
      stepKinds: countKinds(folded.steps),
      outcome: outcome.kind,
    },
  });
}

// 1b. Fold throughput on the real recordings, unchanged.
{
  const files = Object.keys(captures)
    .sort()
    .map((path) => ({ name: path.split("/").at(-1) ?? path, events: captureRawEvents(captures[path] ?? "") }))
    .filter((file) => file.events.length > 0);
  const all: RawEvent[][] = files.map((file) => file.events);
  const events = all.reduce((sum, list) => sum + list.length, 0);
  let runs = 0;
  for (const list of all) runs += foldRawStream(list).size;
  const pair = sideBySide(
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
  );
  add({
    id: "fold-captures",
    label: `fold real captures (${events} ev)`,
    unit: "events/s",
    perOp: events,
    ...pair,
    candidateWhat: "every event frame of every capture, parsed, normalized and folded per run",
    baselineWhat: "the same frames parsed and walked",
    details: { files: files.length, events, runs },
  });
}

// 3. Replay a 200-turn session after reload.
{
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
  ].filter((name) => captures[`../../src/testing/captures/${name}`] !== undefined);
  const session = buildLongSession(capture("history-after-sigterm-restart.jsonl"), live.map(capture), 200);
  const sessionKey = session.sessionKey;

  const rebuild = (): RunTimeline[] => {
    const data = JSON.parse(session.payloadJson) as { messages: unknown[]; activity?: unknown; inFlightRun?: unknown; sessionInfo?: unknown };
    return runsFromHistory(data.messages, { sessionKey, activity: data.activity, inFlightRun: data.inFlightRun, sessionInfo: data.sessionInfo });
  };
  const replayLog = (): Record<string, RunTimeline> => {
    runsStore.setState({ runs: {} });
    runsStore.getState().signalsReceived(session.localLog);
    return runsStore.getState().runs;
  };
  const settle = (historyRuns: readonly RunTimeline[], liveRuns: Record<string, RunTimeline>): number => {
    let n = 0;
    for (const historyRun of historyRuns) {
      const local = liveRuns[historyRun.runId];
      const run = local ? mergeRunSources(historyRun, local) : historyRun;
      const outcome = deriveRunOutcome(run, { now: run.status === "ended" ? run.lastEventAt : run.lastEventAt + 1_000, connection: "online" });
      n += outcome.kind.length + run.steps.length;
    }
    return n;
  };

  const historyRuns = rebuild();
  const liveRuns = replayLog();
  const kinds: Record<string, number> = {};
  for (const historyRun of historyRuns) {
    const local = liveRuns[historyRun.runId];
    const run = local ? mergeRunSources(historyRun, local) : historyRun;
    const kind = deriveRunOutcome(run, { now: run.lastEventAt, connection: "online" }).kind;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  if (historyRuns.length !== session.turns) throw new Error(`bench: ${session.turns} turns rebuilt as ${historyRuns.length} runs`);

  const parseOnly = (): number => (JSON.parse(session.payloadJson) as { messages: unknown[] }).messages.length;
  const pair = sideBySide(() => settle(rebuild(), replayLog()), parseOnly, options);
  add({
    id: "replay-200",
    label: "replay 200-turn session",
    unit: "ms",
    ...pair,
    candidateWhat: "JSON.parse history + runsFromHistory + local-log replay through runsStore + mergeRunSources + deriveRunOutcome per turn",
    baselineWhat: "JSON.parse of the same chat.history payload",
    details: {
      turns: session.turns,
      messages: session.messages,
      payloadBytes: session.payloadJson.length,
      loggedRuns: session.loggedRuns,
      localLogSignals: session.localLog.length,
      outcomes: kinds,
    },
  });
  const parts: Array<[string, string, () => number]> = [
    ["replay-200.history", "· history → runs", () => rebuild().length],
    ["replay-200.log", "· local-log replay (store)", () => Object.keys(replayLog()).length],
    ["replay-200.merge", "· merge + outcomes", () => settle(historyRuns, liveRuns)],
  ];
  for (const [id, label, fn] of parts) {
    add({ id, label, unit: "ms", ...sideBySide(fn, parseOnly, options), candidateWhat: label.replace(/^· /, ""), baselineWhat: "JSON.parse of the same chat.history payload" });
  }
}

process.stdout.write(`${JSON.stringify({ entries, sink: sinkValue() })}\n`);
