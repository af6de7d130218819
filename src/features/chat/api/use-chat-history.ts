/**
 * A session's history: the tail, the older pages the user scrolled up to, and
 * what it settles in the outbox (a message history holds is delivered).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { useGateway } from "@/providers/gateway-provider";
import { mergeHistoryPages } from "../model/history-pages";
import { deliveredRunIds } from "../model/transcript";
import { outboxStore } from "../store/outbox-store";
import { chatHistoryQueryKey, chatHistoryQueryOptions, olderHistoryQueryKey, readOlderPage, tailStartsAt, type ChatHistory, type OlderHistoryPage } from "./chat-history-query";

/** Whether there is more to read above what is shown, and how reading it went. */
export type EarlierHistory =
  | { status: "more"; load(): void }
  | { status: "loading" }
  | { status: "failed"; error: string; load(): void }
  | { status: "complete" };

const NO_PAGES: OlderHistoryPage[] = [];

export function useChatHistory(sessionKey: string, online: boolean) {
  const connection = useGateway();
  const queryClient = useQueryClient();
  const tail = useQuery(chatHistoryQueryOptions(connection, queryClient, sessionKey, online));
  const olderKey = olderHistoryQueryKey(connection.url, sessionKey);
  // Older pages are only ever written by loadOlder below; nothing refetches them.
  const older = useQuery({ queryKey: olderKey, queryFn: () => NO_PAGES, initialData: NO_PAGES, staleTime: Number.POSITIVE_INFINITY }).data;

  const loadOlder = useMutation({
    mutationFn: async () => {
      const latest = queryClient.getQueryData<ChatHistory>(chatHistoryQueryKey(connection.url, sessionKey));
      const pages = queryClient.getQueryData<OlderHistoryPage[]>(olderKey) ?? NO_PAGES;
      const from = pages.at(-1)?.startsAt ?? (latest ? tailStartsAt(latest.page) : undefined);
      if (from === undefined || from <= 0 || latest?.page.totalMessages === undefined) return;
      const page = await readOlderPage(connection, sessionKey, from, latest.page.totalMessages);
      queryClient.setQueryData<OlderHistoryPage[]>(olderKey, (current = NO_PAGES) => [...current, page]);
    },
  });

  useEffect(() => {
    if (tail.data) outboxStore.getState().historyDelivered(sessionKey, deliveredRunIds(tail.data.messages));
  }, [tail.data, sessionKey]);

  const data = useMemo<ChatHistory | undefined>(
    () => (tail.data && older.length > 0 ? { ...tail.data, messages: mergeHistoryPages(older.map((page) => page.rows), tail.data.messages) } : tail.data),
    [tail.data, older],
  );

  const hasMore = older.length > 0 ? (older.at(-1)?.hasMore ?? false) : (tail.data?.page.hasMore ?? false);
  const load = () => {
    if (!loadOlder.isPending) loadOlder.mutate();
  };
  const earlier: EarlierHistory = loadOlder.isPending
    ? { status: "loading" }
    : loadOlder.error
      ? { status: "failed", error: loadOlder.error.message, load }
      : hasMore
        ? { status: "more", load }
        : { status: "complete" };

  // How many older pages are held: a reader that asked for one (a found message further back) sees it arrive.
  return { data, error: tail.error, isLoading: tail.isLoading, earlier, olderPages: older.length };
}
