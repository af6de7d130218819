import type { EventFrame } from "@openclaw/gateway-protocol";
import { describe, expect, it, vi } from "vitest";
import { findInbound } from "@/testing/capture-frames";
import { classifyEventFrame } from "./event-router";
import { listExecApprovals, parseApprovalEvent, parseApprovalList, resolveExecApproval } from "./exec-approvals";

const ALLOW = "exec-approval-allow-once.jsonl";
const event = (name: string, capture = ALLOW) => findInbound(capture, (frame) => frame.type === "event" && frame.event === name) as unknown as EventFrame;
const response = (id: string, capture = ALLOW) => findInbound(capture, (frame) => frame.type === "res" && frame.id === id);

const PENDING = {
  id: "da014680-35ba-4091-9d47-abb2f0fc8a93",
  command: "echo hello-from-fake-tool && uname -s",
  cwd: "/home/user/.clawscope/e2e/workspace",
  host: "gateway",
  agentId: "main",
  sessionKey: "agent:main:guarded1",
  runId: "381dd6c4-187f-4b57-b356-55ef19974aa1",
  toolCallId: "call_fb13b901c84445c69222590d",
  allowedDecisions: ["allow-once", "deny"],
  createdAtMs: 1796120578490,
  expiresAtMs: 1796122378490,
};

describe("exec approval payloads (real gateway capture)", () => {
  it("reads a requested event into the approval an operator judges: command, directory, agent, host, run, offered decisions, expiry", () => {
    const frame = event("exec.approval.requested");
    expect(parseApprovalEvent(frame.event, frame.payload)).toEqual({ kind: "requested", approval: PENDING });
  });

  it("reads exec.approval.list into the same approval as the event, and an empty list after the decision", () => {
    expect(parseApprovalList(response("r3").payload)).toEqual([PENDING]);
    expect(parseApprovalList(response("r8").payload)).toEqual([]);
  });

  it("reads a resolved event: who decided, what, when, and for which run", () => {
    const frame = event("exec.approval.resolved");
    expect(parseApprovalEvent(frame.event, frame.payload)).toEqual({
      kind: "resolved",
      resolution: {
        id: PENDING.id,
        decision: "allow-once",
        resolvedBy: "gateway-client",
        at: 1796120578738,
        runId: PENDING.runId,
        sessionKey: PENDING.sessionKey,
        toolCallId: PENDING.toolCallId,
      },
    });
    const denied = event("exec.approval.resolved", "exec-approval-deny.jsonl");
    expect(parseApprovalEvent(denied.event, denied.payload)).toMatchObject({ kind: "resolved", resolution: { decision: "deny" } });
  });

  it("drops what is not a readable exec approval instead of showing half a card", () => {
    expect(parseApprovalList([{ id: "a", request: {}, createdAtMs: 1, expiresAtMs: 2 }, { approvalKind: "plugin", id: "b", request: { command: "x" }, createdAtMs: 1, expiresAtMs: 2 }, "junk"])).toEqual([]);
    expect(parseApprovalList({ not: "a list" })).toEqual([]);
    expect(parseApprovalEvent("exec.approval.resolved", { id: "a", decision: "maybe", ts: 1 })).toBeNull();
    expect(parseApprovalEvent("chat", { id: "a" })).toBeNull();
  });

  it("gives the router a typed approval notice for both events, and keeps run events as they were", () => {
    expect(classifyEventFrame(event("exec.approval.requested"))).toEqual({ type: "approval", change: { kind: "requested", approval: PENDING } });
    expect(classifyEventFrame(event("exec.approval.resolved"))?.type).toBe("approval");
    expect(classifyEventFrame(event("agent"))?.type).toBe("run-event");
  });
});

describe("approval requests", () => {
  it("lists oldest first and resolves with the id and decision the gateway expects", async () => {
    const later = { ...(response("r3").payload as object[])[0], id: "later", createdAtMs: PENDING.createdAtMs + 5 };
    const request = vi.fn().mockResolvedValueOnce([later, ...(response("r3").payload as object[])]).mockResolvedValueOnce({ ok: true });
    expect((await listExecApprovals(request)).map((approval) => approval.id)).toEqual([PENDING.id, "later"]);
    expect(request).toHaveBeenNthCalledWith(1, "exec.approval.list", {});
    await resolveExecApproval(request, PENDING.id, "deny");
    expect(request).toHaveBeenNthCalledWith(2, "exec.approval.resolve", { id: PENDING.id, decision: "deny" });
  });
});
