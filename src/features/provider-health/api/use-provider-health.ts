/**
 * Provider health for one session, kept current without polling: the reads
 * refresh when a run ends, after a reconnect, on window focus, and once when
 * a cooldown or rate limit runs out.
 */
import { agentIdOf } from "@/lib/session-key";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { withAdminAccess } from "@/gateway/admin-access";
import { eventRouterOf } from "@/gateway/event-router";
import { useNow } from "@/hooks/use-now";
import { useGateway, useIsOnline } from "@/providers/gateway-provider";
import type { GatewayConnection } from "@/gateway/gateway-connection";
import { readSessionsList, sessionsListQueryKey } from "@/gateway/sessions-list";
import type { LogFailures } from "../model/log-failures";
import { deriveProviderHealth, healthWhileDisconnected, nextHealthChangeAt, sessionTarget, type ProviderHealth } from "../model/provider-health";
import { outcomesFromSessions, parseSessionsSnapshot, type ModelChoice, type ModelRef } from "../model/provider-signals";
import {
  authStatusQueryKey,
  authStatusQueryOptions,
  logFailuresQueryKey,
  logFailuresQueryOptions,
  modelsQueryKey,
  modelsQueryOptions,
  probeProvider,
  patchSession,
} from "./provider-health-queries";

/** The gateway writes the cooldown to its log just after the run's terminal event; read a moment later. */
const AFTER_RUN_END_MS = 800;

export interface ModelOption {
  ref: ModelRef;
  name: string;
  health: ProviderHealth;
  /** False when the gateway marks the model unavailable: shown, but not offered. */
  available: boolean;
  thinkingLevels?: ModelChoice["thinkingLevels"];
  thinkingDefault?: string;
}

export interface ProviderHealthView {
  target: ModelRef | undefined;
  health: ProviderHealth;
  now: number;
  /** Every other model the gateway lists as available, with its own health. */
  alternatives: ModelOption[];
  /** Every model the gateway lists, available or not, with its own health; undefined until models.list answers. */
  models: ModelOption[] | undefined;
}

/** When this page saw the connection drop (a close after sign-in, or a restart notice); undefined while connected. */
function useConnectionLostAt(connection: GatewayConnection): number | undefined {
  const [lostAt, setLostAt] = useState<number>();
  useEffect(
    () =>
      connection.onConnectionLog((entry) => {
        if (entry.type === "disconnected" || entry.type === "restarting") setLostAt((earlier) => earlier ?? entry.at);
        if (entry.type === "connected") setLostAt(undefined);
      }),
    [connection],
  );
  return lostAt;
}

export function useProviderHealth(sessionKey: string): ProviderHealthView {
  const connection = useGateway();
  const online = useIsOnline();
  const lostAt = useConnectionLostAt(connection);
  const queryClient = useQueryClient();
  const now = useNow();

  const models = useQuery(modelsQueryOptions(connection, online));
  const auth = useQuery(authStatusQueryOptions(connection, online));
  const sessions = useQuery({
    queryKey: sessionsListQueryKey(connection.url),
    queryFn: () => readSessionsList(connection),
    select: parseSessionsSnapshot,
    enabled: online,
    staleTime: 10_000,
    refetchOnWindowFocus: true,
  });
  const logFailures = useQuery(logFailuresQueryOptions(connection, online, () => queryClient.getQueryData<LogFailures>(logFailuresQueryKey(connection.url))));

  const outcomes = useMemo(() => outcomesFromSessions(sessions.data?.rows ?? []), [sessions.data]);
  const failures = useMemo(() => [...outcomes.failures, ...(logFailures.data?.failures ?? [])], [outcomes, logFailures.data]);
  const target = sessionTarget(sessions.data, sessionKey);
  const healthOf = (ref: ModelRef | undefined) => {
    const known = deriveProviderHealth({ target: ref, models: models.data, auth: auth.data ?? [], failures, successes: outcomes.successes, now });
    return online ? known : healthWhileDisconnected(known, lostAt);
  };
  const health = healthOf(target);
  const options = models.data?.map((model: ModelChoice): ModelOption => {
    const ref = { provider: model.provider, model: model.id };
    return {
      ref,
      name: model.name,
      health: healthOf(ref),
      available: model.available,
      ...(model.thinkingLevels ? { thinkingLevels: model.thinkingLevels } : {}),
      ...(model.thinkingDefault ? { thinkingDefault: model.thinkingDefault } : {}),
    };
  });
  const alternatives = (options ?? []).filter((option) => option.available && !(option.ref.provider === target?.provider && option.ref.model === target.model));

  useEffect(() => {
    const refresh = () => {
      for (const queryKey of [modelsQueryKey(connection.url), authStatusQueryKey(connection.url), logFailuresQueryKey(connection.url), sessionsListQueryKey(connection.url)]) {
        void queryClient.invalidateQueries({ queryKey });
      }
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const router = eventRouterOf(connection);
    const offEvents = router.on("run-event", (notice) => {
      if (!notice.runEnded) return;
      clearTimeout(timer);
      timer = setTimeout(refresh, AFTER_RUN_END_MS);
    });
    const offLog = router.on("connection", ({ entry }) => {
      if (entry.type === "connected" && !entry.firstConnect) refresh();
    });
    return () => {
      clearTimeout(timer);
      offEvents();
      offLog();
    };
  }, [connection, queryClient]);

  const changeAt = nextHealthChangeAt(health, now);
  useEffect(() => {
    if (changeAt === undefined) return;
    // One look at the gateway when the countdown ends, to confirm what the clock says.
    const timer = setTimeout(() => {
      for (const queryKey of [modelsQueryKey(connection.url), authStatusQueryKey(connection.url), logFailuresQueryKey(connection.url)]) {
        void queryClient.invalidateQueries({ queryKey });
      }
    }, Math.max(0, changeAt - Date.now()) + 1000);
    return () => clearTimeout(timer);
  }, [changeAt, connection, queryClient]);

  return { target, health, now, alternatives, models: options };
}

export function useProbeProvider(sessionKey: string) {
  const connection = useGateway();
  const queryClient = useQueryClient();
  return useMutation({
    // models.probe is admin-only: the tab reconnects with operator.admin for it (or says why it cannot).
    mutationFn: (provider: string) => withAdminAccess(connection, () => probeProvider(connection, provider, agentIdOf(sessionKey)), "Testing a provider"),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: logFailuresQueryKey(connection.url) });
      void queryClient.invalidateQueries({ queryKey: modelsQueryKey(connection.url) });
    },
  });
}

export function useSwitchSessionModel(sessionKey: string) {
  const connection = useGateway();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (target: ModelRef) => {
      await patchSession(connection, sessionKey, { model: target });
      // The health line must name the new model before the held message goes out.
      await queryClient.invalidateQueries({ queryKey: sessionsListQueryKey(connection.url) });
    },
  });
}
