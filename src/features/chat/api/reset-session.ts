import { withAdminAccess } from "@/gateway/admin-access";
import type { GatewayConnection } from "@/gateway/gateway-connection";

/** Resets a session in place (`sessions.reset`): same key, an empty transcript. Resolves to when the new transcript began. */
export async function resetSession(connection: GatewayConnection, sessionKey: string): Promise<number> {
  // sessions.reset is admin-only on the gateway: the tab asks for admin just for it.
  const answer = await withAdminAccess(
    connection,
    () => connection.request<{ entry?: { sessionStartedAt?: unknown } } | undefined>("sessions.reset", { key: sessionKey }, { timeoutMs: 30_000 }),
    "Resetting a session",
  );
  const startedAt = answer?.entry?.sessionStartedAt;
  return typeof startedAt === "number" ? startedAt : Date.now();
}
