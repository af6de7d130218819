import { describe, expect, it } from "vitest";
import { boundedToString } from "./bounded-text";
import { captureClose, captureFold, captureRunId, captureSignals, foldCapture, historyPayloads, lastHistoryMessages } from "./capture-fixtures";
import { foldRunSignals, foldTimeline } from "./fold-run";
import { createRunFold, runTimeline } from "./fold-state";
import { runsFromHistory } from "./history-to-runs";
import { mergeRunSources } from "./merge-run-sources";
import { deriveRunOutcome } from "./run-outcome";
import type { RunSignal } from "./run-signal";
import { stepsOfKind, type RunTimeline } from "./run-timeline";

function historyRun(capture: string, runId: string): RunTimeline {
  const run = runsFromHistory(lastHistoryMessages(capture)).find((candidate) => candidate.runId === runId);
  if (!run) throw new Error(`no ${runId} in ${capture}`);
  return run;
}

function asLocalLog(run: RunTimeline): RunTimeline {
  return { ...run, steps: run.steps.map((step) => ({ ...step, source: "local-log" as const })) };
}

describe("mergeRunSources", () => {
  it("combines a tool call seen live and in history into one step with both halves", () => {
    const runId = captureRunId("b-tool-call-exec.jsonl");
    const local = asLocalLog(foldCapture("b-tool-call-exec.jsonl"));
    const merged = mergeRunSources(historyRun("b-tool-call-exec.jsonl", runId), local);
    const tools = stepsOfKind(merged.steps, "tool");
    expect(tools).toHaveLength(1);
    expect(tools[0]).toMatchObject({
      source: "local-log",
      confirmedByHistory: true,
      title: "Exec print text → run uname",
      durationMs: 315,
      exitCode: 0,
      args: { command: "echo hello-from-fake-tool && uname -s" },
    });
    expect(tools[0] && boundedToString(tools[0].output)).toBe("hello-from-fake-tool\nLinux");
    expect(stepsOfKind(merged.steps, "text")).toHaveLength(1);
    expect(stepsOfKind(merged.steps, "text")[0]?.source).toBe("history");
    const times = merged.steps.map((step) => step.at);
    expect(times).toEqual(times.slice().sort((a, b) => a - b));
  });

  it("brings back the retries only the browser saw, so a refresh still shows 'completed after retries'", () => {
    const runId = captureRunId("c-rate-limit-429-recovered.jsonl");
    const fromHistory = historyRun("c-rate-limit-429-recovered.jsonl", runId);
    const now = { now: fromHistory.lastEventAt + 60_000, connection: "online" as const };
    expect(deriveRunOutcome(fromHistory, now).kind).toBe("completed");
    const merged = mergeRunSources(fromHistory, asLocalLog(foldCapture("c-rate-limit-429-recovered.jsonl")));
    expect(stepsOfKind(merged.steps, "retry")).toHaveLength(3);
    expect(deriveRunOutcome(merged, now)).toMatchObject({ kind: "degraded", title: "Completed after retries" });
  });

  it("keeps the richer live failure but history's persisted content", () => {
    const runId = captureRunId("d-auth-401-isolated-provider.jsonl");
    const merged = mergeRunSources(
      historyRun("d-auth-401-isolated-provider.jsonl", runId),
      asLocalLog(foldCapture("d-auth-401-isolated-provider.jsonl")),
    );
    const outcome = deriveRunOutcome(merged, { now: merged.lastEventAt, connection: "online" });
    expect(outcome).toMatchObject({ kind: "failed", errorClass: "auth", providerDetail: "401 Missing scopes: model.request" });
    expect(stepsOfKind(merged.steps, "fallback")).toHaveLength(1);
  });

  it("a killed run: the local disconnect plus history's restart note make it interrupted", () => {
    const runId = captureRunId("sigkill-midrun.jsonl");
    const close = captureClose("sigkill-midrun.jsonl");
    const disconnect: RunSignal = { runId, at: close?.at ?? 0, source: "live", kind: "disconnected", code: 1006, reason: "" };
    const local = asLocalLog(runTimeline(foldRunSignals(captureFold("sigkill-midrun.jsonl"), [disconnect])));
    const merged = mergeRunSources(historyRun("history-after-sigkill-auto-recovery.jsonl", runId), local);
    expect(merged.text).toBe("slow1");
    expect(stepsOfKind(merged.steps, "connection").map((step) => step.words)).toEqual([
      "1006 connection lost (no close frame)",
      "gateway restarted",
    ]);
    expect(deriveRunOutcome(merged, { now: merged.lastEventAt + 1_000, connection: "online" })).toMatchObject({
      kind: "interrupted",
      closeCode: 1006,
    });
  });

  it("takes the end this browser saw, so a duration history knew only as \"at least\" is exact again", () => {
    const runId = captureRunId("b-tool-call-exec.jsonl");
    const restored = historyRun("b-tool-call-exec.jsonl", runId);
    expect(restored.endIsLowerBound).toBe(true);
    const local = asLocalLog(foldCapture("b-tool-call-exec.jsonl"));
    const merged = mergeRunSources(restored, local);
    expect(merged.endedAt).toBe(local.endedAt);
    expect(merged.endIsLowerBound).toBeUndefined();
    // A local record that never saw the end keeps history's words.
    expect(mergeRunSources(restored, { ...local, endedAt: undefined, status: "running" }).endIsLowerBound).toBe(true);
  });

  it("does not mix different runs", () => {
    const a = foldCapture("a-text.jsonl");
    const b = foldCapture("b-tool-call-exec.jsonl");
    expect(mergeRunSources(a, b)).toBe(a);
  });
});

describe("mergeRunSources: a failed run that thought before failing", () => {
  // Found by run-model.fuzz.test.ts: history keeps an error row's thinking but not its text (the text is the
  // error notice), so "history has text" was false and the live copy of the same thinking was shown as well.
  it("shows the thinking once after a reload", () => {
    const runId = "run-thought-then-failed";
    const history = runsFromHistory([
      { role: "user", content: "go", timestamp: 1_000, __openclaw: { id: "u1", runId } },
      {
        role: "assistant",
        content: [
          { type: "thinking", thinking: "Let me check the weather API." },
          { type: "text", text: "⚠️ LLM request failed (HTTP 500)." },
        ],
        stopReason: "error",
        timestamp: 3_000,
        __openclaw: { id: "a1", runId },
      },
    ]).find((run) => run.runId === runId);
    if (!history) throw new Error("no history run");
    const local = runTimeline(
      foldRunSignals(createRunFold(runId, { at: 1_000 }), [
        { runId, at: 1_500, source: "local-log", kind: "thinking-text", text: "Let me check the weather API.", segmentId: "th1" },
        { runId, at: 3_000, source: "local-log", kind: "chat-error", errorMessage: "⚠️ LLM request failed (HTTP 500)." },
      ]),
    );
    const merged = mergeRunSources(history, local);
    expect(stepsOfKind(merged.steps, "thinking").map((step) => [step.text, step.source])).toEqual([["Let me check the weather API.", "history"]]);
  });
});

describe("mergeRunSources with a read of history taken while the run writes", () => {
  // steer-slow-reply.jsonl: a message steered into a run makes the page read history mid-run; the read at 23 s has
  // the reply's first words as in-flight text, and the run goes on writing for seven more seconds.
  const name = "steer-slow-reply.jsonl";
  const FULL = "This reply is streamed slowly, a few words at a time, so that you can watch the run inspector while the model is still talking. It keeps going for a while longer than a normal answer would, and then it finishes with a short closing sentence. Done.";
  const [, , midRead, lastRead] = historyPayloads(name);
  const fromHistory = (payload: typeof midRead) =>
    runsFromHistory(payload?.messages as unknown[], { inFlightRun: payload?.inFlightRun }).find((run) => run.runId === "first-steer") as RunTimeline;
  const signals = captureSignals(name, "first-steer");
  const before = (at: number) => foldTimeline("first-steer", signals.filter((signal) => signal.at <= at));
  const inFlightText = (midRead?.inFlightRun as { text: string }).text;

  it("keeps the live reply growing past the read's snapshot while the run goes on", () => {
    expect(inFlightText).toBe("This reply is streamed slowly, a few words at a time, so that you");
    const later = before(Date.parse("2026-12-01T17:02:28.000Z"));
    expect(later.status).toBe("running");
    const merged = mergeRunSources(fromHistory(midRead), later);
    expect(merged.text).toBe(later.text);
    expect(merged.text.length).toBeGreaterThan(inFlightText.length);
    expect(stepsOfKind(merged.steps, "text").map((step) => step.text)).toEqual([later.text]);
  });

  it("takes history's reply once the run has ended", () => {
    const merged = mergeRunSources(fromHistory(lastRead), foldTimeline("first-steer", signals));
    expect(merged.text).toBe(FULL);
    expect(stepsOfKind(merged.steps, "text").map((step) => step.text)).toEqual([FULL]);
  });
});
