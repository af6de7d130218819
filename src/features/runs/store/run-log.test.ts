import { IDBFactory } from "fake-indexeddb";
import { readdirSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openLocalDb, readRunLogUsage, resetLocalDbForTests } from "@/lib/local-db";
import { boundedToString } from "../model/bounded-text";
import { captureRunId, captureSignals } from "../model/capture-fixtures";
import { foldRunSignals } from "../model/fold-run";
import { createRunFold, runTimeline, type RunFold } from "../model/fold-state";
import { deriveRunOutcome } from "../model/run-outcome";
import type { RunSignal } from "../model/run-signal";
import { stepsOfKind, type RunTimeline } from "../model/run-timeline";
import { runLogsV1, seedVersion1 } from "@/testing/local-db-v1";
import { createRunLogWriter, MAX_RUNS_PER_SESSION, MAX_STEPS_PER_RUN, readSessionRunLogs, type SaveResult } from "./run-log";

const GATEWAY = "ws://gw";
const SESSION = "agent:main:s";

function live(runId: string, at: number, body: Partial<RunSignal> & Pick<RunSignal, "kind">, sessionKey = SESSION): RunSignal {
  return { runId, at, source: "live", sessionKey, ...body } as RunSignal;
}

/** What a person sees of a run, and its outcome; not which source told it. */
function seen(run: RunTimeline) {
  return {
    ...run,
    steps: run.steps.map((step) => ({ ...step, source: undefined })),
    terminal: run.terminal && { ...run.terminal, source: undefined },
    outcome: deriveRunOutcome(run, { now: run.lastEventAt + 60_000, connection: "online" }),
  };
}

const foldOf = (runId: string, signals: readonly RunSignal[]) => runTimeline(foldRunSignals(createRunFold(runId, { at: signals[0]?.at, sessionKey: SESSION }), signals));
const restored = async (runId: string, gateway = GATEWAY) => {
  const fold = (await readSessionRunLogs(gateway, SESSION)).find((run) => run.runId === runId);
  return fold && runTimeline(fold);
};
const withSession = (signals: readonly RunSignal[]) => signals.map((signal) => ({ ...signal, source: "live" as const, sessionKey: SESSION }));

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetLocalDbForTests();
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

describe("run log: the compacted run", () => {
  it("keeps what the browser saw live, per gateway and session, and restores it as from this browser's log", async () => {
    const writer = createRunLogWriter(GATEWAY);
    writer.record([
      live("r1", 1, { kind: "retry", attempt: 1, maxAttempts: 10, reason: "rate_limit" }),
      live("r1", 2, { kind: "disconnected", code: 1012, reason: "service restart" }),
      { ...live("r1", 3, { kind: "chat-final" }), source: "history" },
      live("r2", 4, { kind: "queued" }, "agent:main:other"),
    ]);
    await writer.flush();
    const runs = await readSessionRunLogs(GATEWAY, SESSION);
    expect(runs.map((run) => run.runId)).toEqual(["r1"]);
    expect(runTimeline(runs[0] as RunFold).steps.map((step) => [step.kind, step.source])).toEqual([
      ["retry", "local-log"],
      ["connection", "local-log"],
    ]);
    expect(runs[0]?.status).not.toBe("ended");
    expect(await readSessionRunLogs("ws://other-gw", SESSION)).toEqual([]);
  });

  it("forgets one session's runs, including those not yet written, and keeps the rest", async () => {
    const writer = createRunLogWriter(GATEWAY);
    writer.record([live("r1", 1, { kind: "queued" }), live("r2", 2, { kind: "queued" }, "agent:main:other")]);
    await writer.flush();
    writer.record([live("r3", 3, { kind: "queued" })]);
    await writer.forget(SESSION);
    await writer.flush();
    expect(await readSessionRunLogs(GATEWAY, SESSION)).toEqual([]);
    expect((await readSessionRunLogs(GATEWAY, "agent:main:other")).map((run) => run.runId)).toEqual(["r2"]);
  });

  it("stores the run, not its signals: the record holds the fold's steps and no signal list", async () => {
    const writer = createRunLogWriter(GATEWAY);
    writer.record(withSession(captureSignals("b-tool-call-exec.jsonl", captureRunId("b-tool-call-exec.jsonl"))));
    await writer.flush();
    const [record] = await (await openLocalDb()).getAll("run-logs");
    expect(record).toMatchObject({ format: 2, run: { version: 2, status: "ended" } });
    expect(record && "signals" in record).toBe(false);
    expect((record?.run as { steps: unknown[] }).steps).toHaveLength(foldOf(record!.runId, withSession(captureSignals("b-tool-call-exec.jsonl", record!.runId))).steps.length);
    expect(record?.bytes).toBe(JSON.stringify(record?.run).length);
  });

  it("restores every captured run as folding all of its signals shows it, and a live run goes on folding on top of what was restored", async () => {
    for (const capture of readdirSync(new URL("../../../testing/captures/", import.meta.url)).filter((name) => name.endsWith(".jsonl"))) {
      const signals = withSession(captureSignals(capture));
      for (const runId of new Set(signals.map((signal) => signal.runId))) {
        globalThis.indexedDB = new IDBFactory();
        resetLocalDbForTests();
        const own = signals.filter((signal) => signal.runId === runId);
        const half = Math.ceil(own.length / 2);
        const writer = createRunLogWriter(GATEWAY);
        writer.record(own.slice(0, half));
        await writer.flush();
        const before = (await readSessionRunLogs(GATEWAY, SESSION))[0] as RunFold;
        expect(seen(runTimeline(before)), `${capture} ${runId} first half`).toEqual(seen(foldOf(runId, own.slice(0, half))));
        // Resumed after a reload: the rest arrives live and folds onto the restored state.
        expect(seen(runTimeline(foldRunSignals(before, own.slice(half)))), `${capture} ${runId} resumed`).toEqual(seen(foldOf(runId, own)));
        writer.record(own.slice(half));
        await writer.flush();
        expect(seen((await restored(runId))!), `${capture} ${runId} whole`).toEqual(seen(foldOf(runId, own)));
      }
    }
  });

  it("keeps a command's live output as the fold has it", async () => {
    const capture = "f-slowtool-live-output.jsonl";
    const runId = captureRunId(capture);
    const writer = createRunLogWriter(GATEWAY);
    writer.record(withSession(captureSignals(capture, runId)));
    await writer.flush();
    const tool = stepsOfKind((await restored(runId))!.steps, "tool")[0];
    expect(tool && boundedToString(tool.output)).toBe("step 1\nstep 2\nstep 3\nstep 4\nstep 5\nstep 6\nstep 7\nstep 8\n");
  });

  it("keeps the first and the newest steps of a run that grew past the bound", async () => {
    const writer = createRunLogWriter(GATEWAY);
    writer.record(Array.from({ length: MAX_STEPS_PER_RUN + 50 }, (_, i) => live("r1", i, { kind: "retry", attempt: i, reason: `r${i}` })));
    await writer.flush();
    const steps = (await restored("r1"))!.steps;
    expect(steps).toHaveLength(MAX_STEPS_PER_RUN);
    expect(steps[0]?.at).toBe(0);
    expect(steps.at(-1)?.at).toBe(MAX_STEPS_PER_RUN + 49);
  });

  it("keeps at most a bounded number of runs per session, and counts the ones it let go", async () => {
    const writer = createRunLogWriter(GATEWAY);
    writer.record(Array.from({ length: MAX_RUNS_PER_SESSION + 5 }, (_, i) => live(`r${i}`, i, { kind: "queued" })));
    await writer.flush();
    expect(await readSessionRunLogs(GATEWAY, SESSION)).toHaveLength(MAX_RUNS_PER_SESSION);
    expect((await readRunLogUsage(GATEWAY))?.evictedRuns).toBe(5);
  });
});

describe("run log: one writer per record", () => {
  /** What a person sees of a run: its steps, text, end and outcome — durations and the order of steps at one moment aside, which depend on arrival order. */
  const shown = (run: RunTimeline) => ({
    status: run.status,
    terminal: run.terminal?.kind,
    text: run.text,
    outcome: deriveRunOutcome(run, { now: run.lastEventAt, connection: "online" }).kind,
    steps: run.steps.map((step) => (step.kind === "tool" ? `${step.id}:${step.status}:${boundedToString(step.output)}` : `${step.kind}:${step.id}`)).sort(),
    signals: run.stats.signals,
  });

  it("two tabs logging one run, their writes interleaved, lose no signal of it", async () => {
    for (const capture of ["b-tool-call-exec.jsonl", "c-rate-limit-429-recovered.jsonl", "f-slowtool-live-output.jsonl"]) {
      globalThis.indexedDB = new IDBFactory();
      resetLocalDbForTests();
      const runId = captureRunId(capture);
      const own = withSession(captureSignals(capture, runId));
      const tabA = createRunLogWriter(GATEWAY);
      const tabB = createRunLogWriter(GATEWAY);
      // Tab A saw the first half, tab B the second (one left, the other joined), writing at the same moments.
      const half = Math.ceil(own.length / 2);
      for (let start = 0; start < half; start += 3) {
        tabA.record(own.slice(start, Math.min(start + 3, half)));
        tabB.record(own.slice(half + start, half + start + 3));
        await Promise.all([tabA.flush(), tabB.flush()]);
      }
      expect(shown((await restored(runId))!), capture).toEqual(shown(foldOf(runId, own)));
    }
  });
});

describe("run log: byte budget", () => {
  it("keeps each gateway's logs under its budget, least recently used first, and says how many went", async () => {
    const text = "x".repeat(2_000);
    const probe = createRunLogWriter("ws://probe");
    probe.record([live("probe", 1, { kind: "assistant-text", text })]);
    await probe.flush();
    const budgetBytes = Math.floor(((await readRunLogUsage("ws://probe"))?.bytes ?? 0) * 3.5);
    const writer = createRunLogWriter(GATEWAY, { budgetBytes });
    for (const runId of ["old", "middle", "new"]) {
      writer.record([live(runId, 1, { kind: "assistant-text", text })]);
      await writer.flush();
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    // "old" is written to again: now "middle" is the least recently used.
    writer.record([live("old", 2, { kind: "assistant-text", text: `${text}y` })]);
    await writer.flush();
    writer.record([live("newest", 3, { kind: "assistant-text", text })]);
    await writer.flush();
    expect((await readSessionRunLogs(GATEWAY, SESSION)).map((run) => run.runId).sort()).toEqual(["new", "newest", "old"]);
    const usage = await readRunLogUsage(GATEWAY);
    expect(usage).toMatchObject({ budgetBytes, evictedRuns: 1 });
    const rows = (await (await openLocalDb()).getAll("run-logs")).filter((row) => row.gatewayScope === GATEWAY);
    expect(usage?.bytes).toBe(rows.reduce((sum, row) => sum + row.bytes, 0));
    expect(usage?.bytes).toBeLessThanOrEqual(budgetBytes);
  });
});

describe("run log: a failed write", () => {
  it("reports the runs it could not save, keeps their signals, and saves them with the next write", async () => {
    const results: Array<[readonly string[], SaveResult]> = [];
    const writer = createRunLogWriter(GATEWAY, { onSaveResult: (runIds, result) => results.push([runIds, result]) });
    const db = await openLocalDb();
    const put = vi.spyOn(IDBObjectStore.prototype, "put").mockImplementationOnce(() => {
      throw new DOMException("quota", "QuotaExceededError");
    });
    writer.record([live("r1", 1, { kind: "retry", attempt: 1 })]);
    await writer.flush();
    put.mockRestore();
    expect(results).toEqual([[["r1"], { status: "not-saved", reason: "quota" }]]);
    expect(await db.count("run-logs")).toBe(0);
    writer.record([live("r1", 2, { kind: "retry", attempt: 2 })]);
    await writer.flush();
    expect(results.at(-1)).toEqual([["r1"], { status: "saved" }]);
    expect((await restored("r1"))?.steps.map((step) => step.at)).toEqual([1, 2]);
  });
});

describe("run log: what is stored is checked when read", () => {
  const fixture = runLogsV1<RunSignal>();

  it("loads the first schema's records (signals) as the runs they were, then stores them compacted", async () => {
    (await seedVersion1(fixture.records)).close();
    const { gatewayScope, sessionKey } = fixture.records[0]!;
    const runs = await readSessionRunLogs(gatewayScope, sessionKey);
    for (const record of fixture.records) {
      const run = runs.find((fold) => fold.runId === record.runId);
      const expected = runTimeline(foldRunSignals(createRunFold(record.runId, { at: record.signals[0]?.at, sessionKey }), record.signals));
      expect(run && seen(runTimeline(run))).toEqual(seen(expected));
      expect(run && runTimeline(run).steps.every((step) => step.source === "local-log")).toBe(true);
    }
    await vi.waitFor(async () => expect((await (await openLocalDb()).getAll("run-logs")).map((row) => [row.format, "signals" in row])).toEqual([[2, false], [2, false]]));
    expect((await readSessionRunLogs(gatewayScope, sessionKey)).map((run) => seen(runTimeline(run)))).toEqual(runs.map((run) => seen(runTimeline(run))));
  });

  it("drops a stored signal of an unknown kind or with a text that is not text, with a warning, and loads the rest", async () => {
    const record = fixture.records.find((candidate) => candidate.signals.some((signal) => signal.kind === "retry"))!;
    const signals = [...record.signals, { ...record.signals[0], kind: "teleport" }, { ...record.signals[0], kind: "assistant-text", text: 42 }];
    (await seedVersion1([{ ...record, signals }])).close();
    const [run] = await readSessionRunLogs(record.gatewayScope, record.sessionKey);
    expect(run && seen(runTimeline(run))).toEqual(seen(runTimeline(foldRunSignals(createRunFold(record.runId, { at: record.signals[0]?.at, sessionKey: record.sessionKey }), record.signals))));
    expect(warn.mock.calls.map((call: unknown[]) => (call[1] as { problem: string }).problem)).toEqual(['unknown kind "teleport"', "a assistant-text signal with a field of the wrong type"]);
  });

  it("drops a stored run it cannot read (a step text that is not text), with a warning, and removes it", async () => {
    const writer = createRunLogWriter(GATEWAY);
    writer.record([live("good", 1, { kind: "assistant-text", text: "hello" }), live("bad", 1, { kind: "assistant-text", text: "hello" })]);
    await writer.flush();
    const db = await openLocalDb();
    const bad = (await db.getAll("run-logs")).find((row) => row.runId === "bad")!;
    const run = bad.run as { steps: Array<{ text: unknown }> };
    run.steps[0]!.text = 42;
    await db.put("run-logs", bad);
    expect((await readSessionRunLogs(GATEWAY, SESSION)).map((fold) => fold.runId)).toEqual(["good"]);
    expect(warn).toHaveBeenCalledWith("[run-log] dropped a stored run this version cannot read", { runLog: bad.key, problem: 'an unreadable step "text"' });
    await vi.waitFor(async () => expect(await db.getAllKeys("run-logs")).toEqual([`${GATEWAY}|${SESSION}|good`]));
  });
});
