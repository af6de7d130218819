/**
 * How React reads the run registry: one registry per gateway, read with
 * useSyncExternalStore. Views get merged runs and never merge themselves.
 */
import { useEffect, useSyncExternalStore } from "react";
import { isReconnecting } from "@/gateway/connection-machine";
import { useConnectionState, useGateway } from "@/providers/gateway-provider";
import { createLogger } from "@/lib/logger";
import { deriveRunOutcome, type OutcomeContext, type RunOutcome } from "../model/run-outcome";
import type { RunTimeline } from "../model/run-timeline";
import { createRunLogWriter, readSessionRunLogs } from "../store/run-log";
import { RunRegistry, type HistorySnapshot } from "./run-registry";
import type { SessionRunList } from "./session-run-list";

const registries = new Map<string, RunRegistry>();

/** The registry of one gateway, for the life of the page (a switch back finds its runs again). */
export function runRegistryFor(gatewayUrl: string): RunRegistry {
  let registry = registries.get(gatewayUrl);
  if (!registry) {
    const logger = createLogger("runs");
    const runLog = createRunLogWriter(gatewayUrl, (error) => logger.warn("could not write the run log", error));
    registry = new RunRegistry({
      readLocalLog: (sessionKey) => readSessionRunLogs(gatewayUrl, sessionKey),
      recordLocalLog: (signals) => runLog.record(signals),
      forgetLocalLog: (sessionKey) => void runLog.forget(sessionKey),
    });
    registries.set(gatewayUrl, registry);
  }
  return registry;
}

export function useRunRegistry(): RunRegistry {
  return runRegistryFor(useGateway().url);
}

export function useRun(runId: string | null): RunTimeline | undefined {
  const registry = useRunRegistry();
  return useSyncExternalStore(registry.subscribe, () => (runId ? registry.getRun(runId) : undefined));
}

export function useSessionRuns(sessionKey: string): SessionRunList {
  const registry = useRunRegistry();
  return useSyncExternalStore(registry.subscribe, () => registry.sessionRuns(sessionKey));
}

/** Feeds the session's runs while it is on screen: this browser's log once, then every history read. */
export function useSessionRunSources(sessionKey: string, history: HistorySnapshot | undefined): void {
  const registry = useRunRegistry();
  useEffect(() => registry.sessionOpened(sessionKey), [registry, sessionKey]);
  useEffect(() => {
    if (history) registry.historyLoaded(sessionKey, history);
  }, [registry, sessionKey, history]);
}

function useOutcomeConnection(): OutcomeContext["connection"] {
  const state = useConnectionState();
  if (state.status === "online") return "online";
  return isReconnecting(state) ? "reconnecting" : "offline";
}

/** How the run stands at `now`: an ended run is judged at its last event, a live one against the clock. */
export function useRunOutcome(run: RunTimeline, now: number): RunOutcome {
  return deriveRunOutcome(run, { now, connection: useOutcomeConnection() });
}
