/** One card's decision: sent with `exec.approval.resolve`, its outcome kept for the card (or the list, once the card is gone). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { resolveExecApproval, type ApprovalDecision, type ExecApproval } from "@/gateway/exec-approvals";
import { gatewayRefusalOf } from "@/gateway/request-errors";
import { isRecord, readText } from "@/lib/read-untrusted";
import { useGateway } from "@/providers/gateway-provider";
import { decisionDoneText, decisionFailureText, withoutApproval } from "../model/pending-approvals";
import { decisionLog } from "../store/decision-log-store";
import { pendingApprovalsQueryKey, requestOf } from "./pending-approvals-query";

export function decisionErrorText(decision: ApprovalDecision, error: unknown): string {
  const refusal = gatewayRefusalOf(error);
  if (!refusal) return decisionFailureText(decision, { message: error instanceof Error ? error.message : String(error) });
  const reason = isRecord(refusal.details) ? readText(refusal.details, "reason") : undefined;
  return decisionFailureText(decision, { message: refusal.message, reason });
}

export function useDecideApproval(approval: ExecApproval) {
  const connection = useGateway();
  const queryClient = useQueryClient();
  const queryKey = pendingApprovalsQueryKey(connection.url);
  return useMutation({
    mutationFn: (decision: ApprovalDecision) => resolveExecApproval(requestOf(connection), approval.id, decision),
    onSuccess: (_, decision) => {
      decisionLog.getState().decided({ approvalId: approval.id, command: approval.command, text: decisionDoneText(decision), at: Date.now() });
      queryClient.setQueryData<readonly ExecApproval[]>(queryKey, (list) => (list ? withoutApproval(list, approval.id) : list));
    },
    onError: (error, decision) => {
      // Decided elsewhere or expired: the card has nothing left to decide, so the list says why instead.
      const text = decisionErrorText(decision, error);
      if (gatewayRefusalOf(error)) {
        decisionLog.getState().failed({ approvalId: approval.id, command: approval.command, text, at: Date.now() });
        void queryClient.invalidateQueries({ queryKey });
      }
    },
  });
}
