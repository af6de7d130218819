/**
 * The pending approvals of this gateway: read with `exec.approval.list`
 * when the page comes online and after every reconnect (a reload or a
 * dropped socket misses events), and moved on by each approval event.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { eventRouterOf } from "@/gateway/event-router";
import type { ExecApproval } from "@/gateway/exec-approvals";
import { useGateway, useIsOnline } from "@/providers/gateway-provider";
import { applyApprovalChange } from "../model/pending-approvals";
import { pendingApprovalsQueryKey, pendingApprovalsQueryOptions } from "./pending-approvals-query";

const NONE: readonly ExecApproval[] = [];

export function usePendingApprovals(): { approvals: readonly ExecApproval[]; error: string | null } {
  const connection = useGateway();
  const query = useQuery(pendingApprovalsQueryOptions(connection, useIsOnline()));
  return { approvals: query.data ?? NONE, error: query.error ? query.error.message : null };
}

/** Keeps the list live for as long as the workspace is open; mount it once. */
export function usePendingApprovalsFeed(): void {
  const connection = useGateway();
  const queryClient = useQueryClient();
  useEffect(() => {
    const router = eventRouterOf(connection);
    const queryKey = pendingApprovalsQueryKey(connection.url);
    const offApprovals = router.on("approval", ({ change }) =>
      queryClient.setQueryData<readonly ExecApproval[]>(queryKey, (list) => applyApprovalChange(list ?? NONE, change)),
    );
    const offConnection = router.on("connection", ({ entry }) => {
      if (entry.type === "connected") void queryClient.invalidateQueries({ queryKey });
    });
    return () => {
      offApprovals();
      offConnection();
    };
  }, [connection, queryClient]);
}
