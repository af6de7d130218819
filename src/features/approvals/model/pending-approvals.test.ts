import { describe, expect, it } from "vitest";
import { parseApprovalEvent, parseApprovalList, type ApprovalChange } from "@/gateway/exec-approvals";
import { findInbound, readCapture } from "@/testing/capture-frames";
import { applyApprovalChange, countdownText, decisionDoneText, decisionFailureText, sessionsAwaitingApproval, stillPending } from "./pending-approvals";

const ALLOW = "exec-approval-allow-once.jsonl";

function changes(name: string): ApprovalChange[] {
  return readCapture(name).flatMap(({ dir, frame }) => (dir === "in" && frame?.type === "event" ? (parseApprovalEvent(String(frame.event), frame.payload) ?? []) : []));
}

describe("the pending list", () => {
  const listed = parseApprovalList(findInbound(ALLOW, (frame) => frame.id === "r3").payload);
  const [requested, resolved] = changes(ALLOW);
  if (!requested || !resolved) throw new Error("capture lacks the approval events");

  it("adds a requested approval once, and a decision made anywhere takes it away", () => {
    const afterRequest = applyApprovalChange([], requested);
    expect(afterRequest).toEqual(listed);
    expect(applyApprovalChange(afterRequest, requested)).toBe(afterRequest);
    expect(applyApprovalChange(afterRequest, resolved)).toEqual([]);
    expect(applyApprovalChange([], resolved)).toEqual([]);
  });

  it("drops an approval whose time is up, and marks its session while it waits", () => {
    const [approval] = listed;
    if (!approval) throw new Error("empty list");
    expect(stillPending(listed, approval.expiresAtMs - 1)).toEqual(listed);
    expect(stillPending(listed, approval.expiresAtMs)).toEqual([]);
    expect([...sessionsAwaitingApproval(listed)]).toEqual(["agent:main:guarded1"]);
  });
});

describe("countdown", () => {
  it("counts minutes and seconds down to the expiry, rounding up so it never shows 0:00 while still decidable", () => {
    const expiresAt = 1_000_000;
    expect(countdownText(expiresAt, expiresAt - 30 * 60_000)).toBe("Expires in 30:00");
    expect(countdownText(expiresAt, expiresAt - 65_500)).toBe("Expires in 1:06");
    expect(countdownText(expiresAt, expiresAt - 400)).toBe("Expires in 0:01");
    expect(countdownText(expiresAt, expiresAt - 2 * 3_600_000 - 5_000)).toBe("Expires in 2:00:05");
    expect(countdownText(expiresAt, expiresAt)).toBe("Expired");
  });
});

describe("what a decision says", () => {
  it("says what happens to the command", () => {
    expect(decisionDoneText("allow-once")).toBe("Allowed once: the command runs now.");
    expect(decisionDoneText("deny")).toBe("Denied: the command will not run.");
  });

  it("says why a decision failed, from the gateway's real refusal", () => {
    const refusal = findInbound(ALLOW, (frame) => frame.id === "r7").error as { message: string; details: { reason: string } };
    expect(decisionFailureText("deny", { message: refusal.message, reason: refusal.details.reason })).toBe("Could not deny: it was already decided elsewhere.");
    expect(decisionFailureText("allow-once", { message: "unknown or expired approval id", reason: "APPROVAL_NOT_FOUND" })).toBe(
      "Could not allow: the approval has expired or no longer exists.",
    );
    expect(decisionFailureText("allow-once", { message: "gateway request timed out" })).toBe("Could not allow: gateway request timed out");
  });
});
