import { IDBFactory } from "fake-indexeddb";
import { beforeEach, describe, expect, it } from "vitest";
import { resetLocalDbForTests } from "@/lib/local-db";
import { readdirSync } from "node:fs";
import { boundedToString } from "../model/bounded-text";
import { captureRunId, captureSignals } from "../model/capture-fixtures";
import { foldRunSignals } from "../model/fold-run";
import { createRunFold, runTimeline } from "../model/fold-state";
import { deriveRunOutcome } from "../model/run-outcome";
import type { RunSignal } from "../model/run-signal";
import { stepsOfKind, type RunTimeline } from "../model/run-timeline";
import { compactSignals, createRunLogWriter, MAX_RUNS_PER_SESSION, MAX_SIGNALS_PER_RUN, readSessionRunLogs } from "./run-log";

function live(runId: string, at: number, body: Partial<RunSignal> & Pick<RunSignal, "kind">, sessionKey = "agent:main:s"): RunSignal {
  return { runId, at, source: "live", sessionKey, ...body } as RunSignal;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetLocalDbForTests();
});

/** The log's older rule, for comparison: only streamed text compacted. */
function compactTextOnly(signals: readonly RunSignal[]): RunSignal[] {
  const lastText = new Map<string, RunSignal>();
  for (const signal of signals) if (signal.kind === "assistant-text" || signal.kind === "thinking-text") lastText.set(signal.kind, signal);
  return signals.filter((signal) => (signal.kind !== "assistant-text" && signal.kind !== "thinking-text") || lastText.get(signal.kind) === signal);
}

describe("run log", () => {
  it("keeps what the browser saw, per session, and replays it marked as local", async () => {
    const writer = createRunLogWriter("ws://gw");
    writer.record([
      live("r1", 1, { kind: "retry", attempt: 1, maxAttempts: 10, reason: "rate_limit" }),
      live("r1", 2, { kind: "disconnected", code: 1012, reason: "service restart" }),
      { ...live("r1", 3, { kind: "chat-final" }), source: "history" },
      live("r2", 4, { kind: "queued" }, "agent:main:other"),
    ]);
    await writer.flush();
    const replay = await readSessionRunLogs("ws://gw", "agent:main:s");
    expect(replay.map((signal) => [signal.kind, signal.source])).toEqual([
      ["retry", "local-log"],
      ["disconnected", "local-log"],
    ]);
    expect(await readSessionRunLogs("ws://other-gw", "agent:main:s")).toEqual([]);
  });

  it("forgets one session's runs, including those not yet written, and keeps the rest", async () => {
    const writer = createRunLogWriter("ws://gw");
    writer.record([live("r1", 1, { kind: "queued" }), live("r2", 2, { kind: "queued" }, "agent:main:other")]);
    await writer.flush();
    writer.record([live("r3", 3, { kind: "queued" })]);
    await writer.forget("agent:main:s");
    await writer.flush();
    expect(await readSessionRunLogs("ws://gw", "agent:main:s")).toEqual([]);
    expect((await readSessionRunLogs("ws://gw", "agent:main:other")).map((signal) => signal.runId)).toEqual(["r2"]);
  });

  it("appends across flushes", async () => {
    const writer = createRunLogWriter("ws://gw");
    writer.record([live("r1", 1, { kind: "queued" })]);
    await writer.flush();
    writer.record([live("r1", 2, { kind: "chat-final" })]);
    await writer.flush();
    expect((await readSessionRunLogs("ws://gw", "agent:main:s")).map((s) => s.kind)).toEqual(["queued", "chat-final"]);
  });

  it("keeps only the newest streamed text and bounds each run", () => {
    const text = Array.from({ length: 50 }, (_, i) => live("r1", i, { kind: "assistant-text", text: "x".repeat(i) }));
    const compacted = compactSignals([live("r1", 0, { kind: "queued" }), ...text]);
    expect(compacted).toHaveLength(2);
    expect(compacted[1]).toMatchObject({ kind: "assistant-text", at: 49 });
    const many = Array.from({ length: MAX_SIGNALS_PER_RUN + 500 }, (_, i) => live("r1", i, { kind: "unknown", event: String(i) }));
    const bounded = compactSignals(many);
    expect(bounded).toHaveLength(MAX_SIGNALS_PER_RUN);
    expect(bounded[0]?.at).toBe(0);
    expect(bounded.at(-1)?.at).toBe(MAX_SIGNALS_PER_RUN + 499);
  });

  it("keeps only the newest status and activity, and a replay of what it keeps shows every captured run as if it kept them all", () => {
    for (const capture of readdirSync(new URL("../../../testing/captures/", import.meta.url)).filter((name) => name.endsWith(".jsonl"))) {
      const signals = captureSignals(capture);
      for (const runId of new Set(signals.map((signal) => signal.runId))) {
        const own = signals.filter((signal) => signal.runId === runId);
        const kept = compactSignals(own);
        // Besides the run's first signal, which dates it.
        const later = kept.slice(1);
        expect(later.filter((signal) => signal.kind === "status").length).toBeLessThanOrEqual(1);
        expect(later.filter((signal) => signal.kind === "activity").length).toBeLessThanOrEqual(1);
        const whole = runTimeline(foldRunSignals(createRunFold(runId), compactTextOnly(own)));
        const replayed = runTimeline(foldRunSignals(createRunFold(runId), kept));
        const seen = (run: RunTimeline) => ({
          ...run,
          stats: undefined,
          outcome: deriveRunOutcome(run, { now: run.lastEventAt + 60_000, connection: "online" }),
        });
        expect(seen(replayed), `${capture} ${runId}`).toEqual(seen(whole));
      }
    }
  });

  it("keeps one snapshot of a command's live output, and a replay of the log shows the same output as every signal did", () => {
    const capture = "f-slowtool-live-output.jsonl";
    const runId = captureRunId(capture);
    const own = captureSignals(capture, runId);
    const kept = compactSignals(own);
    const liveOutput = (signals: readonly RunSignal[]) => signals.filter((signal) => signal.kind === "tool-update" || (signal.kind === "command-output" && signal.phase === "delta"));
    expect(liveOutput(own).length).toBeGreaterThanOrEqual(8);
    expect(liveOutput(kept)).toHaveLength(1);
    const toolOf = (signals: readonly RunSignal[]) => stepsOfKind(runTimeline(foldRunSignals(createRunFold(runId), signals)).steps, "tool");
    expect(toolOf(kept)).toEqual(toolOf(own));
    expect(toolOf(kept)[0] && boundedToString(toolOf(kept)[0]!.output)).toBe("step 1\nstep 2\nstep 3\nstep 4\nstep 5\nstep 6\nstep 7\nstep 8\n");
    // Stored once more after the run ended, the log does not grow.
    expect(compactSignals(kept)).toEqual(kept);
  });

  it("keeps the live output a running tool needs, and chunks until a snapshot replaces them", () => {
    const start = live("r1", 1, { kind: "tool-start", toolCallId: "c", name: "exec" });
    const chunk = (at: number, text: string) => live("r1", at, { kind: "command-output", phase: "delta", toolCallId: "c", chunk: text });
    const snapshot = (at: number, text: string) => live("r1", at, { kind: "command-output", phase: "delta", toolCallId: "c", output: text });
    expect(compactSignals([start, chunk(2, "a\n"), chunk(3, "b\n")])).toHaveLength(3);
    const end = live("r1", 9, { kind: "tool-result", toolCallId: "c", isError: false, resultText: "a\nb" });
    // The chunk is replaced by the snapshot after it; the trimmed copy and the chunk after the snapshot change nothing.
    expect(compactSignals([start, chunk(2, "a\n"), snapshot(3, "a\nb\n"), snapshot(4, "a\nb"), chunk(5, "c\n"), end]).map((signal) => signal.at)).toEqual([1, 3, 9]);
    // The newest signal of a running tool stays, even when it changed nothing: it says when the run was last heard from.
    expect(compactSignals([start, snapshot(3, "a\nb\n"), snapshot(4, "a\nb")]).map((signal) => signal.at)).toEqual([1, 3, 4]);
    // Output seen before its step was dated stays: it gives the step its start time.
    expect(compactSignals([snapshot(1, "a\n"), snapshot(2, "a\nb\n")])).toHaveLength(2);
  });

  it("keeps at most a bounded number of runs per session", async () => {
    const writer = createRunLogWriter("ws://gw");
    writer.record(Array.from({ length: MAX_RUNS_PER_SESSION + 5 }, (_, i) => live(`r${i}`, i, { kind: "queued" })));
    await writer.flush();
    const runs = new Set((await readSessionRunLogs("ws://gw", "agent:main:s")).map((s) => s.runId));
    expect(runs.size).toBe(MAX_RUNS_PER_SESSION);
  });
});
