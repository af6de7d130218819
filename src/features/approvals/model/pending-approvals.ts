/**
 * The pending exec approvals as the operator sees them: one list, kept by
 * the `exec.approval.list` read and moved on by every approval event, so a
 * decision made anywhere (this tab, another tab, the CLI) takes its card away.
 */
import type { ApprovalChange, ApprovalDecision, ExecApproval } from "@/gateway/exec-approvals";

/** The list after one event; the same array when the event changes nothing. */
export function applyApprovalChange(list: readonly ExecApproval[], change: ApprovalChange): readonly ExecApproval[] {
  if (change.kind === "requested") {
    if (list.some((approval) => approval.id === change.approval.id)) return list;
    return [...list, change.approval].sort((a, b) => a.createdAtMs - b.createdAtMs);
  }
  return withoutApproval(list, change.resolution.id);
}

export function withoutApproval(list: readonly ExecApproval[], id: string): readonly ExecApproval[] {
  return list.some((approval) => approval.id === id) ? list.filter((approval) => approval.id !== id) : list;
}

/** Still decidable at `now`: an expired approval is gone for the gateway even before the list is read again. */
export function stillPending(list: readonly ExecApproval[], now: number): ExecApproval[] {
  return list.filter((approval) => approval.expiresAtMs > now);
}

export function sessionsAwaitingApproval(list: readonly ExecApproval[]): ReadonlySet<string> {
  return new Set(list.flatMap((approval) => (approval.sessionKey ? [approval.sessionKey] : [])));
}

/** "Expires in 29:58", "Expires in 0:05"; "Expired" once the time is up. */
export function countdownText(expiresAtMs: number, now: number): string {
  const left = Math.ceil((expiresAtMs - now) / 1000);
  if (left <= 0) return "Expired";
  const hours = Math.floor(left / 3600);
  const minutes = Math.floor((left % 3600) / 60);
  const seconds = String(left % 60).padStart(2, "0");
  return hours > 0 ? `Expires in ${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `Expires in ${minutes}:${seconds}`;
}

export const DECISION_LABELS: Record<ApprovalDecision, string> = {
  "allow-once": "Allow once",
  "allow-always": "Allow always",
  deny: "Deny",
};

/** What the operator reads once the gateway took the decision. */
export function decisionDoneText(decision: ApprovalDecision): string {
  switch (decision) {
    case "allow-once":
      return "Allowed once: the command runs now.";
    case "allow-always":
      return "Allowed always: the command runs now, and this agent may run it again without asking.";
    case "deny":
      return "Denied: the command will not run.";
  }
}

/** Why a decision did not go through, in the words of someone who can act on it. */
export function decisionFailureText(decision: ApprovalDecision, refusal: { message: string; reason?: string }): string {
  const verb = decision === "deny" ? "deny" : "allow";
  if (refusal.reason === "APPROVAL_ALREADY_RESOLVED" || /already resolved/i.test(refusal.message)) {
    return `Could not ${verb}: it was already decided elsewhere.`;
  }
  if (refusal.reason === "APPROVAL_NOT_FOUND" || /unknown or expired|expired or not found/i.test(refusal.message)) {
    return `Could not ${verb}: the approval has expired or no longer exists.`;
  }
  return `Could not ${verb}: ${refusal.message}`;
}
