/**
 * Keeps the tab's run registry fed for as long as the workspace is open:
 * run events, approval events and connection news from the event router, and the session
 * subscription that brings other clients' tool events.
 */
import { useEffect, useRef } from "react";
import { eventRouterOf } from "@/gateway/event-router";
import { useGateway } from "@/providers/gateway-provider";
import { createLogger } from "@/lib/logger";
import type { RunChange } from "./run-registry";
import { runRegistryFor } from "./use-runs";

/** Coalesces history reads when a burst of events all say "something changed". */
const HISTORY_STALE_DEBOUNCE_MS = 250;
/** How often the registry looks for runs that would otherwise hang (hanging-runs.ts). */
const SWEEP_INTERVAL_MS = 5_000;

/**
 * `onHistoryStale(sessionKey)` says a session's history no longer tells the
 * whole story (undefined: every session); the app decides what to refetch.
 */
export function useRunFeed(onHistoryStale: (sessionKey: string | undefined) => void): void {
  const connection = useGateway();
  const staleRef = useRef(onHistoryStale);
  useEffect(() => {
    staleRef.current = onHistoryStale;
  });

  useEffect(() => {
    const logger = createLogger("run-feed");
    const registry = runRegistryFor(connection.url);
    const router = eventRouterOf(connection);
    const pending = new Set<string | undefined>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const noted = (change: RunChange) => {
      if (!change.historyStale) return;
      pending.add(change.sessionKey);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const sessions = pending.has(undefined) ? [undefined] : [...pending];
        pending.clear();
        for (const sessionKey of sessions) staleRef.current(sessionKey);
      }, HISTORY_STALE_DEBOUNCE_MS);
    };
    const subscribeToSessions = () =>
      // Tool events of runs this socket did not start (another tab, or before a reload) arrive as session.tool only after this.
      connection.request("sessions.subscribe", {}).catch((error: unknown) => logger.warn("sessions.subscribe failed", error));
    if (connection.getSnapshot().status === "online") void subscribeToSessions();

    const offRunEvents = router.on("run-event", (notice) => noted(registry.runEventReceived(notice, Date.now())));
    const offApprovals = router.on("approval", ({ change }) => registry.approvalSeen(change));
    const offConnection = router.on("connection", ({ entry }) => {
      if (entry.type === "connected") void subscribeToSessions();
      noted(registry.connectionChanged(entry));
    });
    const sweeper = setInterval(() => registry.sweep(Date.now()), SWEEP_INTERVAL_MS);
    return () => {
      clearInterval(sweeper);
      clearTimeout(timer);
      offRunEvents();
      offApprovals();
      offConnection();
    };
  }, [connection]);
}
