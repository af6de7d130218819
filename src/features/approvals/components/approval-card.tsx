import { useId } from "react";
import { Button } from "@/components/ui/button";
import { APPROVAL_DECISIONS, type ApprovalDecision, type ExecApproval } from "@/gateway/exec-approvals";
import { useDecideApproval, decisionErrorText } from "../api/use-decide-approval";
import { countdownText, DECISION_LABELS } from "../model/pending-approvals";

const VARIANT: Record<ApprovalDecision, "primary" | "secondary" | "danger"> = {
  "allow-once": "primary",
  "allow-always": "secondary",
  deny: "danger",
};

function Fact({ label, value }: { label: string; value: string | undefined }) {
  return (
    <div className="flex min-w-0 gap-1.5">
      <dt className="shrink-0 text-ink-3">{label}</dt>
      <dd className="min-w-0 font-mono break-all">{value ?? "not given"}</dd>
    </div>
  );
}

/**
 * One command waiting for the operator: what would run, where, for which
 * agent, how long is left, and the decisions. The command is model output:
 * it is shown as text, never as markup.
 */
export function ApprovalCard({ approval, now, onShowInRun }: { approval: ExecApproval; now: number; onShowInRun?: () => void }) {
  const titleId = useId();
  const notOfferedId = useId();
  const decide = useDecideApproval(approval);
  const sending = decide.isPending ? decide.variables : undefined;
  const offered = new Set(approval.allowedDecisions);
  return (
    <section aria-labelledby={titleId} className="flex flex-col gap-2 rounded-xl border border-warn/40 bg-warn-soft px-3.5 py-2.5 text-sm text-ink">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={titleId} className="font-semibold text-warn">
          Approval needed to run a command
        </h3>
        <div className="flex items-baseline gap-2">
          <span role="timer" aria-label="Time left to decide" className="text-xs text-ink-2 tabular-nums">
            {countdownText(approval.expiresAtMs, now)}
          </span>
          {onShowInRun && (
            <button type="button" onClick={onShowInRun} className="text-xs font-medium text-accent underline underline-offset-2 hover:no-underline">
              Show in its run
            </button>
          )}
        </div>
      </div>
      <pre aria-label="Command" className="overflow-x-auto rounded-lg bg-surface px-2.5 py-1.5 font-mono text-xs whitespace-pre-wrap break-all">
        {approval.command}
      </pre>
      {approval.warningText && <p className="text-xs text-warn">{approval.warningText}</p>}
      <dl className="grid grid-cols-1 gap-x-4 gap-y-0.5 text-xs sm:grid-cols-2">
        <Fact label="Directory" value={approval.cwd} />
        <Fact label="Agent" value={approval.agentId} />
        <Fact label="Host" value={approval.nodeId ? `${approval.host ?? "node"} ${approval.nodeId}` : approval.host} />
      </dl>
      <div role="group" aria-label="Decision" className="flex flex-wrap items-center gap-2">
        {APPROVAL_DECISIONS.map((decision) => (
          <Button
            key={decision}
            variant={VARIANT[decision]}
            disabled={decide.isPending || !offered.has(decision)}
            aria-describedby={offered.has(decision) ? undefined : notOfferedId}
            onClick={() => decide.mutate(decision)}
          >
            {sending === decision ? `${DECISION_LABELS[decision]}…` : DECISION_LABELS[decision]}
          </Button>
        ))}
        {!offered.has("allow-always") && (
          <span id={notOfferedId} className="text-xs text-ink-3">
            The gateway does not offer “Allow always” for this command.
          </span>
        )}
      </div>
      {decide.isError && (
        <p role="alert" className="text-xs text-bad">
          {decisionErrorText(decide.variables, decide.error)}
        </p>
      )}
    </section>
  );
}
