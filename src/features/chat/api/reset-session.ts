import type { GatewayConnection } from "@/gateway/gateway-connection";

/** Resets a session in place (`sessions.reset`): same key, an empty transcript. Resolves to when the new transcript began. */
export async function resetSession(connection: GatewayConnection, sessionKey: string): Promise<number> {
  const answer = await connection.request<{ entry?: { sessionStartedAt?: unknown } } | undefined>("sessions.reset", { key: sessionKey }, { timeoutMs: 30_000 });
  const startedAt = answer?.entry?.sessionStartedAt;
  return typeof startedAt === "number" ? startedAt : Date.now();
}
