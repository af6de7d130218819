import { approvalStepText } from "../model/run-approvals";
import type { RunApproval } from "../model/run-timeline";

/** The run's exec approvals as timeline rows: the command, and what became of it. Commands render as text. */
export function ApprovalSteps({ approvals, now }: { approvals: readonly RunApproval[]; now: number }) {
  return (
    <ul aria-label="Approvals" className="mb-2 flex flex-col gap-1">
      {approvals.map((approval) => (
        <li key={approval.id} className="flex flex-col rounded-md bg-warn-soft px-2 py-1 text-xs">
          <span className="font-medium">{approvalStepText(approval, now)}</span>
          <code className="font-mono break-all text-ink-2">{approval.command}</code>
        </li>
      ))}
    </ul>
  );
}
