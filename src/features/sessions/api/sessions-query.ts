/** The gateway's session list, as TanStack Query server state. */
import { queryOptions } from "@tanstack/react-query";
import type { GatewayConnection } from "@/gateway/gateway-connection";
import { parseSessionRows, type SessionRow } from "../model/session-row";

export const sessionsQueryKey = (gatewayUrl: string) => ["sessions", gatewayUrl] as const;

export function sessionsQueryOptions(connection: GatewayConnection, enabled: boolean) {
  return queryOptions({
    queryKey: sessionsQueryKey(connection.url),
    queryFn: async (): Promise<SessionRow[]> => parseSessionRows(await connection.request("sessions.list", { limit: 100 })),
    enabled,
    staleTime: 10_000,
  });
}
