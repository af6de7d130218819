/**
 * Wires spawned children to their sessions' transcripts: each child on screen has its `chat.history`
 * read (the same query, key and cache as when that session is opened) and handed to the runs, so
 * after a reload in a browser whose run log never saw the child, its steps and reply come back.
 * Live events still arrive for it; a child's run ending invalidates this query like any session's.
 */
import { useQueries, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { chatHistoryQueryOptions, type ChatHistory } from "@/features/chat/api/chat-history-query";
import { useChildRunSources, type ChildHistory } from "@/features/runs/registry/use-runs";
import { useConnectionState, useGateway } from "@/providers/gateway-provider";

// One function for the page's life: TanStack Query then hands back the same array until a read changes.
function readHistories(results: UseQueryResult<ChatHistory>[]): ChildHistory[] {
  return results.flatMap((result) => (result.data ? [{ sessionKey: result.data.sessionKey, history: result.data }] : []));
}

export function useSubagentHistories(sessionKeys: readonly string[]): void {
  const connection = useGateway();
  const queryClient = useQueryClient();
  const online = useConnectionState().status === "online";
  const histories = useQueries({
    queries: [...new Set(sessionKeys)].map((sessionKey) => chatHistoryQueryOptions(connection, queryClient, sessionKey, online)),
    combine: readHistories,
  });
  useChildRunSources(histories);
}
