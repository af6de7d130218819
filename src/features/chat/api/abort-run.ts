import type { GatewayConnection } from "@/gateway/gateway-connection";

/**
 * Stops a session's running reply; without a run id the gateway stops whatever runs there.
 * Resolves to whether the gateway says it stopped something.
 */
export async function abortRun(connection: GatewayConnection, sessionKey: string, runId?: string): Promise<boolean> {
  const answer = await connection.request<{ aborted?: unknown } | undefined>("chat.abort", runId ? { sessionKey, runId } : { sessionKey }, { timeoutMs: 10_000 });
  return answer?.aborted === true;
}
