import { IDBFactory } from "fake-indexeddb";
import { beforeEach, describe, expect, it } from "vitest";
import { resetLocalDbForTests } from "@/lib/local-db";
import type { RunSignal } from "../model/run-signal";
import { compactSignals, createRunLogWriter, MAX_RUNS_PER_SESSION, MAX_SIGNALS_PER_RUN, readSessionRunLogs } from "./run-log";

function live(runId: string, at: number, body: Partial<RunSignal> & Pick<RunSignal, "kind">, sessionKey = "agent:main:s"): RunSignal {
  return { runId, at, source: "live", sessionKey, ...body } as RunSignal;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetLocalDbForTests();
});

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
    const many = Array.from({ length: MAX_SIGNALS_PER_RUN + 500 }, (_, i) => live("r1", i, { kind: "activity", label: String(i) }));
    const bounded = compactSignals(many);
    expect(bounded).toHaveLength(MAX_SIGNALS_PER_RUN);
    expect(bounded[0]?.at).toBe(0);
    expect(bounded.at(-1)?.at).toBe(MAX_SIGNALS_PER_RUN + 499);
  });

  it("keeps at most a bounded number of runs per session", async () => {
    const writer = createRunLogWriter("ws://gw");
    writer.record(Array.from({ length: MAX_RUNS_PER_SESSION + 5 }, (_, i) => live(`r${i}`, i, { kind: "queued" })));
    await writer.flush();
    const runs = new Set((await readSessionRunLogs("ws://gw", "agent:main:s")).map((s) => s.runId));
    expect(runs.size).toBe(MAX_RUNS_PER_SESSION);
  });
});
