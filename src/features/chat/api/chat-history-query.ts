/** A session's transcript (`chat.history`), as TanStack Query server state. */
import { queryOptions } from "@tanstack/react-query";
import type { GatewayConnection } from "@/gateway/gateway-connection";

export interface InFlightRun {
  runId: string;
  text: string;
  startedAt?: number;
}

export interface ChatHistory {
  sessionKey: string;
  /** When this copy was asked for: runs started after it are not in it yet. */
  requestedAt: number;
  messages: unknown[];
  /** Per-message activity (readable tool titles), passed through to the run timelines. */
  activity: unknown;
  /** The raw in-flight run and session row, passed through to the run timelines. */
  inFlightRunRaw: unknown;
  sessionInfoRaw: unknown;
  inFlightRun: InFlightRun | null;
  activeRunIds: string[];
  hasActiveRun: boolean;
  model?: string;
}

/** Every session's history on one gateway: what to refetch when all of them may have moved on. */
export const chatHistoriesQueryKey = (gatewayUrl: string) => ["chat-history", gatewayUrl] as const;
export const chatHistoryQueryKey = (gatewayUrl: string, sessionKey: string) => [...chatHistoriesQueryKey(gatewayUrl), sessionKey] as const;

export function parseChatHistory(sessionKey: string, payload: unknown, requestedAt = Date.now()): ChatHistory {
  const record = (payload && typeof payload === "object" ? payload : {}) as Record<string, unknown>;
  const info = (record.sessionInfo && typeof record.sessionInfo === "object" ? record.sessionInfo : {}) as Record<string, unknown>;
  const inFlight = record.inFlightRun as Record<string, unknown> | undefined;
  const provider = typeof info.modelProvider === "string" ? info.modelProvider : undefined;
  const model = typeof info.model === "string" ? info.model : undefined;
  return {
    sessionKey,
    requestedAt,
    messages: Array.isArray(record.messages) ? record.messages : [],
    activity: record.activity,
    inFlightRunRaw: record.inFlightRun,
    sessionInfoRaw: record.sessionInfo,
    inFlightRun:
      inFlight && typeof inFlight.runId === "string"
        ? { runId: inFlight.runId, text: typeof inFlight.text === "string" ? inFlight.text : "", startedAt: typeof inFlight.startedAt === "number" ? inFlight.startedAt : undefined }
        : null,
    activeRunIds: Array.isArray(info.activeRunIds) ? info.activeRunIds.filter((id): id is string => typeof id === "string") : [],
    hasActiveRun: info.hasActiveRun === true,
    model: model ? (provider && !model.includes("/") ? `${provider}/${model}` : model) : undefined,
  };
}

export function chatHistoryQueryOptions(connection: GatewayConnection, sessionKey: string, enabled: boolean) {
  return queryOptions({
    queryKey: chatHistoryQueryKey(connection.url, sessionKey),
    queryFn: async () => {
      const requestedAt = Date.now();
      return parseChatHistory(sessionKey, await connection.request("chat.history", { sessionKey, limit: 200 }), requestedAt);
    },
    enabled,
    staleTime: 5_000,
  });
}
