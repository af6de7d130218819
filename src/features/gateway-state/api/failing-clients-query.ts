/**
 * Clients failing their handshake, read from the gateway's log (`logs.tail`):
 * the gateway lists only clients that got in, but logs every refusal.
 * Polled only while someone looks at the clients list.
 */
import { queryOptions } from "@tanstack/react-query";
import type { GatewayConnection } from "@/gateway/gateway-connection";
import { parseGatewayLogLine } from "@/lib/gateway-log-lines";
import { failingClients, type FailingClient } from "../model/handshake-failures";

const TAIL_LINES = 1500;
const TAIL_BYTES = 600_000;
const POLL_MS = 20_000;

export function failingClientsQueryOptions(connection: GatewayConnection, enabled: boolean) {
  return queryOptions({
    queryKey: ["gateway-failing-clients", connection.url],
    queryFn: async (): Promise<FailingClient[]> => {
      const tail = await connection.request<{ lines?: unknown }>("logs.tail", { limit: TAIL_LINES, maxBytes: TAIL_BYTES }, { timeoutMs: 15_000 });
      const lines = Array.isArray(tail?.lines) ? tail.lines.filter((line): line is string => typeof line === "string") : [];
      return failingClients(lines.map((line) => parseGatewayLogLine(line)), Date.now());
    },
    enabled,
    refetchInterval: enabled ? POLL_MS : false,
    staleTime: 5_000,
  });
}
