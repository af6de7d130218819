/**
 * Wires the run feed to server data: when runs say a session's history has
 * moved on, that history and the session list are read again (the socket
 * notifies, TanStack Query refetches), and so is the list when sessions change. Steers the gateway announces
 * live reach the transcript before the next read.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { chatHistoriesQueryKey, chatHistoryQueryKey } from "@/features/chat/api/chat-history-query";
import { useLiveSteerTargets } from "@/features/chat/api/use-live-steer-targets";
import { useRunFeed } from "@/features/runs/registry/use-run-feed";
import { sessionsQueryKey } from "@/features/sessions/api/sessions-query";
import { eventRouterOf } from "@/gateway/event-router";
import { useGateway } from "@/providers/gateway-provider";

export function useLiveEventBridge(): void {
  const connection = useGateway();
  const queryClient = useQueryClient();
  const url = connection.url;

  useRunFeed(
    useCallback(
      (sessionKey: string | undefined) => {
        void queryClient.invalidateQueries({ queryKey: sessionKey ? chatHistoryQueryKey(url, sessionKey) : chatHistoriesQueryKey(url) });
        void queryClient.invalidateQueries({ queryKey: sessionsQueryKey(url) });
      },
      [queryClient, url],
    ),
  );

  useLiveSteerTargets();
  useEffect(
    () => eventRouterOf(connection).on("sessions-changed", () => void queryClient.invalidateQueries({ queryKey: sessionsQueryKey(connection.url) })),
    [connection, queryClient],
  );
}
