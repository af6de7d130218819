/** A session's history, and what it settles in the outbox: a message history holds is delivered. */
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useGateway } from "@/providers/gateway-provider";
import { deliveredRunIds } from "../model/transcript";
import { outboxStore } from "../store/outbox-store";
import { chatHistoryQueryOptions } from "./chat-history-query";

export function useChatHistory(sessionKey: string, online: boolean) {
  const connection = useGateway();
  const history = useQuery(chatHistoryQueryOptions(connection, sessionKey, online));
  useEffect(() => {
    if (history.data) outboxStore.getState().historyDelivered(sessionKey, deliveredRunIds(history.data.messages));
  }, [history.data, sessionKey]);
  return history;
}
