import { useMemo, useState, type Dispatch, type SetStateAction } from "react";
import { MessageMarkdown } from "@/features/chat/components/message-markdown";
import type { Turn } from "@/features/chat/model/transcript";
import { RunLogsPanel } from "@/features/logs/components/run-logs-panel";
import { OutcomeBanner } from "@/features/runs/components/outcome-banner";
import { RunGlance } from "@/features/runs/components/run-glance";
import { RunPanel } from "@/features/runs/components/run-panel";
import { RunSaveNote } from "@/features/runs/components/run-save-note";
import { RunStatusLine } from "@/features/runs/components/run-status-line";
import { summarizeRun } from "@/features/runs/model/run-summary";
import type { RunTimeline } from "@/features/runs/model/run-timeline";
import { useRun, useRunNotSaved, useRunOutcome } from "@/features/runs/registry/use-runs";
import { timelineOpen, useEveryTimelineChoice, type OwnTimelineChoice } from "@/features/runs/store/timeline-visibility-store";
import { useNow } from "@/hooks/use-now";
import { CopyReportButton } from "./copy-report-button";
import { useKnownSecrets } from "./use-known-secrets";

/** Whether the run's gateway logs are open; kept by AssistantTurn so it survives the run ending. */
interface LogsToggle {
  logsOpen: boolean;
  setLogsOpen: Dispatch<SetStateAction<boolean>>;
}

function RunView({ turn, run, now, logsOpen, setLogsOpen }: { turn: Turn; run: RunTimeline; now: number } & LogsToggle) {
  const outcome = useRunOutcome(run, now);
  const notSaved = useRunNotSaved(run.runId);
  const live = outcome.kind === "running";
  const text = live ? run.text : turn.replyText || run.text;
  const secrets = useKnownSecrets();
  // RunView mounts afresh when the run ends, so an untouched timeline folds then and the glance takes its place.
  const [ownChoice, setOwnChoice] = useState<OwnTimelineChoice | null>(null);
  const every = useEveryTimelineChoice();
  const open = timelineOpen(ownChoice, every, run, live);
  const summary = useMemo(() => (open ? undefined : summarizeRun(run, outcome)), [open, run, outcome]);
  return (
    <div className="grid grid-cols-1 gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(20rem,26rem)]">
      <div className="flex min-w-0 flex-col gap-2">
        {(text || !live) && (
          <div className="min-w-0 overflow-x-auto rounded-2xl rounded-bl-md border border-line bg-surface px-4 py-3 shadow-sm">
            {text ? <MessageMarkdown text={text} /> : <p className="text-sm text-ink-3">No reply.</p>}
          </div>
        )}
        {summary && <RunGlance summary={summary} />}
        {live ? <RunStatusLine outcome={outcome} /> : <OutcomeBanner outcome={outcome} onShowLogs={() => setLogsOpen(true)} />}
        <RunSaveNote notSaved={notSaved} />
      </div>
      <RunPanel
        run={run}
        outcome={outcome}
        open={open}
        onToggle={() => setOwnChoice({ open: !open, generation: every?.generation ?? 0 })}
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

export function AssistantTurn({ turn }: { turn: Turn }) {
  const run = useRun(turn.runId);
  const [logsOpen, setLogsOpen] = useState(false);
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
