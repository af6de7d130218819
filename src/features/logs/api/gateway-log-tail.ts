/**
 * The gateway's log tail (`logs.tail`) as TanStack Query server state: one
 * cache entry per gateway, read on from its cursor, so every open logs panel
 * and the whole-gateway view share one tail and one poll. Nothing polls while
 * no panel is mounted.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useConnectionState, useGateway } from "@/providers/gateway-provider";
import { appendTailPage, parseLogsTailPage, type LogTailState } from "../model/log-tail-state";

export const gatewayLogsQueryKey = (gatewayUrl: string) => ["gateway-logs", gatewayUrl] as const;

/** How often a followed tail is read; the gateway itself is the clock, so faster would only cost requests. */
export const FOLLOW_INTERVAL_MS = 2_000;
/** The first read reaches back this far; `logs.tail` caps one read at 1 MB and 5,000 lines. */
const FIRST_READ = { limit: 5_000, maxBytes: 1_000_000 } as const;
const FOLLOW_READ = { limit: 2_000, maxBytes: 500_000 } as const;

export interface GatewayLogTailOptions {
  /** Read on every FOLLOW_INTERVAL_MS (a live run, or the user asked to follow). */
  follow: boolean;
  /** Secrets this tab knows (gateway token, device token), masked even where they look harmless. */
  secrets: readonly string[];
}

export function useGatewayLogTail({ follow, secrets }: GatewayLogTailOptions) {
  const connection = useGateway();
  const online = useConnectionState().status === "online";
  const queryClient = useQueryClient();
  const queryKey = gatewayLogsQueryKey(connection.url);
  return useQuery({
    queryKey,
    queryFn: async (): Promise<LogTailState> => {
      const previous = queryClient.getQueryData<LogTailState>(queryKey);
      const params = previous ? { cursor: previous.cursor, ...FOLLOW_READ } : FIRST_READ;
      const payload = await connection.request("logs.tail", params, { timeoutMs: 15_000 });
      return appendTailPage(previous, parseLogsTailPage(payload), secrets);
    },
    enabled: online,
    refetchInterval: follow ? FOLLOW_INTERVAL_MS : false,
    staleTime: 0,
    retry: 1,
  });
}
