/** The open session, in the gateway's canonical `agent:<id>:<name>` form. */
import { useConnectionSettings } from "@/features/connection/store/connection-settings-store";
import { useConnectionState } from "@/providers/gateway-provider";

export function canonicalSessionKey(key: string, mainSessionKey: string): string {
  if (key.startsWith("agent:")) return key;
  const agentPrefix = mainSessionKey.split(":").slice(0, 2).join(":") || "agent:main";
  return `${agentPrefix}:${key}`;
}

export function useSessionKey(): string {
  const state = useConnectionState();
  const selected = useConnectionSettings((s) => s.sessionKey);
  const main = state.status === "online" ? state.server.mainSessionKey : "agent:main:main";
  return canonicalSessionKey(selected ?? main, main);
}
