/** The gateway reads behind provider health, as TanStack Query options, and the two actions (probe, switch model). */
import { queryOptions } from "@tanstack/react-query";
import type { GatewayConnection } from "@/gateway/gateway-connection";
import { readGatewayLogTail } from "@/lib/log-tail-query";
import { redactText } from "@/lib/redact";
import { failuresInLogTail, mergeLogFailures, type LogFailures } from "../model/log-failures";
import { parseModelChoices, parseProviderAuth, type ModelRef } from "../model/provider-signals";

export const modelsQueryKey = (gatewayUrl: string) => ["models", gatewayUrl] as const;
export const authStatusQueryKey = (gatewayUrl: string) => ["models-auth-status", gatewayUrl] as const;
export const logFailuresQueryKey = (gatewayUrl: string) => ["provider-log-failures", gatewayUrl] as const;

export function modelsQueryOptions(connection: GatewayConnection, enabled: boolean) {
  return queryOptions({
    queryKey: modelsQueryKey(connection.url),
    queryFn: async () => parseModelChoices(await connection.request("models.list", {})),
    enabled,
    staleTime: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function authStatusQueryOptions(connection: GatewayConnection, enabled: boolean) {
  return queryOptions({
    queryKey: authStatusQueryKey(connection.url),
    queryFn: async () => parseProviderAuth(await connection.request("models.authStatus", {})),
    enabled,
    staleTime: 60_000,
    refetchOnWindowFocus: true,
    // Auth status is a diagnosis; chat works without it.
    retry: false,
  });
}

/** Provider failures in the gateway log, read through the shared log tail whenever provider health refreshes. */
export function logFailuresQueryOptions(connection: GatewayConnection, enabled: boolean, previous: () => LogFailures | undefined) {
  return queryOptions({
    queryKey: logFailuresQueryKey(connection.url),
    queryFn: async ({ client }): Promise<LogFailures> => {
      const before = previous();
      const tail = await readGatewayLogTail(client, connection);
      return mergeLogFailures(before, failuresInLogTail(tail.lines), Date.now());
    },
    enabled,
    staleTime: 30_000,
    refetchOnWindowFocus: true,
    retry: false,
  });
}

export interface ProbeResult {
  status: string;
  latencyMs?: number;
  error?: string;
}

/** `agentId` names whose credentials to test: a gateway with several agents refuses a probe without it. */
export async function probeProvider(connection: GatewayConnection, provider: string, agentId: string): Promise<ProbeResult> {
  const answer = await connection.request<{ status?: unknown; latencyMs?: unknown; error?: unknown; results?: unknown }>("models.probe", { provider, agentId }, { timeoutMs: 60_000 });
  const firstError = Array.isArray(answer?.results)
    ? (answer.results as { error?: unknown }[]).map((result) => result?.error).find((error) => typeof error === "string")
    : undefined;
  const error = typeof answer?.error === "string" ? answer.error : typeof firstError === "string" ? firstError : undefined;
  return {
    status: typeof answer?.status === "string" ? answer.status : "unknown",
    ...(typeof answer?.latencyMs === "number" ? { latencyMs: answer.latencyMs } : {}),
    ...(error ? { error: redactText(error) } : {}),
  };
}

/** A session override through `sessions.patch`; `null` clears it back to what the session inherits. */
export type SessionPatch = { model: ModelRef } | { thinkingLevel: string | null };

export async function patchSession(connection: GatewayConnection, sessionKey: string, change: SessionPatch): Promise<void> {
  const params = "model" in change ? { model: `${change.model.provider}/${change.model.model}` } : { thinkingLevel: change.thinkingLevel };
  await connection.request("sessions.patch", { key: sessionKey, ...params });
}
