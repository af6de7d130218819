/** The gateway's agents (`agents.list`), as TanStack Query server state: whom a new session can be started with. */
import { queryOptions } from "@tanstack/react-query";
import type { GatewayConnection } from "@/gateway/gateway-connection";
import { parseAgents } from "../model/agents";

export const agentsQueryKey = (gatewayUrl: string) => ["agents", gatewayUrl] as const;

export function agentsQueryOptions(connection: GatewayConnection, enabled: boolean) {
  return queryOptions({
    queryKey: agentsQueryKey(connection.url),
    queryFn: () => connection.request<unknown>("agents.list", {}),
    select: parseAgents,
    enabled,
    staleTime: 60_000,
  });
}
