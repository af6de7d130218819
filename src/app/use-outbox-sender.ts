/**
 * Runs the page's outbox against the tab's gateway: restores what an earlier
 * page left unsent, mirrors every change into IndexedDB, and sends whatever
 * waits whenever the gateway is reachable.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { chatHistoryQueryKey } from "@/features/chat/api/chat-history-query";
import { OutboxSender } from "@/features/chat/api/outbox-sender";
import { isStillStored, persistOutbox, readOutbox } from "@/features/chat/store/outbox-persistence";
import { outboxStore } from "@/features/chat/store/outbox-store";
import { runRegistryFor } from "@/features/runs/registry/use-runs";
import { useGateway } from "@/providers/gateway-provider";
import { createLogger } from "@/lib/logger";

export function useOutboxSender(): void {
  const connection = useGateway();
  const queryClient = useQueryClient();
  useEffect(() => {
    const logger = createLogger("outbox");
    let active = true;
    // Cleared before persistence starts watching, so clearing deletes nothing from disk.
    outboxStore.getState().gatewayChanged();
    const persistence = persistOutbox(outboxStore, connection.url, (error) => logger.warn("could not save the outbox", error));
    readOutbox(connection.url)
      .then((entries) => active && outboxStore.getState().outboxRestored(entries))
      .catch((error: unknown) => logger.warn("could not read the outbox", error));
    const stopSender = new OutboxSender({
      connection,
      store: outboxStore,
      onDispatch: (entry) => runRegistryFor(connection.url).runSent(entry.runId, entry.sessionKey, Date.now()),
      onDelivered: (sessionKey) => void queryClient.invalidateQueries({ queryKey: chatHistoryQueryKey(connection.url, sessionKey) }),
      isStillStored,
    }).start();
    return () => {
      active = false;
      stopSender();
      persistence.stop();
    };
  }, [connection, queryClient]);
}
