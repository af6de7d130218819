/** The gateway's session list, as TanStack Query server state. */
import { queryOptions } from "@tanstack/react-query";
import type { GatewayConnection } from "@/gateway/gateway-connection";
import { readSessionsList, sessionsListQueryKey } from "@/gateway/sessions-list";
import { parseSessionRows } from "../model/session-row";

export const sessionsQueryKey = sessionsListQueryKey;

export function sessionsQueryOptions(connection: GatewayConnection, enabled: boolean) {
  return queryOptions({
    queryKey: sessionsQueryKey(connection.url),
    queryFn: () => readSessionsList(connection),
    select: parseSessionRows,
    enabled,
    staleTime: 10_000,
  });
}
