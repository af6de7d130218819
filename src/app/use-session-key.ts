/** The open session, in the gateway's canonical `agent:<id>:<name>` form. */
import { useConnectionSettings } from "@/features/connection/store/connection-settings-store";
import { canonicalSessionKey } from "@/features/sessions/model/session-row";
import { useConnectionState } from "@/providers/gateway-provider";

export function useSessionKey(): string {
  const state = useConnectionState();
  const selected = useConnectionSettings((s) => s.sessionKey);
  const main = state.status === "online" ? state.server.mainSessionKey : "agent:main:main";
  return canonicalSessionKey(selected ?? main, main);
}
