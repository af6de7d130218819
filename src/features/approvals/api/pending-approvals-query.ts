/** The pending exec approvals as TanStack Query server state, kept current by the approval events (use-pending-approvals.ts). */
import { queryOptions } from "@tanstack/react-query";
import { listExecApprovals, type ExecApproval, type GatewayRequest } from "@/gateway/exec-approvals";
import type { GatewayConnection } from "@/gateway/gateway-connection";

export const pendingApprovalsQueryKey = (gatewayUrl: string) => ["exec-approvals", gatewayUrl] as const;

export function requestOf(connection: GatewayConnection): GatewayRequest {
  return <T>(method: string, params?: unknown) => connection.request<T>(method, params);
}

export function pendingApprovalsQueryOptions(connection: GatewayConnection, enabled: boolean) {
  return queryOptions<readonly ExecApproval[]>({
    queryKey: pendingApprovalsQueryKey(connection.url),
    queryFn: () => listExecApprovals(requestOf(connection)),
    enabled,
    // Events keep the list current between reads; a (re)connect reads it again.
    staleTime: 30_000,
  });
}
