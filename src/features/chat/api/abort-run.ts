import type { GatewayConnection } from "@/gateway/gateway-connection";

/** Stops a session's running reply; without a run id the gateway stops whatever runs there. */
export async function abortRun(connection: GatewayConnection, sessionKey: string, runId?: string): Promise<void> {
  await connection.request("chat.abort", runId ? { sessionKey, runId } : { sessionKey }, { timeoutMs: 10_000 });
}
