/**
 * Wires the approvals feature to the runs: the pending list stays live, and
 * every approval it lists (after a reload or reconnect too) is told to the run
 * registry, so the run it holds says "waiting for your approval". The runs
 * feature hears the approval events itself (use-run-feed).
 */
import { useEffect } from "react";
import { usePendingApprovals, usePendingApprovalsFeed } from "@/features/approvals/api/use-pending-approvals";
import { sessionsAwaitingApproval } from "@/features/approvals/model/pending-approvals";
import { useRunRegistry } from "@/features/runs/registry/use-runs";

/** Returns the sessions with a command waiting for a decision, for the session list. */
export function useApprovalBridge(): ReadonlySet<string> {
  usePendingApprovalsFeed();
  const { approvals } = usePendingApprovals();
  const registry = useRunRegistry();
  useEffect(() => {
    for (const approval of approvals) registry.approvalSeen({ kind: "requested", approval });
  }, [approvals, registry]);
  return sessionsAwaitingApproval(approvals);
}
