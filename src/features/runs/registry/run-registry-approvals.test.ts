import type { EventFrame } from "@openclaw/gateway-protocol";
import { describe, expect, it } from "vitest";
import { classifyEventFrame } from "@/gateway/event-router";
import { captureEvents, captureRunId } from "../model/capture-fixtures";
import { deriveRunOutcome } from "../model/run-outcome";
import { RunRegistry } from "./run-registry";

const ALLOW = "exec-approval-allow-once.jsonl";

/** The capture replayed through the router into a registry, the way the run feed and the approval bridge do it. */
function replay(until: (event: string) => boolean) {
  const registry = new RunRegistry({ readLocalLog: () => Promise.resolve([]), recordLocalLog: () => {} });
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
    const requested = captureEvents(ALLOW).find(({ frame }) => frame.event === "exec.approval.requested");
    const notice = requested && classifyEventFrame(requested.frame as EventFrame);
    if (notice?.type !== "approval") throw new Error("no approval notice");
    registry.approvalSeen(notice.change);
    expect(notified()).toBe(seen);
    expect(registry.getRun(runId)).toBe(before);
    expect(before?.approvals?.[0]).toMatchObject({ decision: "allow-once", decidedBy: "gateway-client", decidedAt: 1796120578738 });
  });
});
