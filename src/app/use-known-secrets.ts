import { useMemo } from "react";
import { useConnectionSettings } from "@/features/connection/store/connection-settings-store";
import { useGateway } from "@/providers/gateway-provider";

/** The secrets this tab holds (gateway token, device token), masked wherever text leaves for the screen or the clipboard. */
export function useKnownSecrets(): readonly string[] {
  const connection = useGateway();
  const token = useConnectionSettings((s) => s.token);
  const deviceToken = connection.hello?.auth?.deviceToken ?? "";
  return useMemo(() => [token, deviceToken].filter((secret) => secret.length > 0), [token, deviceToken]);
}
