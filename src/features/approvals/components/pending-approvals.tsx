import { useEffect } from "react";
import type { ExecApproval } from "@/gateway/exec-approvals";
import { useNow } from "@/hooks/use-now";
import { usePendingApprovals } from "../api/use-pending-approvals";
import { stillPending } from "../model/pending-approvals";
import { decisionLog } from "../store/decision-log-store";
import { runApprovalCards } from "../store/run-approval-cards-store";
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

/**
 * Brings an approval's card on its run into the transcript's view, its top just below the banner (the card's scroll
 * margin keeps a gap), and puts focus on its first decision, so the command is decided where the run shows it. On a
 * phone the card can be taller than what the banner leaves of the transcript: its decisions are brought in then.
 */
function showRunCard(approvalId: string): void {
  const card = document.querySelector<HTMLElement>(`[data-run-approval="${CSS.escape(approvalId)}"]`);
  if (!card) return;
  card.scrollIntoView({ block: "start" });
  const decisions = card.querySelector<HTMLElement>('[role="group"][aria-label="Decision"]');
  decisions?.scrollIntoView({ block: "nearest" });
  decisions?.querySelector<HTMLElement>("button:not(:disabled)")?.focus({ preventScroll: true });
}

/**
 * Every command of this session waiting for the operator, above the transcript, where it cannot scroll away. It
 * takes its own rows in the chat's column, never the transcript's: the border under it is where the transcript's
 * scrolled-away content is cut off, so a run's card half scrolled out reads as scrolled, not as covered.
 */
export function PendingApprovals({ sessionKey }: { sessionKey: string }) {
  const now = useNow();
  const { approvals, error } = usePendingApprovals();
  const onRuns = runApprovalCards((state) => state.shown);
  const mine = stillPending(approvals, now).filter((approval) => approval.sessionKey === sessionKey);
  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-2 border-b border-line px-4 pb-2 empty:hidden">
      {error && (
        <p role="alert" className="rounded-lg bg-bad-soft px-3 py-1 text-xs text-bad">
          Could not read the pending approvals: {error}
        </p>
      )}
      {mine.length > 0 && (
        <section aria-label="Pending approvals" className="flex flex-col gap-2 pt-2">
          {mine.map((approval) => (
            <ApprovalCard key={approval.id} approval={approval} now={now} onShowInRun={onRuns.has(approval.id) ? () => showRunCard(approval.id) : undefined} />
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
        <RunApprovalCard key={approval.id} approval={approval} now={now} />
      ))}
    </section>
  );
}

/** One card on its run, known to the banner while it is on the page; its scroll margin keeps it clear of the banner. */
function RunApprovalCard({ approval, now }: { approval: ExecApproval; now: number }) {
  useEffect(() => {
    runApprovalCards.getState().cardMounted(approval.id);
    return () => runApprovalCards.getState().cardUnmounted(approval.id);
  }, [approval.id]);
  return (
    <div data-run-approval={approval.id} className="scroll-mt-3">
      <ApprovalCard approval={approval} now={now} />
    </div>
  );
}
