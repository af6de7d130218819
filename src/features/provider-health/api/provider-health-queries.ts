/** The gateway reads behind provider health, as TanStack Query options, and the two actions (probe, switch model). */
import { queryOptions } from "@tanstack/react-query";
import type { GatewayConnection } from "@/gateway/gateway-connection";
import { parseGatewayLogLine } from "@/lib/gateway-log-lines";
import { redactText } from "@/lib/redact";
import { mergeLogFailures, type LogFailures } from "../model/log-failures";
import { failureFromLogLine, parseModelChoices, parseProviderAuth, type ModelRef, type ProviderFailure } from "../model/provider-signals";

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

/** The first read looks this far back; later reads only fetch what was appended. */
const FIRST_READ_BYTES = 250_000;
const READ_LINES = 2000;

/** Only these lines can carry a provider failure; parsing every line of a busy log would be waste. */
const MAY_CARRY_FAILURE = /failoverReason|auth_profile_failure_state_updated/;

interface LogTailAnswer {
  cursor?: unknown;
  lines?: unknown;
}

export function failuresInLogLines(lines: readonly string[]): ProviderFailure[] {
  return lines
    .filter((raw) => MAY_CARRY_FAILURE.test(raw))
    .map((raw) => failureFromLogLine(parseGatewayLogLine(raw)))
    .filter((failure) => failure !== undefined);
}

export function logFailuresQueryOptions(connection: GatewayConnection, enabled: boolean, previous: () => LogFailures | undefined) {
  return queryOptions({
    queryKey: logFailuresQueryKey(connection.url),
    queryFn: async (): Promise<LogFailures> => {
      const before = previous();
      const params = before?.cursor !== undefined ? { cursor: before.cursor, limit: READ_LINES } : { limit: READ_LINES, maxBytes: FIRST_READ_BYTES };
      const answer = await connection.request<LogTailAnswer>("logs.tail", params);
      const lines = Array.isArray(answer?.lines) ? answer.lines.filter((line): line is string => typeof line === "string") : [];
      const cursor = typeof answer?.cursor === "number" ? answer.cursor : (before?.cursor ?? 0);
      return mergeLogFailures(before, { cursor, failures: failuresInLogLines(lines) }, Date.now());
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

export async function probeProvider(connection: GatewayConnection, provider: string): Promise<ProbeResult> {
  const answer = await connection.request<{ status?: unknown; latencyMs?: unknown; error?: unknown; results?: unknown }>("models.probe", { provider }, { timeoutMs: 60_000 });
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

export async function switchSessionModel(connection: GatewayConnection, sessionKey: string, target: ModelRef): Promise<void> {
  await connection.request("sessions.patch", { key: sessionKey, model: `${target.provider}/${target.model}` });
}
