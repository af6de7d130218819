/**
 * How React reads the run registry: one registry per gateway, read with
 * useSyncExternalStore. Views get merged runs and never merge themselves.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { isReconnecting } from "@/gateway/connection-machine";
import { useConnectionState, useGateway, useGatewayClockOffset } from "@/providers/gateway-provider";
import { createLogger } from "@/lib/logger";
import { openStepsEnd, settleOpenStepsAt } from "../model/open-steps";
import { deriveRunOutcome, type OutcomeContext, type RunOutcome } from "../model/run-outcome";
import { handoffState, type QueueState } from "../model/queue-state";
import { wasHandedOn } from "../model/run-handoff";
import type { RunTimeline } from "../model/run-timeline";
import { useStore } from "zustand";
import { judgeSubagent, type SpawnedRun, type SubagentView } from "../model/subagents";
import { createRunLogWriter, readSessionRunLogs } from "../store/run-log";
import { notSavedOf, runSaveStore, type NotSaved } from "../store/run-save-store";
import type { HistorySnapshot } from "./reconcile-history";
import { RunRegistry } from "./run-registry";
import type { SessionRunList } from "./session-run-list";

const NO_SPAWNS: readonly SpawnedRun[] = [];
const registries = new Map<string, RunRegistry>();

/** The registry of one gateway, for the life of the page (a switch back finds its runs again). */
export function runRegistryFor(gatewayUrl: string): RunRegistry {
  let registry = registries.get(gatewayUrl);
  if (!registry) {
    const logger = createLogger("runs");
    const runLog = createRunLogWriter(gatewayUrl, {
      onError: (error) => logger.warn("could not write the run log", error),
      onSaveResult: (runIds, result) => runSaveStore.getState().runsSaveResult(gatewayUrl, runIds, result),
    });
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

/** Whether the run was handed on or waits behind another, and whether the gateway dropped it (queue-state.ts). */
export function runHandoff(registry: RunRegistry, runId: string | null): QueueState | null {
  const run = runId ? registry.getRun(runId) : undefined;
  const sessionKey = run?.sessionKey;
  if (!run || sessionKey === undefined) return run && wasHandedOn(run) ? "waiting" : null;
  return handoffState(run, registry.sessionRuns(sessionKey).runs, registry.lastHistoryOf(sessionKey));
}

export function useRunHandoff(runId: string | null): QueueState | null {
  const registry = useRunRegistry();
  return useSyncExternalStore(registry.subscribe, () => runHandoff(registry, runId));
}

export function useSessionRuns(sessionKey: string): SessionRunList {
  const registry = useRunRegistry();
  return useSyncExternalStore(registry.subscribe, () => registry.sessionRuns(sessionKey));
}

/** Feeds the session's runs while it is on screen: this browser's log once, then every history read. */
export function useSessionRunSources(sessionKey: string, history: HistorySnapshot | undefined): void {
  const registry = useRunRegistry();
  useEffect(() => registry.sessionOpened(sessionKey), [registry, sessionKey]);
  const clockOffsetMs = useGatewayClockOffset();
  useEffect(() => {
    if (history) registry.historyLoaded(sessionKey, clockOffsetMs === 0 ? history : { ...history, clockOffsetMs });
  }, [registry, sessionKey, history, clockOffsetMs]);
}

/** A session's `chat.history` read, for a session shown only inside another run (a spawned child's). */
export interface ChildHistory {
  sessionKey: string;
  history: HistorySnapshot;
}

/**
 * Feeds the histories of spawned children the page shows, each time one is read again, so a child's
 * steps and reply come back after a reload in a browser whose run log never saw them. Each read is
 * handed over once per clock offset (the registry skips a read it already has).
 */
export function useChildRunSources(histories: readonly ChildHistory[]): void {
  const registry = useRunRegistry();
  const clockOffsetMs = useGatewayClockOffset();
  const handedOver = useRef(new WeakMap<HistorySnapshot, { clockOffsetMs: number; snapshot: HistorySnapshot }>());
  useEffect(() => {
    for (const { sessionKey, history } of histories) {
      let read = handedOver.current.get(history);
      if (read?.clockOffsetMs !== clockOffsetMs) {
        read = { clockOffsetMs, snapshot: clockOffsetMs === 0 ? history : { ...history, clockOffsetMs } };
        handedOver.current.set(history, read);
      }
      registry.historyLoaded(sessionKey, read.snapshot);
    }
  }, [registry, histories, clockOffsetMs]);
}

/** Why this browser could not save the run's log, or undefined while it is saved (or nothing was to be). */
export function useRunNotSaved(runId: string): NotSaved | undefined {
  const gatewayUrl = useGateway().url;
  return useStore(runSaveStore, (state) => notSavedOf(state, gatewayUrl, runId));
}

function useOutcomeConnection(): OutcomeContext["connection"] {
  const state = useConnectionState();
  if (state.status === "online") return "online";
  return isReconnecting(state) ? "reconnecting" : "offline";
}

/**
 * How the run stands at `now`: an ended run is judged at its last event, a live one against the clock.
 * A sub-agent it spawned that did not deliver makes a finished run degraded.
 */
export function useRunOutcome(run: RunTimeline, now: number, subagents: readonly SubagentView[] = []): RunOutcome {
  const subagentProblems = subagents.flatMap((view) => (view.problem ? [view.problem] : []));
  return deriveRunOutcome(run, { now, connection: useOutcomeConnection(), subagentProblems });
}

/**
 * The run as the reader sees it at this outcome: calls still open once the run is no longer heard
 * (connection down, gateway gone) read as unknown from that moment (open-steps.ts). Same object per end.
 */
export function useShownRun(run: RunTimeline, outcome: RunOutcome): RunTimeline {
  const end = openStepsEnd(run, outcome);
  const at = end?.at;
  const why = end?.why;
  return useMemo(() => settleOpenStepsAt(run, at === undefined || why === undefined ? undefined : { at, why }), [run, at, why]);
}

/**
 * The children a run spawned. Their events arrive whatever session is on screen (the gateway sends
 * `agent`/`chat` to every reader and tool events as `session.tool` after `sessions.subscribe`); what
 * this browser recorded of them earlier is read back once, as for an opened session.
 */
export function useSpawnedRuns(runId: string | null): readonly SpawnedRun[] {
  const registry = useRunRegistry();
  const spawned = useSyncExternalStore(registry.subscribe, () => (runId ? registry.spawnedRuns(runId) : NO_SPAWNS));
  const childSessions = spawned.flatMap((link) => (link.spawn.childSessionKey ? [link.spawn.childSessionKey] : [])).join("\n");
  useEffect(() => {
    for (const sessionKey of childSessions.split("\n")) if (sessionKey) registry.sessionOpened(sessionKey);
  }, [registry, childSessions]);
  return spawned;
}

/** Each spawned child judged at `now`, its own outcome by the same rules as any run. */
export function useSubagents(spawned: readonly SpawnedRun[], now: number): SubagentView[] {
  const connection = useOutcomeConnection();
  return useMemo(
    () => spawned.map((link) => judgeSubagent(link, link.child && deriveRunOutcome(link.child, { now, connection }), now)),
    [spawned, now, connection],
  );
}
