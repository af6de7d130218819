import type { ExecApproval } from "@/gateway/exec-approvals";
import { useNow } from "@/hooks/use-now";
import { usePendingApprovals } from "../api/use-pending-approvals";
import { stillPending } from "../model/pending-approvals";
import { decisionLog } from "../store/decision-log-store";
import { ApprovalCard } from "./approval-card";

function DecisionOutcomes({ sessionApprovals }: { sessionApprovals: readonly ExecApproval[] }) {
  const outcomes = decisionLog((state) => state.outcomes);
  const shown = outcomes.filter((outcome) => !sessionApprovals.some((approval) => approval.id === outcome.approvalId));
  if (shown.length === 0) return null;
  return (
    <ul aria-label="Your recent decisions" className="flex flex-col gap-1">
      {shown.map((outcome) => (
        <li key={outcome.approvalId} role={outcome.ok ? "status" : "alert"} className={`flex items-baseline gap-2 rounded-lg px-3 py-1 text-xs ${outcome.ok ? "bg-ok-soft text-ink" : "bg-bad-soft text-bad"}`}>
          <span className="min-w-0 grow break-all">
            <code className="font-mono">{outcome.command}</code> — {outcome.text}
          </span>
          <button type="button" aria-label={`Dismiss: ${outcome.text}`} onClick={() => decisionLog.getState().dismissed(outcome.approvalId)} className="shrink-0 text-ink-3 hover:text-ink">
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Every command of this session waiting for the operator, above the transcript, where it cannot scroll away. */
export function PendingApprovals({ sessionKey }: { sessionKey: string }) {
  const now = useNow();
  const { approvals, error } = usePendingApprovals();
  const mine = stillPending(approvals, now).filter((approval) => approval.sessionKey === sessionKey);
  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-2 px-4 empty:hidden">
      {error && (
        <p role="alert" className="rounded-lg bg-bad-soft px-3 py-1 text-xs text-bad">
          Could not read the pending approvals: {error}
        </p>
      )}
      {mine.length > 0 && (
        <section aria-label="Pending approvals" className="flex flex-col gap-2 pt-2">
          {mine.map((approval) => (
            <ApprovalCard key={approval.id} approval={approval} now={now} />
          ))}
        </section>
      )}
      <DecisionOutcomes sessionApprovals={mine} />
    </div>
  );
}

/** The card of one run's pending approval, under its reply. */
export function RunApprovals({ runId }: { runId: string }) {
  const now = useNow();
  const { approvals } = usePendingApprovals();
  const mine = stillPending(approvals, now).filter((approval) => approval.runId === runId);
  if (mine.length === 0) return null;
  return (
    <section aria-label="Approval for this run" className="flex flex-col gap-2">
      {mine.map((approval) => (
        <ApprovalCard key={approval.id} approval={approval} now={now} />
      ))}
    </section>
  );
}
