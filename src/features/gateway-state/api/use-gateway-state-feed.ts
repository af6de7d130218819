/**
 * Keeps the gateway-state store current for as long as the workspace is open:
 * takes each hello (and compares its boot id with the one this browser
 * remembers), asks for presence and health once connected, then follows the
 * `presence` and `health` events.
 */
import { useEffect } from "react";
import { eventRouterOf } from "@/gateway/event-router";
import { createLogger } from "@/lib/logger";
import { useConnectionState, useGateway } from "@/providers/gateway-provider";
import { readBootMemory, rememberBoot, writeBootMemory } from "../model/boot-memory";
import { healthVersionOf, readHealth } from "../model/gateway-summary";
import { presenceVersionOf, readPresenceEntries } from "../model/presence";
import { gatewayStateStore } from "../store/gateway-state-store";

const REQUEST_TIMEOUT_MS = 15_000;

export function useGatewayStateFeed(): void {
  const connection = useGateway();
  const state = useConnectionState();
  const onlineSince = state.status === "online" ? state.since : undefined;

  useEffect(() => {
    const router = eventRouterOf(connection);
    const offPresence = router.on("presence", ({ frame }) => gatewayStateStore.getState().presenceReceived(readPresenceEntries(frame.payload), presenceVersionOf(frame)));
    const offHealth = router.on("health", ({ frame }) => gatewayStateStore.getState().healthReceived(readHealth(frame.payload, healthVersionOf(frame))));
    return () => {
      offPresence();
      offHealth();
    };
  }, [connection]);

  useEffect(() => {
    if (onlineSince === undefined || !connection.hello) return;
    const logger = createLogger("gateway-state");
    const memory = readBootMemory(localStorage);
    const hello = connection.hello;
    gatewayStateStore.getState().helloReceived({ url: connection.url, hello, at: onlineSince, remembered: memory[connection.url] });
    if (hello.server.bootId) writeBootMemory(localStorage, rememberBoot(memory, connection.url, hello.server.bootId, onlineSince));

    let current = true;
    connection
      .request("system-presence", {}, { timeoutMs: REQUEST_TIMEOUT_MS })
      .then((payload) => {
        if (current) gatewayStateStore.getState().presenceReceived(readPresenceEntries(payload));
      })
      .catch((error: unknown) => logger.warn("system-presence failed", error));
    connection
      .request("health", {}, { timeoutMs: REQUEST_TIMEOUT_MS })
      .then((payload) => {
        if (current) gatewayStateStore.getState().healthReceived(readHealth(payload));
      })
      .catch((error: unknown) => logger.warn("health failed", error));
    return () => {
      current = false;
      // Leaving `online` (or this gateway): what the store holds from now on is last known, not current.
      gatewayStateStore.getState().connectionLost(Date.now());
    };
  }, [connection, onlineSince]);
}
