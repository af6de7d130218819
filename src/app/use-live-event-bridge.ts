/**
 * Feeds the gateway's live events into the app's state: run signals into the
 * runs store, and "this changed" notices into the query cache (the socket
 * notifies, TanStack Query refetches). Connection events become signals on
 * every run that was open when they happened.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { normalizeGatewayEvent } from "@/features/runs/model/normalize-gateway-event";
import { signalsForRuns, type RunSignal } from "@/features/runs/model/run-signal";
import { createRunLogWriter } from "@/features/runs/store/run-log";
import { openRunIds, runsStore } from "@/features/runs/store/runs-store";
import { createLogger } from "@/lib/logger";
import { useGateway } from "@/providers/gateway-provider";

const TERMINAL = new Set(["chat-final", "chat-aborted", "chat-error"]);
/** Coalesces history refetches when a burst of events all say "something changed". */
const REFETCH_DEBOUNCE_MS = 250;

export function useLiveEventBridge(): void {
  const connection = useGateway();
  const queryClient = useQueryClient();

  useEffect(() => {
    const logger = createLogger("live-events");
    const runLog = createRunLogWriter(connection.url, (error) => logger.warn("could not write the run log", error));
    const received = (signals: RunSignal[]) => {
      const runs = runsStore.getState().runs;
      // Connection events carry no session; they belong to the session of the run they are fanned out to.
      const placed = signals.map((signal) => (signal.sessionKey ? signal : { ...signal, sessionKey: runs[signal.runId]?.sessionKey }));
      runsStore.getState().signalsReceived(placed);
      runLog.record(placed);
    };
    const subscribeToSessions = () =>
      // Tool events of runs this socket did not start (another tab, or before a reload) arrive as session.tool only after this.
      connection.request("sessions.subscribe", {}).catch((error: unknown) => logger.warn("sessions.subscribe failed", error));
    if (connection.getSnapshot().status === "online") void subscribeToSessions();
    const pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refetchHistory = (sessionKey: string | undefined) => {
      pending.add(sessionKey ?? "*");
      clearTimeout(timer);
      timer = setTimeout(() => {
        for (const key of pending) {
          void queryClient.invalidateQueries({ queryKey: key === "*" ? ["chat-history", connection.url] : ["chat-history", connection.url, key] });
        }
        void queryClient.invalidateQueries({ queryKey: ["sessions", connection.url] });
        pending.clear();
      }, REFETCH_DEBOUNCE_MS);
    };

    const offEvents = connection.onEvent((frame) => {
      const signals = normalizeGatewayEvent(frame, Date.now());
      if (signals.length > 0) {
        const known = runsStore.getState().runs;
        const fresh = signals.some((signal) => !known[signal.runId]);
        received(signals);
        const sessionKey = signals[0]?.sessionKey;
        // A run we did not start (another tab or client): fetch its user message. A finished run: fetch the stored reply.
        if (fresh || signals.some((signal) => TERMINAL.has(signal.kind))) refetchHistory(sessionKey);
      } else if (frame.event === "sessions.changed" || frame.event === "session.message") {
        void queryClient.invalidateQueries({ queryKey: ["sessions", connection.url] });
      }
    });

    const offLog = connection.onConnectionLog((entry) => {
      const open = openRunIds();
      let signals: RunSignal[] = [];
      if (entry.type === "disconnected") {
        signals = signalsForRuns(open, { kind: "disconnected", code: entry.code, reason: entry.reason }, entry.at);
      } else if (entry.type === "restarting") {
        signals = signalsForRuns(open, { kind: "gateway-restarting", reason: entry.reason }, entry.at);
      } else if (entry.type === "connected") {
        void subscribeToSessions();
        if (!entry.firstConnect) {
          signals = signalsForRuns(open, { kind: "reconnected", bootChanged: entry.restarted }, entry.at);
          // What happened while away is in history now: reconcile every open session.
          refetchHistory(undefined);
        }
      } else if (entry.type === "gap") {
        signals = open.map((runId) => ({ kind: "seq-gap", expected: entry.expected, received: entry.received, runId, at: entry.at, source: "live" as const }));
        refetchHistory(undefined);
      }
      received(signals);
    });

    return () => {
      void runLog.flush();
      clearTimeout(timer);
      offEvents();
      offLog();
    };
  }, [connection, queryClient]);
}
