import { describe, expect, it } from "vitest";
import { parseApprovalEvent, type ApprovalChange } from "@/gateway/exec-approvals";
import { captureEvents, captureRunId, captureSignals } from "./capture-fixtures";
import { foldTimeline } from "./fold-run";
import { approvalStepText, clockTime, pendingApproval, refusedApprovals, withApprovalChange } from "./run-approvals";
import { deriveRunOutcome, STALL_AFTER_MS, type RunOutcome } from "./run-outcome";
import type { RunSignal } from "./run-signal";
import type { RunApproval, RunTimeline } from "./run-timeline";

const ALLOW = "exec-approval-allow-once.jsonl";
const DENY = "exec-approval-deny.jsonl";

function approvalChanges(name: string): ApprovalChange[] {
  return captureEvents(name).flatMap(({ frame }) => parseApprovalEvent(frame.event, frame.payload) ?? []);
}

function factsOf(changes: readonly ApprovalChange[]): readonly RunApproval[] {
  return changes.reduce<readonly RunApproval[]>(withApprovalChange, []);
}

/** The capture's run as the registry hands it out: the fold plus the approval facts it was told. */
function runOf(name: string, signals: readonly RunSignal[], changes: readonly ApprovalChange[]): RunTimeline {
  const run = foldTimeline(captureRunId(name), signals);
  return changes.length > 0 ? { ...run, approvals: factsOf(changes) } : run;
}

const outcomeAt = (run: RunTimeline, now: number): RunOutcome => deriveRunOutcome(run, { now, connection: "online" });

/** Signals up to the exec's start: the gateway asks for the approval next and the run is held. */
function signalsWhileWaiting(name: string): RunSignal[] {
  const all = captureSignals(name, captureRunId(name));
  const toolStart = all.findIndex((signal) => signal.kind === "tool-start");
  return all.slice(0, toolStart + 1);
}

describe("approval facts", () => {
  it("records a request once and its decision once, whoever decided", () => {
    const [requested, resolved] = approvalChanges(DENY);
    if (!requested || !resolved) throw new Error("capture lacks the approval events");
    if (resolved.kind !== "resolved") throw new Error("second approval event is not the decision");
    const facts = factsOf([requested, requested, resolved, { ...resolved, resolution: { ...resolved.resolution, decision: "allow-once" } }]);
    expect(facts).toEqual([
      {
        id: "7486fc8b-5607-4c75-bb04-9d37e9bfb9d9",
        command: "echo hello-from-fake-tool && uname -s",
        toolCallId: "call_16a5730c2399401688957f07",
        requestedAt: 1796120675451,
        expiresAt: 1796122475451,
        decision: "deny",
        decidedAt: 1796120675541,
        decidedBy: "gateway-client",
      },
    ]);
    expect(withApprovalChange([], resolved)).toEqual([]);
  });

  it("reads the gateway's refusal from the exec result, live and from history alike", () => {
    const run = runOf(DENY, captureSignals(DENY, captureRunId(DENY)), []);
    expect(refusedApprovals(run).map(({ approvalId, why }) => [approvalId, why])).toEqual([["7486fc8b-5607-4c75-bb04-9d37e9bfb9d9", "denied"]]);
    expect(refusedApprovals(runOf(ALLOW, captureSignals(ALLOW, captureRunId(ALLOW)), []))).toEqual([]);
  });

  it("writes times on the operator's clock", () => {
    expect(clockTime(new Date(2026, 11, 1, 14, 3, 59).getTime())).toBe("14:03");
    expect(clockTime(new Date(2026, 11, 1, 9, 5).getTime())).toBe("09:05");
  });
});

describe("a run held by an approval", () => {
  const changes = approvalChanges(ALLOW);
  const requested = changes.filter((change) => change.kind === "requested");
  const waiting = runOf(ALLOW, signalsWhileWaiting(ALLOW), requested);
  const asked = waiting.approvals?.[0];
  if (!asked) throw new Error("no approval fact");

  it("is waiting for your approval, never 'no activity', however long the operator takes", () => {
    const tenMinutesLater = waiting.lastEventAt + 10 * 60_000;
    const outcome = outcomeAt(waiting, tenMinutesLater);
    expect(outcome).toMatchObject({
      kind: "running",
      title: "Waiting for your approval",
      phaseText: "waiting for your approval",
      stalled: false,
      waitingForApproval: { command: "echo hello-from-fake-tool && uname -s", expiresAt: 1796122378490 },
    });
    expect(pendingApproval(waiting, tenMinutesLater)?.id).toBe(asked.id);
  });

  it("is running again once allowed, and the silence warning is back", () => {
    const allowed = runOf(ALLOW, signalsWhileWaiting(ALLOW), changes);
    const outcome = outcomeAt(allowed, allowed.lastEventAt + STALL_AFTER_MS);
    expect(outcome).toMatchObject({ kind: "running", title: "No activity", stalled: true });
    expect(outcome.kind === "running" && outcome.waitingForApproval).toBeUndefined();
  });

  it("stops waiting when the approval's time is up", () => {
    expect(outcomeAt(waiting, asked.expiresAt).title).toBe("No activity");
  });

  it("completes as usual when the command was allowed and ran", () => {
    const run = runOf(ALLOW, captureSignals(ALLOW, captureRunId(ALLOW)), changes);
    expect(outcomeAt(run, run.lastEventAt + 1_000)).toMatchObject({ kind: "completed", title: "Completed" });
  });
});

describe("a refused approval is part of the run's outcome", () => {
  const signals = captureSignals(DENY, captureRunId(DENY));
  const changes = approvalChanges(DENY);

  it("denied: says when, and that the command did not run", () => {
    const run = runOf(DENY, signals, changes);
    expect(outcomeAt(run, run.lastEventAt + 1_000)).toMatchObject({
      kind: "degraded",
      reasons: ["approval-denied"],
      title: "Command denied",
      summary: `Denied at ${clockTime(1796120675541)} — the command did not run.`,
    });
  });

  it("denied, known only from history after a reload: the time of the exec result", () => {
    const run = runOf(DENY, signals, []);
    const step = refusedApprovals(run)[0]?.step;
    expect(outcomeAt(run, run.lastEventAt + 1_000).summary).toBe(`Denied at ${clockTime(step?.endedAt ?? 0)} — the command did not run.`);
  });

  it("expired: says how long it waited", () => {
    const timedOut = signals.map((signal) =>
      signal.kind === "tool-result" && signal.resultText ? { ...signal, resultText: signal.resultText.replace("user-denied", "approval-timeout") } : signal,
    );
    const requested = changes.filter((change) => change.kind === "requested").map((change) => (change.kind === "requested" ? { ...change, approval: { ...change.approval, expiresAtMs: change.approval.createdAtMs + 120_000 } } : change));
    const run = runOf(DENY, timedOut, requested);
    expect(outcomeAt(run, run.lastEventAt + 1_000)).toMatchObject({
      kind: "degraded",
      reasons: ["approval-expired"],
      title: "Approval expired",
      summary: "Approval expired after 2 min — the command did not run.",
    });
  });
});

describe("the approval's timeline row", () => {
  const approval: RunApproval = { id: "a", command: "ls", requestedAt: new Date(2026, 11, 1, 14, 1).getTime(), expiresAt: new Date(2026, 11, 1, 14, 3).getTime() };

  it("says when it was asked, and what became of it", () => {
    expect(approvalStepText(approval, approval.requestedAt + 1_000)).toBe("Approval asked at 14:01 · waiting for your decision");
    expect(approvalStepText({ ...approval, decision: "deny", decidedAt: approval.requestedAt + 60_000, decidedBy: "cli" }, 0)).toBe(
      "Approval asked at 14:01 · Denied at 14:02 by cli — the command did not run",
    );
    expect(approvalStepText({ ...approval, decision: "allow-once", decidedAt: approval.requestedAt }, 0)).toBe("Approval asked at 14:01 · Allowed once at 14:01");
    expect(approvalStepText(approval, approval.expiresAt)).toBe("Approval asked at 14:01 · Expired after 2 min — the command did not run");
  });
});
