/** The open session's heading, from the same session list and agent roster queries as the sidebar. */
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useGateway } from "@/providers/gateway-provider";
import { openSessionTitle, type OpenSessionTitle } from "../model/open-session";
import { agentsQueryOptions } from "./agents-query";
import { sessionsQueryOptions } from "./sessions-query";

export function useOpenSessionTitle(sessionKey: string, online: boolean): OpenSessionTitle {
  const connection = useGateway();
  const sessions = useQuery(sessionsQueryOptions(connection, online));
  const agents = useQuery(agentsQueryOptions(connection, online));
  return useMemo(() => openSessionTitle(sessionKey, sessions.data ?? [], agents.data?.agents ?? []), [sessionKey, sessions.data, agents.data]);
}
