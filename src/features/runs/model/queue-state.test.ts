import { describe, expect, it } from "vitest";
import type { UnknownRecord } from "@/lib/read-untrusted";
import { captureSignals, historyPayloads } from "./capture-fixtures";
import { foldTimeline } from "./fold-run";
import { readPendingInputs } from "@/lib/pending-inputs";
import { queueState, type QueueEvidence } from "./queue-state";

// steer-followup-mode.jsonl: "Also, when done, say hi." (run id second-followup) was queued behind first-followup's
// slow tool; reads during the tool list it in pendingInputs, the read after both runs has its user row instead.
const CAPTURE = "steer-followup-mode.jsonl";
const queued = foldTimeline("second-followup", captureSignals(CAPTURE, "second-followup"));
const [duringTool, , afterBoth] = historyPayloads(CAPTURE);
const handedOnAt = queued.terminal?.at ?? 0;

function evidence(payload: UnknownRecord | undefined, overrides: Partial<QueueEvidence> = {}): QueueEvidence {
  const info = (payload?.sessionInfo ?? {}) as { hasActiveRun?: boolean };
  return {
    requestedAt: handedOnAt + 1_000,
    messages: (payload?.messages as unknown[] | undefined) ?? [],
    pendingInputs: readPendingInputs(payload?.pendingInputs),
    inFlightRun: null,
    hasActiveRun: info.hasActiveRun === true,
    activeRunIds: [],
    ...overrides,
  };
}

/** The read during the tool with the message's pending input in another state (as the gateway's finish() sets it). */
function withState(state: string): UnknownRecord {
  const items = (duringTool?.pendingInputs as { items: UnknownRecord[] }).items.map((item) => ({ ...item, state }));
  return { ...duringTool, pendingInputs: { items, total: items.length }, sessionInfo: { status: "done", hasActiveRun: false } };
}

describe("readPendingInputs on the real gateway's chat.history", () => {
  it("reads the queued message's run id and state, and nothing from a read without the list", () => {
    expect(readPendingInputs(duringTool?.pendingInputs)).toEqual([{ runId: "second-followup", state: "queued" }]);
    expect(readPendingInputs(afterBoth?.pendingInputs)).toEqual([]);
    expect(readPendingInputs(undefined)).toBeUndefined();
    expect(readPendingInputs({ items: [null, { runId: 3, state: "queued" }, { runId: "x" }] })).toEqual([]);
  });
});

describe("queueState", () => {
  it("waits while the gateway lists the message as queued", () => {
    expect(queueState(queued, evidence(duringTool))).toBe("waiting");
  });

  it("is cancelled or interrupted when the gateway says so: such an input never runs on its own", () => {
    expect(queueState(queued, evidence(withState("cancelled")))).toBe("cancelled");
    expect(queueState(queued, evidence(withState("interrupted")))).toBe("interrupted");
  });

  it("is not gone once history holds the message's own row (it was taken in and answered)", () => {
    expect(queueState(queued, evidence(afterBoth))).toBe("waiting");
  });

  it("is gone when a read after it was accepted, with nothing running, has it neither waiting nor in the transcript", () => {
    const cleared = { ...duringTool, messages: [], pendingInputs: { items: [], total: 0 }, sessionInfo: { status: "done", hasActiveRun: false } };
    expect(queueState(queued, evidence(cleared))).toBe("gone");
  });

  it("stays waiting without evidence: a read from before it was sent or accepted, a run still going, no list", () => {
    const cleared = { ...duringTool, messages: [], pendingInputs: { items: [], total: 0 }, sessionInfo: { status: "done", hasActiveRun: false } };
    expect(queueState(queued, evidence(withState("cancelled"), { requestedAt: queued.createdAt - 1 }))).toBe("waiting");
    expect(queueState(queued, evidence(cleared, { requestedAt: handedOnAt - 1 }))).toBe("waiting");
    expect(queueState(queued, evidence(cleared, { hasActiveRun: true }))).toBe("waiting");
    expect(queueState(queued, evidence(cleared, { inFlightRun: { runId: "0f3473e3-cb62-432d-90c8-0ff9b29d7946" } }))).toBe("waiting");
    expect(queueState(queued, evidence(cleared, { pendingInputs: undefined }))).toBe("waiting");
    expect(queueState(queued, undefined)).toBe("waiting");
  });
});
