import { describe, expect, it } from "vitest";
import { captureSignals, historyPayloads } from "../model/capture-fixtures";
import { foldRunSignals, foldTimeline } from "../model/fold-run";
import { createRunFold, runTimeline } from "../model/fold-state";
import { historySnapshotOf } from "./history-snapshot-fixture";
import { reconciliationSignals } from "./reconcile-history";

// steer-slow-reply.jsonl: its third history read came back mid-reply, with the reply's first words in flight.
const CAPTURE = "steer-slow-reply.jsonl";
const SESSION = "agent:main:capture-steer";
const READ_AT = Date.parse("2026-12-01T17:02:25.862Z");

describe("reconciliationSignals: a reload in the middle of a reply", () => {
  const mid = historyPayloads(CAPTURE)[2] ?? {};
  const inFlight = mid.inFlightRun as { runId: string; text: string; startedAt: number };
  const adopted = reconciliationSignals(SESSION, historySnapshotOf(mid, READ_AT, { inFlightRun: inFlight, hasActiveRun: true }), [], new Map(), READ_AT + 120);
  const live = captureSignals(CAPTURE, "first-steer");

  it("adopts the in-flight text of a run the page has nothing of", () => {
    expect(inFlight.text).toBe("This reply is streamed slowly, a few words at a time, so that you");
    expect(runTimeline(foldRunSignals(createRunFold("first-steer"), adopted)).text).toBe(inFlight.text);
  });

  it("sets no order mark: the live deltas after the read carry the reply on", () => {
    const after = live.filter((signal) => signal.at > READ_AT && signal.at <= READ_AT + 2_000);
    const run = runTimeline(foldRunSignals(createRunFold("first-steer"), [...adopted, ...after]));
    const watched = foldTimeline("first-steer", live.filter((signal) => signal.at <= READ_AT + 2_000));
    expect(watched.text.length).toBeGreaterThan(inFlight.text.length);
    expect(run.text).toBe(watched.text);
  });
});

describe("reconciliationSignals: where the in-flight words sit in time", () => {
  it("when the answer came, not when it was asked for: a message steered in meanwhile owns them", () => {
    const mid = historyPayloads(CAPTURE)[2] ?? {};
    const inFlight = mid.inFlightRun as { runId: string; text: string; startedAt: number };
    const signals = reconciliationSignals(SESSION, historySnapshotOf(mid, READ_AT, { inFlightRun: inFlight, hasActiveRun: true }), [], new Map(), READ_AT + 400);
    expect(signals.find((signal) => signal.kind === "assistant-text")?.at).toBe(READ_AT + 400);
  });
});
