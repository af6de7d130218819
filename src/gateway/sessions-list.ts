/**
 * The one `sessions.list` read every feature shares: one cache entry, one
 * request. Each feature reads its own fields from the raw answer with a
 * TanStack Query `select`.
 */
import type { GatewayConnection } from "./gateway-connection";

export const sessionsListQueryKey = (gatewayUrl: string) => ["sessions", gatewayUrl] as const;

export function readSessionsList(connection: GatewayConnection): Promise<unknown> {
  return connection.request<unknown>("sessions.list", { limit: 100 });
}
