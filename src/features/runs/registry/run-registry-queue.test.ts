import { describe, expect, it } from "vitest";
import type { EventFrame } from "@openclaw/gateway-protocol";
import { classifyEventFrame } from "@/gateway/event-router";
import { captureEvents, historyPayloads } from "../model/capture-fixtures";
import { handoffState } from "../model/queue-state";
import { historySnapshotOf } from "./history-snapshot-fixture";
import { RunRegistry } from "./run-registry";

// steer-followup-mode.jsonl: "Also, when done, say hi." (second-followup) was queued behind first-followup's slow tool;
// its run id got one bare chat final at once. The page then reads history: what that read says decides its note.
const CAPTURE = "steer-followup-mode.jsonl";
const SESSION = "agent:main:capture-followup";
const [duringTool] = historyPayloads(CAPTURE);

/** The page that sent both messages, fed the capture's frames up to `until`. */
function replay(until: number) {
  const registry = new RunRegistry({ readLocalLog: () => Promise.resolve([]), recordLocalLog: () => {} });
  const events = captureEvents(CAPTURE);
  const start = events[0]?.receivedAt ?? 0;
  registry.runSent("first-followup", SESSION, start);
  registry.runSent("second-followup", SESSION, start + 1);
  for (const { frame, receivedAt } of events) {
    if (receivedAt > until) break;
    const notice = classifyEventFrame({ type: "event", ...frame } as EventFrame);
    if (notice?.type === "run-event") registry.runEventReceived(notice, receivedAt);
  }
  return registry;
}

function stateOf(registry: RunRegistry): ReturnType<typeof handoffState> {
  const run = registry.getRun("second-followup");
  if (!run) throw new Error("no run");
  return handoffState(run, registry.sessionRuns(SESSION).runs, registry.lastHistoryOf(SESSION));
}

/** The first run ended by Stop: its terminal frames only, then a read taken once the session is idle. */
function stoppedThenRead(pending: { state: string }[] | null) {
  const bareFinalAt = captureEvents(CAPTURE).find(({ frame }) => frame.event === "chat" && (frame.payload as { runId?: string }).runId === "second-followup")?.receivedAt ?? 0;
  const registry = replay(bareFinalAt);
  const items = pending === null ? [] : pending.map(({ state }) => ({ ...(duringTool?.pendingInputs as { items: object[] }).items[0], state }));
  const idle = { ...duringTool, pendingInputs: { items, total: items.length }, sessionInfo: { status: "killed", hasActiveRun: false } };
  registry.historyLoaded(SESSION, historySnapshotOf(idle, bareFinalAt + 2_000, { pendingInputs: items.map((item) => ({ runId: "second-followup", state: (item as { state: string }).state })) }));
  return registry;
}

describe("RunRegistry: a message queued behind a running reply (followup mode)", () => {
  it("waits from its bare final until a read says otherwise", () => {
    const bareFinalAt = captureEvents(CAPTURE).find(({ frame }) => frame.event === "chat" && (frame.payload as { runId?: string }).runId === "second-followup")?.receivedAt ?? 0;
    expect(stateOf(replay(bareFinalAt))).toBe("waiting");
  });

  it("is not answered once the gateway lists it as cancelled or interrupted", () => {
    expect(stateOf(stoppedThenRead([{ state: "cancelled" }]))).toBe("cancelled");
    expect(stateOf(stoppedThenRead([{ state: "interrupted" }]))).toBe("interrupted");
  });

  it("is not answered once an idle session's read has it neither queued nor in the transcript", () => {
    expect(stateOf(stoppedThenRead(null))).toBe("gone");
  });

  it("is no longer handed on once history holds its answer", () => {
    const registry = replay(Number.POSITIVE_INFINITY);
    const last = historyPayloads(CAPTURE).at(-1) ?? {};
    registry.historyLoaded(SESSION, historySnapshotOf(last, Number.MAX_SAFE_INTEGER, { pendingInputs: [] }));
    expect(stateOf(registry)).toBeNull();
  });
});
