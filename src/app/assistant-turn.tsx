import { lazy, useMemo, useState, type Dispatch, type SetStateAction } from "react";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { OnDemand } from "@/components/ui/on-demand";
import { RunApprovals } from "@/features/approvals/components/pending-approvals";
import { useConnectionSettings } from "@/features/connection/store/connection-settings-store";
import { MessageMarkdown } from "@/features/chat/components/message-markdown";
import { ReplyBubble } from "@/features/chat/components/reply-bubble";
import { replyShown, type Turn } from "@/features/chat/model/transcript";
import { OutcomeBanner } from "@/features/runs/components/outcome-banner";
import { emptyReplyWords } from "@/features/runs/model/empty-reply";
import { HandoffNote } from "@/features/runs/components/handoff-note";
import { RunGlance } from "@/features/runs/components/run-glance";
import { RunPanel } from "@/features/runs/components/run-panel";
import { RunSaveNote } from "@/features/runs/components/run-save-note";
import { RunStatusLine } from "@/features/runs/components/run-status-line";
import { handedOnAt, textBetween } from "@/features/runs/model/run-handoff";
import { summarizeRun } from "@/features/runs/model/run-summary";
import type { RunTimeline } from "@/features/runs/model/run-timeline";
import { SubagentList } from "@/features/runs/components/subagent-list";
import { UsageLine } from "@/features/runs/components/usage-line";
import { spawnsSettled, type SpawnedRun } from "@/features/runs/model/subagents";
import { usageFooter } from "@/features/runs/model/run-usage";
import { useRun, useRunHandoff, useRunNotSaved, useRunOutcome, useShownRun, useSpawnedRuns, useSubagents } from "@/features/runs/registry/use-runs";
import { timelineOpen, useEveryTimelineChoice, type OwnTimelineChoice } from "@/features/runs/store/timeline-visibility-store";
import { useNow } from "@/hooks/use-now";
import { CopyReportButton } from "./copy-report-button";
import { SteeredReply } from "./steered-reply";
import { useKnownSecrets } from "./use-known-secrets";
import { useSubagentHistories } from "./use-subagent-histories";

// Opening a chat does not need a run's log panel: its code loads when the first one is opened.
const RunLogsPanel = lazy(() => import("@/features/logs/components/run-logs-panel").then((module) => ({ default: module.RunLogsPanel })));

/** Whether the run's gateway logs are open; kept by AssistantTurn so it survives the run ending. */
interface LogsToggle {
  logsOpen: boolean;
  setLogsOpen: Dispatch<SetStateAction<boolean>>;
}

interface RunViewProps extends LogsToggle {
  turn: Turn;
  run: RunTimeline;
  spawned: readonly SpawnedRun[];
}

/** `settled`: the run has ended and every child it spawned has reported back, so its outcome can no longer change. */
function RunView({ turn, run, spawned, settled, logsOpen, setLogsOpen }: RunViewProps & { settled: boolean }) {
  const clock = useNow(!settled);
  const now = settled ? run.lastEventAt : clock;
  // Read even while the timeline is folded: a child's end (and a failure that degrades this run) may be known only
  // to its own session's history, in a browser that never saw it live.
  useSubagentHistories(spawned.flatMap((link) => (link.spawn.childSessionKey ? [link.spawn.childSessionKey] : [])));
  const subagents = useSubagents(spawned, now);
  const outcome = useRunOutcome(run, now, subagents);
  const shown = useShownRun(run, outcome);
  const openSession = useConnectionSettings((s) => s.sessionSelected);
  const notSaved = useRunNotSaved(run.runId);
  const live = outcome.kind === "running";
  // Once a message was steered into this run, what it wrote from then on answers that message and shows under it.
  // Live, once this page saw a message taken into this run, what the run writes after that answers it (shown there).
  const steerAt = handedOnAt(useRun(turn.continuedBy ?? null));
  const text = live ? (steerAt === undefined ? run.text : textBetween(run, undefined, steerAt)) : replyShown(turn, run.text);
  const secrets = useKnownSecrets();
  // An untouched timeline follows the run (open while live, folded with the glance in its place once it ends); a
  // choice the reader made stays, also across the end of the run.
  const [ownChoice, setOwnChoice] = useState<OwnTimelineChoice | null>(null);
  const every = useEveryTimelineChoice();
  const open = timelineOpen(ownChoice, every, run, live);
  const summary = useMemo(() => (open ? undefined : summarizeRun(shown, outcome)), [open, shown, outcome]);
  return (
    <div className="grid grid-cols-1 gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(20rem,26rem)]">
      <div className="flex min-w-0 flex-col gap-2">
        {(text || !live) && (
          <ReplyBubble at={text && !live ? (turn.replyAt ?? run.endedAt) : undefined}>
            {text ? <MessageMarkdown text={text} /> : <p className="text-sm text-ink-3">{emptyReplyWords(outcome, turn.continuedBy !== undefined)}</p>}
          </ReplyBubble>
        )}
        {summary && <RunGlance summary={summary} />}
        {live ? <RunStatusLine outcome={outcome} /> : <OutcomeBanner outcome={outcome} onShowLogs={() => setLogsOpen(true)} />}
        {live && <RunApprovals runId={run.runId} />}
        {outcome.kind !== "running" && <UsageLine label="Run usage" text={usageFooter(run, outcome.kind, summary !== undefined)} />}
        <RunSaveNote notSaved={notSaved} />
      </div>
      <ErrorBoundary label="The run timeline" secrets={secrets}>
        <RunPanel
          run={shown}
          outcome={outcome}
          open={open}
          onToggle={() => setOwnChoice({ open: !open, generation: every?.generation ?? 0 })}
          actions={<CopyReportButton run={shown} outcome={outcome} subagents={subagents} />}
          subagents={<SubagentList subagents={subagents} onOpenSession={openSession} />}
          logs={{
            open: logsOpen,
            onToggle: () => setLogsOpen((open) => !open),
            panel: (
              <ErrorBoundary label="The run's gateway logs" secrets={secrets}>
                <OnDemand what="run's gateway logs">
                  <RunLogsPanel startedAt={run.createdAt} endedAt={live ? undefined : (run.endedAt ?? run.lastEventAt)} runId={run.runId} sessionKey={run.sessionKey} live={live} secrets={secrets} />
                </OnDemand>
              </ErrorBoundary>
            ),
          }}
        />
      </ErrorBoundary>
    </div>
  );
}

export function AssistantTurn({ turn }: { turn: Turn }) {
  return turn.steeredInto ? <SteeredReply turn={turn} runId={turn.steeredInto} /> : <OwnRunReply turn={turn} />;
}

function OwnRunReply({ turn }: { turn: Turn }) {
  const own = useRun(turn.runId);
  const handoff = useRunHandoff(turn.runId);
  // A message queued behind the running reply is answered by a run of the gateway's own id: shown here from its start.
  const answering = useRun(handoff === "waiting" && !turn.replyText ? (turn.answeredBy?.[0] ?? null) : null);
  const run = answering ?? own;
  const spawned = useSpawnedRuns(run?.runId ?? null);
  const [logsOpen, setLogsOpen] = useState(false);
  if (!run) {
    return turn.replyText ? (
      <div className="max-w-3xl">
        <ReplyBubble at={turn.replyAt}>
          <MessageMarkdown text={turn.replyText} />
        </ReplyBubble>
      </div>
    ) : null;
  }
  // It waits behind the session's running reply, or its run id was closed at once: another run takes the message,
  // and history will say which, or that none will.
  if (handoff && !turn.replyText && !answering) return <HandoffNote handoff={{ kind: "queued", state: handoff }} />;
  // Until every child it spawned has reported back, an ended run's outcome can still change: it keeps the clock.
  return <RunView turn={turn} run={run} spawned={spawned} settled={run.status === "ended" && spawnsSettled(spawned)} logsOpen={logsOpen} setLogsOpen={setLogsOpen} />;
}
