/**
 * Everything the session list shows and does, gathered for the app: the gateway's sessions and agents, the
 * filter, the unread memory, and the mutations. The app adds what other features must hear about.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useGateway } from "@/providers/gateway-provider";
import { groupSessions } from "../model/session-groups";
import { agentIdOf } from "@/lib/session-key";
import { isUnread } from "../model/unread";
import { seenRunsStore, useSeenRuns } from "../store/seen-runs-store";
import { agentsQueryOptions } from "./agents-query";
import { useSessionMutations, type SessionMutationEvents } from "./session-mutations";
import { sessionsQueryOptions } from "./sessions-query";

export function useSessionList({ activeKey, mainSessionKey, online, events }: { activeKey: string; mainSessionKey: string; online: boolean; events: SessionMutationEvents }) {
  const connection = useGateway();
  const sessions = useQuery(sessionsQueryOptions(connection, online));
  const agents = useQuery(agentsQueryOptions(connection, online));
  const [filter, setFilter] = useState("");
  const mutations = useSessionMutations(events);
  const seen = useSeenRuns(connection.url);
  const rows = sessions.data;

  useEffect(() => {
    if (rows) seenRunsStore.getState().sessionsListed(connection.url, rows);
  }, [rows, connection.url]);
  const activeRow = rows?.find((row) => row.key === activeKey);
  useEffect(() => {
    if (activeRow) seenRunsStore.getState().sessionViewed(connection.url, activeRow);
  }, [activeRow, connection.url]);

  const roster = agents.data?.agents;
  const groups = useMemo(() => groupSessions(rows ?? [], roster ?? [], activeKey, filter), [rows, roster, activeKey, filter]);
  const unread = useMemo(() => new Set(seen ? (rows ?? []).filter((row) => isUnread(row, seen, activeKey)).map((row) => row.key) : []), [rows, seen, activeKey]);

  return {
    groups,
    agents: roster ?? [],
    // A gateway without `agents.list` still gets sessions, with its default agent.
    agentsKnown: agents.isSuccess || agents.isError,
    defaultAgentId: agents.data?.defaultId ?? agentIdOf(mainSessionKey),
    unread,
    loading: sessions.isLoading,
    error: sessions.error ? sessions.error.message : null,
    filter,
    onFilterChange: setFilter,
    pending: mutations.pending,
    outcome: mutations.outcome,
    onDismissOutcome: mutations.dismissOutcome,
    onCommand: mutations.run,
  };
}
