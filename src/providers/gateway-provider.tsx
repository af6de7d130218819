/**
 * The one bridge between React and the gateway connection: a provider that
 * owns the tab's single GatewayConnection and hooks that read it with
 * useSyncExternalStore. Views never construct sockets. It sits above
 * src/gateway (which knows no React) and below the features that use it.
 */
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { windowSignals } from "@/gateway/browser-signals";
import { GatewayConnection } from "@/gateway/gateway-connection";
import type { ConnectionState } from "@/gateway/connection-machine";
import { loadDeviceIdentity } from "@/gateway/device-identity";
import { createDeviceTokenStore } from "@/gateway/device-token-store";

const GatewayContext = createContext<GatewayConnection | null>(null);

export interface GatewayTarget {
  url: string;
  token: string;
}

function tabInstanceId(): string {
  const key = "clawscope.instance";
  try {
    const existing = sessionStorage.getItem(key);
    if (existing) return existing;
    const created = crypto.randomUUID();
    sessionStorage.setItem(key, created);
    return created;
  } catch {
    return crypto.randomUUID();
  }
}

function createConnection(target: GatewayTarget): GatewayConnection {
  return new GatewayConnection({
    url: target.url,
    token: target.token || undefined,
    clientVersion: __APP_VERSION__,
    instanceId: tabInstanceId(),
    loadIdentity: loadDeviceIdentity,
    tokenStore: createDeviceTokenStore(target.url),
    signals: windowSignals(target.url),
  });
}

export function GatewayProvider({ target, children }: { target: GatewayTarget; children: ReactNode }) {
  // One connection per target for the life of the provider; a new target replaces it.
  const [connection, setConnection] = useState(() => createConnection(target));
  const [current, setCurrent] = useState(target);
  if (current.url !== target.url || current.token !== target.token) {
    setCurrent(target);
    setConnection(createConnection(target));
  }
  useEffect(() => {
    connection.start();
    return () => connection.stop();
  }, [connection]);
  return <GatewayContext.Provider value={connection}>{children}</GatewayContext.Provider>;
}

export function useGateway(): GatewayConnection {
  const connection = useContext(GatewayContext);
  if (!connection) throw new Error("useGateway must be used inside <GatewayProvider>");
  return connection;
}

export function useConnectionState(): ConnectionState {
  const connection = useGateway();
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot);
}

export function useIsOnline(): boolean {
  return useConnectionState().status === "online";
}

/** Gateway clock minus this browser's (positive: the gateway is ahead), for comparing the gateway's times with ours. */
export function useGatewayClockOffset(): number {
  const { clock } = useGateway();
  return useSyncExternalStore(clock.subscribe, clock.getOffsetMs);
}
