import { useState, type Dispatch, type SetStateAction } from "react";
import { MessageMarkdown } from "@/features/chat/components/message-markdown";
import type { Turn } from "@/features/chat/model/transcript";
import { RunLogsPanel } from "@/features/logs/components/run-logs-panel";
import { OutcomeBanner } from "@/features/runs/components/outcome-banner";
import { RunPanel } from "@/features/runs/components/run-panel";
import { RunStatusLine } from "@/features/runs/components/run-status-line";
import { mergeRunSources } from "@/features/runs/model/merge-run-sources";
import { deriveRunOutcome, type OutcomeContext } from "@/features/runs/model/run-outcome";
import type { RunTimeline } from "@/features/runs/model/run-timeline";
import { useRun } from "@/features/runs/store/runs-store";
import { isReconnecting } from "@/gateway/connection-machine";
import { useNow } from "@/hooks/use-now";
import { useConnectionState } from "@/providers/gateway-provider";
import { CopyReportButton } from "./copy-report-button";
import { useKnownSecrets } from "./use-known-secrets";

function useConnectionForOutcome(): OutcomeContext["connection"] {
  const state = useConnectionState();
  if (state.status === "online") return "online";
  return isReconnecting(state) ? "reconnecting" : "offline";
}

/** Whether the run's gateway logs are open; kept by AssistantTurn so it survives the run ending. */
interface LogsToggle {
  logsOpen: boolean;
  setLogsOpen: Dispatch<SetStateAction<boolean>>;
}

function RunView({ turn, run, now, logsOpen, setLogsOpen }: { turn: Turn; run: RunTimeline; now: number } & LogsToggle) {
  const connection = useConnectionForOutcome();
  const outcome = deriveRunOutcome(run, { now, connection });
  const live = outcome.kind === "running";
  const text = live ? run.text : turn.replyText || run.text;
  const secrets = useKnownSecrets();
  return (
    <div className="grid grid-cols-1 gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(20rem,26rem)]">
      <div className="flex min-w-0 flex-col gap-2">
        {(text || !live) && (
          <div className="rounded-2xl rounded-bl-md border border-line bg-surface px-4 py-3 shadow-sm">
            {text ? <MessageMarkdown text={text} /> : <p className="text-sm text-ink-3">No reply.</p>}
          </div>
        )}
        {live ? <RunStatusLine outcome={outcome} /> : <OutcomeBanner outcome={outcome} onShowLogs={() => setLogsOpen(true)} />}
      </div>
      <RunPanel
        run={run}
        outcome={outcome}
        actions={<CopyReportButton run={run} outcome={outcome} />}
        logs={{
          open: logsOpen,
          onToggle: () => setLogsOpen((open) => !open),
          panel: <RunLogsPanel startedAt={run.createdAt} endedAt={live ? undefined : (run.endedAt ?? run.lastEventAt)} runId={run.runId} sessionKey={run.sessionKey} live={live} secrets={secrets} />,
        }}
      />
    </div>
  );
}

function LiveRunView(props: { turn: Turn; run: RunTimeline } & LogsToggle) {
  return <RunView {...props} now={useNow()} />;
}

export function AssistantTurn({ turn, historyRun }: { turn: Turn; historyRun?: RunTimeline }) {
  const liveRun = useRun(turn.runId);
  const [logsOpen, setLogsOpen] = useState(false);
  const run = liveRun && historyRun ? mergeRunSources(historyRun, liveRun) : (liveRun ?? historyRun);
  if (!run) {
    return turn.replyText ? (
      <div className="max-w-3xl rounded-2xl rounded-bl-md border border-line bg-surface px-4 py-3 shadow-sm">
        <MessageMarkdown text={turn.replyText} />
      </div>
    ) : null;
  }
  return run.status === "ended" ? (
    <RunView turn={turn} run={run} now={run.lastEventAt} logsOpen={logsOpen} setLogsOpen={setLogsOpen} />
  ) : (
    <LiveRunView turn={turn} run={run} logsOpen={logsOpen} setLogsOpen={setLogsOpen} />
  );
}
