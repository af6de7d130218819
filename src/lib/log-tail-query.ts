/**
 * The one `logs.tail` reader: one cache entry per gateway, read on from its
 * cursor whoever asks, so the logs panels, provider health and the clients
 * list share one tail, one read in flight and one cursor. Each feature brings
 * its own rhythm (an observer with a refetch interval, or a query of its own
 * that calls readGatewayLogTail when it refreshes) and picks its own lines.
 */
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { appendTailPage, nextTailRequest, parseLogsTailPage, type LogTail } from "./log-tail";

/** What the reader needs of a gateway connection; lib sits below the gateway layer, so it names no class. */
interface LogTailSource {
  url: string;
  request<T>(method: string, params?: unknown, options?: { timeoutMs?: number }): Promise<T>;
}

export const gatewayLogTailQueryKey = (gatewayUrl: string) => ["gateway-log-tail", gatewayUrl] as const;

export function gatewayLogTailQueryOptions(connection: LogTailSource) {
  return queryOptions({
    queryKey: gatewayLogTailQueryKey(connection.url),
    queryFn: async ({ client, queryKey }): Promise<LogTail> => {
      const previous = client.getQueryData<LogTail>(queryKey);
      const payload = await connection.request<unknown>("logs.tail", nextTailRequest(previous), { timeoutMs: 15_000 });
      return appendTailPage(previous, parseLogsTailPage(payload));
    },
    // appendTailPage keeps what did not change as it was; a deep comparison of thousands of lines per read would only cost time.
    structuralSharing: false,
  });
}

/**
 * Reads on from the cursor and returns the whole kept tail. A read already
 * under way may have been sent before the line the caller wants was written
 * (a cooldown is logged just after the run's end), so it is let land first.
 * Callers that ask together share one read; retrying is each caller's choice.
 */
export async function readGatewayLogTail(client: QueryClient, connection: LogTailSource): Promise<LogTail> {
  const options = { ...gatewayLogTailQueryOptions(connection), staleTime: 0, retry: false };
  if (client.getQueryState(options.queryKey)?.fetchStatus === "fetching") await client.fetchQuery(options).catch(() => undefined);
  return client.fetchQuery(options);
}
