import type { EventFrame } from "@openclaw/gateway-protocol";
import { describe, expect, it } from "vitest";
import { classifyEventFrame } from "@/gateway/event-router";
import { captureEvents, captureRunId, historyPayloads } from "../model/capture-fixtures";
import { deriveRunOutcome } from "../model/run-outcome";
import { historySnapshotOf } from "./history-snapshot-fixture";
import type { HistorySnapshot } from "./reconcile-history";
import { RunRegistry } from "./run-registry";

const ALLOW = "exec-approval-allow-once.jsonl";

/** The capture replayed through the router into a registry, the way the run feed and the approval bridge do it. */
function replay(until: (event: string) => boolean, maxRuns?: number) {
  const registry = new RunRegistry({ readLocalLog: () => Promise.resolve([]), recordLocalLog: () => {}, maxRuns });
  let notified = 0;
  registry.subscribe(() => (notified += 1));
  for (const { frame, receivedAt } of captureEvents(ALLOW)) {
    const notice = classifyEventFrame(frame as EventFrame);
    if (notice?.type === "run-event") registry.runEventReceived(notice, receivedAt);
    if (notice?.type === "approval") registry.approvalSeen(notice.change);
    if (until(frame.event)) break;
  }
  return { registry, notified: () => notified };
}

/** The capture's approval request, as the router hands it on. */
function requestedApproval() {
  const requested = captureEvents(ALLOW).find(({ frame }) => frame.event === "exec.approval.requested");
  const notice = requested && classifyEventFrame(requested.frame as EventFrame);
  if (notice?.type !== "approval") throw new Error("no approval notice");
  return notice.change;
}

/** The capture's chat.history read, as the chat query hands it on. */
function capturedHistory(): HistorySnapshot {
  const [payload] = historyPayloads(ALLOW);
  if (!payload) throw new Error(`no history in ${ALLOW}`);
  return historySnapshotOf(payload, Date.now());

}

describe("the registry and a run's approvals", () => {
  const runId = captureRunId(ALLOW);

  it("hands out the run with its approval while it waits, so the run reads as waiting for your approval", () => {
    const { registry } = replay((event) => event === "exec.approval.requested");
    const run = registry.getRun(runId);
    expect(run?.approvals?.map((approval) => [approval.command, approval.decision])).toEqual([["echo hello-from-fake-tool && uname -s", undefined]]);
    if (!run) throw new Error("no run");
    expect(deriveRunOutcome(run, { now: run.lastEventAt + 5 * 60_000, connection: "online" }).title).toBe("Waiting for your approval");
  });

  it("takes a listed approval it already knows as no change, and records the decision once", () => {
    const { registry, notified } = replay((event) => event === "exec.approval.resolved");
    const before = registry.getRun(runId);
    const seen = notified();
    registry.approvalSeen(requestedApproval());
    expect(notified()).toBe(seen);
    expect(registry.getRun(runId)).toBe(before);
    expect(before?.approvals?.[0]).toMatchObject({ decision: "allow-once", decidedBy: "gateway-client", decidedAt: 1796120578738 });
  });

  it("lets a run's approvals go with the run when the registry forgets it past its bound", () => {
    const { registry } = replay(() => false, 1);
    expect(registry.getRun(runId)?.approvals?.map((approval) => approval.decision)).toEqual(["allow-once"]);
    const session = registry.getRun(runId)?.sessionKey ?? "";
    registry.historyLoaded(session, capturedHistory());
    // A newer run that ended pushes the approved run's live record out; history still has the run itself.
    const later = { type: "event", event: "chat", payload: { runId: "later", sessionKey: session, state: "final", seq: 1 } } as EventFrame;
    const notice = classifyEventFrame(later);
    if (notice?.type !== "run-event") throw new Error("no run event");
    registry.runEventReceived(notice, Date.parse("2026-12-01T11:00:00Z"));
    const fromHistory = registry.getRun(runId);
    expect(fromHistory?.steps.filter((step) => step.kind === "tool").map((step) => step.source)).toEqual(["history"]);
    expect(fromHistory?.approvals).toBeUndefined();
  });

  it("drops a run's approvals when its session is reset, and takes no new ones for it", () => {
    const { registry, notified } = replay(() => false);
    const session = registry.getRun(runId)?.sessionKey ?? "";
    registry.sessionCleared(session);
    const seen = notified();
    registry.approvalSeen(requestedApproval());
    expect(notified()).toBe(seen);
    // A history read from before the reset still names the run: it comes back without the approval facts.
    registry.historyLoaded(session, capturedHistory());
    expect(registry.getRun(runId)?.approvals).toBeUndefined();
  });
});
