/** Message search (`sessions.search`) as TanStack Query server state, asked after a pause in typing. */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { GatewayConnection } from "@/gateway/gateway-connection";
import { useGateway, useIsOnline } from "@/providers/gateway-provider";
import { MESSAGE_SEARCH_LIMIT, messageSearchTerm, parseMessageSearch, searchDelay, type SearchReach } from "../model/message-search";
import { messageSearchState, refusesScope, type MessageSearchState } from "../model/message-search-state";

const INDEXING_RECHECK_MS = 2_000;

/** One entry per searched term: an answer for an older term can only ever fill that term's entry. */
export const messageSearchQueryKey = (gatewayUrl: string, term: string) => ["sessions-search", gatewayUrl, term] as const;

/** The gateways (by handshake) whose `sessions.search` refused `scope`: asked without it from then on. */
const scopeRefusedBy = new WeakSet<object>();

interface SearchReply {
  payload: unknown;
  reach: SearchReach;
}

/**
 * `scope` searches every session this client may see, across agents (as the Control UI's palette does), and sends
 * those sessions' rows along. A gateway whose search predates it refuses it by name: asked once more without it, it
 * searches the default agent's sessions, and the answer says so.
 */
async function searchMessages(connection: GatewayConnection, term: string | null, signal: AbortSignal): Promise<SearchReply> {
  const params = { query: term, limit: MESSAGE_SEARCH_LIMIT };
  const hello = connection.hello;
  const narrow = async (): Promise<SearchReply> => ({ payload: await connection.request<unknown>("sessions.search", params, { signal }), reach: "default-agent" });
  if (hello && scopeRefusedBy.has(hello)) return narrow();
  try {
    return { payload: await connection.request<unknown>("sessions.search", { ...params, scope: {} }, { signal }), reach: "every-agent" };
  } catch (error) {
    if (!refusesScope(error)) throw error;
    if (hello) scopeRefusedBy.add(hello);
    return narrow();
  }
}

export function messageSearchQueryOptions(connection: GatewayConnection, term: string | null, enabled: boolean) {
  return queryOptions({
    queryKey: messageSearchQueryKey(connection.url, term ?? ""),
    queryFn: ({ signal }) => searchMessages(connection, term, signal),
    select: (reply: SearchReply) => parseMessageSearch(reply.payload, reply.reach),
    enabled: enabled && term !== null,
    staleTime: 15_000,
    // The gateway's first search starts its index: ask again until it is done, so the list fills in by itself.
    refetchInterval: (query) => ((query.state.data?.payload as { indexing?: unknown } | undefined)?.indexing === true ? INDEXING_RECHECK_MS : false),
    // A gateway without the method, or a refusal, answers the same the second time.
    retry: false,
  });
}

/** The typed term once typing has paused (at once when it was cleared). */
function useSearchedTerm(typed: string | null): string | null {
  const [searched, setSearched] = useState(typed);
  useEffect(() => {
    const delay = searchDelay(typed, searched);
    if (typed === searched) return;
    const timer = setTimeout(() => setSearched(typed), delay);
    return () => clearTimeout(timer);
  }, [typed, searched]);
  return searched;
}

export function useMessageSearch(query: string): MessageSearchState {
  const connection = useGateway();
  const online = useIsOnline();
  const searched = useSearchedTerm(messageSearchTerm(query));
  const request = useQuery(messageSearchQueryOptions(connection, searched, online));
  return messageSearchState({ online, query, searched, request: { status: request.status, data: request.data, error: request.error } });
}
