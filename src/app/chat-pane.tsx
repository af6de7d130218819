import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { chatHistoryQueryOptions, type ChatHistory } from "@/features/chat/api/chat-history-query";
import { abortRun } from "@/features/chat/api/abort-run";
import { Transcript } from "@/features/chat/components/transcript";
import { buildTranscript, deliveredRunIds, type Turn } from "@/features/chat/model/transcript";
import { outboxStore, useOutbox } from "@/features/chat/store/outbox-store";
import { runsFromHistory } from "@/features/runs/model/history-to-runs";
import type { RunTimeline } from "@/features/runs/model/run-timeline";
import { readSessionRunLogs } from "@/features/runs/store/run-log";
import { openRunIds, runsStore } from "@/features/runs/store/runs-store";
import { useConnectionState, useGateway } from "@/providers/gateway-provider";
import { useStore } from "zustand";
import { AssistantTurn } from "./assistant-turn";
import { GuardedComposer } from "./guarded-composer";

/** Brings the store in line with what the gateway says after a history load: adopt a run in flight, settle runs it no longer has. */
function reconcileRuns(sessionKey: string, history: ChatHistory): void {
  const loadedAt = history.requestedAt;
  const store = runsStore.getState();
  const inFlight = history.inFlightRun;
  if (inFlight) {
    store.runSent(inFlight.runId, sessionKey, inFlight.startedAt ?? loadedAt);
    store.signalsReceived([
      { kind: "lifecycle-start", startedAt: inFlight.startedAt, runId: inFlight.runId, at: inFlight.startedAt ?? loadedAt, source: "history", sessionKey },
      ...(inFlight.text ? [{ kind: "assistant-text" as const, text: inFlight.text, runId: inFlight.runId, at: loadedAt, source: "history" as const, sessionKey }] : []),
    ]);
  }
  const active = new Set([...history.activeRunIds, ...(inFlight ? [inFlight.runId] : [])]);
  if (history.hasActiveRun && active.size === 0) return;
  // Only runs that existed when history was asked for can be judged by it.
  const runs = store.runs;
  const settled = openRunIds(sessionKey).filter((runId) => !active.has(runId) && (runs[runId]?.createdAt ?? Infinity) < loadedAt);
  store.signalsReceived(settled.map((runId) => ({ kind: "run-inactive" as const, via: "history" as const, runId, at: loadedAt, source: "history" as const, sessionKey })));
}

/** Sessions whose local run log was already replayed in this page. */
const replayed = new Set<string>();

function useRunLogReplay(gatewayUrl: string, sessionKey: string): void {
  useEffect(() => {
    const key = `${gatewayUrl}|${sessionKey}`;
    if (replayed.has(key)) return;
    replayed.add(key);
    readSessionRunLogs(gatewayUrl, sessionKey)
      .then((signals) => runsStore.getState().signalsReceived(signals))
      .catch(() => replayed.delete(key));
  }, [gatewayUrl, sessionKey]);
}

export function ChatPane({ sessionKey }: { sessionKey: string }) {
  const connection = useGateway();
  useRunLogReplay(connection.url, sessionKey);
  const state = useConnectionState();
  const online = state.status === "online";
  // While the gateway is coming back a message can wait in the outbox; with a refused token it would wait forever.
  const canQueue = state.status !== "failed" && state.status !== "idle";
  const history = useQuery(chatHistoryQueryOptions(connection, sessionKey, online));
  const outbox = useOutbox(sessionKey);
  const runs = useStore(runsStore, (s) => s.runs);

  useEffect(() => {
    if (!history.data) return;
    outboxStore.getState().historyDelivered(sessionKey, deliveredRunIds(history.data.messages));
    reconcileRuns(sessionKey, history.data);
  }, [history.data, sessionKey]);

  const historyRuns = useMemo(() => {
    const data = history.data;
    if (!data) return new Map<string, RunTimeline>();
    const runs = runsFromHistory(data.messages, { sessionKey, activity: data.activity, inFlightRun: data.inFlightRunRaw, sessionInfo: data.sessionInfoRaw });
    return new Map(runs.map((run) => [run.runId, run]));
  }, [history.data, sessionKey]);

  const turns = useMemo(() => {
    const built = buildTranscript(history.data?.messages ?? [], outbox);
    const shown = new Set(built.map((turn) => turn.runId));
    // Runs seen live that history does not list yet (started in another tab, or still being written).
    const extra: Turn[] = Object.values(runs)
      .filter((run) => run.sessionKey === sessionKey && !shown.has(run.runId))
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((run) => ({ key: run.runId, runId: run.runId, user: null, replyText: "", rows: [], at: run.createdAt }));
    return [...built, ...extra];
  }, [history.data, outbox, runs, sessionKey]);

  const activeRunId = [...turns].reverse().find((turn) => turn.runId && runs[turn.runId] && runs[turn.runId]?.status !== "ended")?.runId ?? null;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      {history.error && (
        <p role="alert" className="mx-auto mt-3 w-full max-w-3xl rounded-lg bg-bad-soft px-3 py-2 text-sm text-bad">
          Could not load this session's history: {history.error.message}
        </p>
      )}
      <Transcript
        turns={turns}
        renderAssistant={(turn) => <AssistantTurn turn={turn} historyRun={turn.runId ? historyRuns.get(turn.runId) : undefined} />}
        onRetry={(turn) => turn.runId && outboxStore.getState().resendRequested(sessionKey, turn.runId)}
        onDiscard={(turn) => turn.runId && outboxStore.getState().messageCanceled(sessionKey, turn.runId)}
        emptyState={
          history.isLoading ? (
            <p className="text-center text-sm text-ink-3">Loading history…</p>
          ) : (
            <div className="mx-auto mt-16 max-w-md text-center">
              <h2 className="text-lg font-semibold">Nothing here yet</h2>
              <p className="mt-1 text-sm text-ink-2">Ask the agent for something. Every step it takes will show up beside its reply.</p>
            </div>
          )
        }
      />
      <GuardedComposer
        sessionKey={sessionKey}
        canSend={canQueue}
        disabledReason={canQueue ? undefined : "Not connected: your draft is kept until the gateway is back."}
        sendHint={online ? undefined : "The gateway is not connected: a message you send now waits here and goes out once it is back."}
        running={activeRunId !== null}
        onSend={(text) => outboxStore.getState().messageQueued({ runId: crypto.randomUUID(), sessionKey, text, createdAt: Date.now() })}
        onStop={() => void abortRun(connection, sessionKey, activeRunId ?? undefined).catch(() => undefined)}
      />
    </div>
  );
}
