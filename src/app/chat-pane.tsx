import { useCallback, useMemo, useRef, useState } from "react";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { PendingApprovals } from "@/features/approvals/components/pending-approvals";
import { useChatHistory } from "@/features/chat/api/use-chat-history";
import { revealTurn, Transcript, type TranscriptHandle } from "@/features/chat/components/transcript";
import { withRunsNotInHistory } from "@/features/chat/model/live-turns";
import { ForkButton } from "@/features/chat/components/fork-button";
import { forkPointOf } from "@/features/chat/model/fork-point";
import { forkedFiles } from "@/features/chat/model/fork-attachments";
import { buildTranscript, type TurnUser } from "@/features/chat/model/transcript";
import { MessageRevealNote } from "@/features/chat/components/message-reveal-note";
import { liveSteerStore } from "@/features/chat/store/live-steer-store";
import { messageRevealStore } from "@/features/chat/store/message-reveal-store";
import { outboxStore, useOutbox } from "@/features/chat/store/outbox-store";
import { rememberSentPreviews, sentPreview } from "@/features/chat/store/sent-previews";
import { useSessionResetAt } from "@/features/chat/store/session-resets";
import type { RunTimeline } from "@/features/runs/model/run-timeline";
import { deriveRunOutcome } from "@/features/runs/model/run-outcome";
import { useConnectionSettings } from "@/features/connection/store/connection-settings-store";
import { useForkSession } from "@/features/sessions/api/fork-session";
import { runHandoff, useRunRegistry, useSessionRuns, useSessionRunSources } from "@/features/runs/registry/use-runs";
import { draftKey, writeStoredText } from "@/lib/stored-text";
import { describeSessionUsage } from "@/lib/token-usage";
import { useConnectionState, useGateway } from "@/providers/gateway-provider";
import { AssistantTurn } from "./assistant-turn";
import { ChatToolbar } from "./chat-toolbar";
import { FindInTranscript } from "./find-in-transcript";
import { GuardedComposer } from "./guarded-composer";
import { useSessionExportSource } from "./session-export/export-session";
import { useComposerAttachments } from "./use-composer-attachments";
import { useMessageReveal } from "./use-message-reveal";
import { useKnownSecrets } from "./use-known-secrets";

export function ChatPane({ sessionKey }: { sessionKey: string }) {
  const connection = useGateway();
  const state = useConnectionState();
  const online = state.status === "online";
  // While the gateway is coming back a message can wait in the outbox; with a refused token it would wait forever.
  const canQueue = state.status !== "failed" && state.status !== "idle";
  const history = useChatHistory(sessionKey, online);
  useSessionRunSources(sessionKey, history.data);
  const outbox = useOutbox(sessionKey);
  const sessionRuns = useSessionRuns(sessionKey);
  const resetAt = useSessionResetAt(sessionKey);
  const registry = useRunRegistry();
  const runOf = useCallback((runId: string) => registry.getRun(runId), [registry]);
  const transcript = useRef<TranscriptHandle>(null);
  const attachments = useComposerAttachments();
  const secrets = useKnownSecrets();
  const sessionSelected = useConnectionSettings((s) => s.sessionSelected);
  const forking = useForkSession();
  const [composerFocus, setComposerFocus] = useState(0);
  // The new session opens with the forked message in its composer (its text, its files as far as the gateway gives
  // them back) and the keyboard there, ready to edit and send.
  const forkFrom = (user: TurnUser, entryId: string) =>
    forking.fork({ sessionKey, entryId, text: user.text }, (forked) => {
      writeStoredText(draftKey(forked.sessionKey), forked.draft);
      const files = forkedFiles(user.attachments ?? [], forked.files);
      attachments.restore(files.files, files.notRestored);
      sessionSelected(forked.sessionKey);
      setComposerFocus((count) => count + 1);
    });

  const liveSteers = liveSteerStore((state) => state.targets);
  const turns = useMemo(
    () => withRunsNotInHistory(buildTranscript(history.data?.messages ?? [], outbox, sentPreview, liveSteers), sessionRuns.runs, resetAt, (runId) => runHandoff(registry, runId) === "waiting"),
    [history.data, outbox, liveSteers, sessionRuns, resetAt, registry],
  );
  const reveal = useMessageReveal(sessionKey, history, turns, transcript);
  const activeRunId = sessionRuns.activeRunId;
  const sessionUsage = useMemo(() => describeSessionUsage(history.data?.messages ?? []), [history.data]);
  useSessionExportSource(
    useCallback(
      () => ({
        turns,
        runOf,
        // A run is judged as it stands now: an ended one at its last event.
        outcomeOf: (run: RunTimeline) => deriveRunOutcome(run, { now: run.status === "ended" ? run.lastEventAt : Date.now(), connection: online ? "online" : "offline" }),
        sessionKey,
        gatewayUrl: connection.url,
        gatewayVersion: connection.hello?.server.version,
        clientVersion: __APP_VERSION__,
        secrets,
      }),
      [turns, runOf, online, sessionKey, connection, secrets],
    ),
  );

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <ChatToolbar sessionKey={sessionKey} hasTurns={turns.length > 0} sessionUsage={sessionUsage} />
      {history.error && (
        <p role="alert" className="mx-auto mt-3 w-full max-w-3xl rounded-lg bg-bad-soft px-3 py-2 text-sm text-bad">
          Could not load this session's history: {history.error.message}
        </p>
      )}
      {forking.failure && forking.failure.from === sessionKey && (
        <div role="alert" className="mx-auto mt-3 flex w-full max-w-3xl items-start justify-between gap-3 rounded-lg bg-bad-soft px-3 py-2 text-sm text-bad">
          <span>Could not fork this session. {forking.failure.text}</span>
          <button type="button" onClick={forking.dismissFailure} className="shrink-0 font-medium underline">
            Dismiss
          </button>
        </div>
      )}
      <MessageRevealNote reading={reveal.reading} missed={reveal.missed} onDismiss={() => messageRevealStore.getState().revealNoteDismissed()} />
      <PendingApprovals sessionKey={sessionKey} />
      <FindInTranscript turns={turns} runOf={runOf} runsVersion={sessionRuns} transcript={transcript} />
      <Transcript
        ref={transcript}
        turns={turns}
        earlier={history.earlier}
        foundTurnKey={reveal.foundTurnKey}
        renderAssistant={(turn) => (
          // A bad record breaks its own turn, never the transcript.
          <ErrorBoundary label="This turn" secrets={secrets}>
            <AssistantTurn turn={turn} />
          </ErrorBoundary>
        )}
        onRetry={(turn) => turn.runId && outboxStore.getState().resendRequested(sessionKey, turn.runId)}
        onDiscard={(turn) => turn.runId && outboxStore.getState().messageCanceled(sessionKey, turn.runId)}
        userActions={(turn) =>
          turn.user && (
            <ForkButton
              point={forkPointOf(turn.user, { running: activeRunId !== null, online, forking: forking.forkingFrom === sessionKey })}
              onFork={(entryId) => turn.user && forkFrom(turn.user, entryId)}
            />
          )
        }
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
        activeRunId={activeRunId}
        turns={turns}
        attachments={attachments.composer}
        focusRequest={composerFocus}
        onSend={(text) => {
          const runId = crypto.randomUUID();
          const files = attachments.takeReady();
          rememberSentPreviews(runId, files);
          outboxStore.getState().messageQueued({ runId, sessionKey, text, createdAt: Date.now(), attachments: files });
        }}
        onShowRunning={activeRunId ? () => revealTurn(activeRunId) : undefined}
      />
    </div>
  );
}
