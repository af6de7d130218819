/**
 * Clients failing their handshake, read from the gateway's log through the
 * shared log tail (src/lib/log-tail-query.ts): the gateway lists only clients
 * that got in, but logs every refusal. Polled only while someone looks at the
 * clients list.
 */
import { queryOptions } from "@tanstack/react-query";
import type { GatewayConnection } from "@/gateway/gateway-connection";
import { parsedLogLine, type LogTailLine } from "@/lib/log-tail";
import { readGatewayLogTail } from "@/lib/log-tail-query";
import { failingClients, type FailingClient } from "../model/handshake-failures";

const POLL_MS = 20_000;

export const failingClientsQueryKey = (gatewayUrl: string) => ["gateway-failing-clients", gatewayUrl] as const;

export function failingClientsQueryOptions(connection: GatewayConnection, enabled: boolean) {
  return queryOptions({
    queryKey: failingClientsQueryKey(connection.url),
    queryFn: async ({ client }): Promise<FailingClient[]> => {
      const tail = await readGatewayLogTail(client, connection);
      return failingClients(handshakeLines(tail.lines), Date.now());
    },
    enabled,
    refetchInterval: enabled ? POLL_MS : false,
    staleTime: 5_000,
  });
}

/** A refused handshake is logged with a `handshake` field; lines without one need not be parsed. */
function handshakeLines(lines: readonly LogTailLine[]) {
  return lines.filter((line) => line.raw.includes('"handshake"')).map(parsedLogLine);
}
