/**
 * The gateway's log tail as the logs panels show it: the shared tail (one
 * cache entry and one cursor per gateway, src/lib/log-tail-query.ts), read on
 * every FOLLOW_INTERVAL_MS while a panel follows, and once when a panel opens.
 * Nothing is read for this feature while no panel is mounted.
 */
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { GatewayLogLine } from "@/lib/gateway-log-lines";
import { shownLogLineReader, type LogTail } from "@/lib/log-tail";
import { gatewayLogTailQueryOptions } from "@/lib/log-tail-query";
import { useConnectionState, useGateway } from "@/providers/gateway-provider";

/** How often a followed tail is read; the gateway itself is the clock, so faster would only cost requests. */
export const FOLLOW_INTERVAL_MS = 2_000;

export interface GatewayLogTailOptions {
  /** Read on every FOLLOW_INTERVAL_MS (a live run, or the user asked to follow). */
  follow: boolean;
  /** Secrets this tab knows (gateway token, device token), masked even where they look harmless. */
  secrets: readonly string[];
}

export interface ShownLogTail {
  file?: string;
  lines: GatewayLogLine[];
  startsMidFile: boolean;
}

export function useGatewayLogTail({ follow, secrets }: GatewayLogTailOptions) {
  const connection = useGateway();
  const online = useConnectionState().status === "online";
  const select = useMemo(() => {
    const shown = shownLogLineReader(secrets);
    return (tail: LogTail): ShownLogTail => ({ file: tail.file, lines: tail.lines.map(shown), startsMidFile: tail.startsMidFile });
  }, [secrets]);
  return useQuery({
    ...gatewayLogTailQueryOptions(connection),
    select,
    enabled: online,
    refetchInterval: follow ? FOLLOW_INTERVAL_MS : false,
    staleTime: 0,
    retry: 1,
  });
}
