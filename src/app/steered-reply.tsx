import { MessageMarkdown } from "@/features/chat/components/message-markdown";
import type { Turn } from "@/features/chat/model/transcript";
import { HandoffNote } from "@/features/runs/components/handoff-note";
import type { RunOutcome } from "@/features/runs/model/run-outcome";
import type { RunTimeline } from "@/features/runs/model/run-timeline";
import { useRun, useRunOutcome } from "@/features/runs/registry/use-runs";
import { useNow } from "@/hooks/use-now";

/**
 * A message steered into a reply that was already running: that run answers it. Its answer (the run's text after the
 * steer point, from history) shows here with the run's outcome; the run's timeline stays once, under the message
 * that started it.
 */
export function SteeredReply({ turn, runId }: { turn: Turn; runId: string }) {
  const run = useRun(runId);
  return run ? <SteeredIntoRun turn={turn} run={run} /> : <SteeredView turn={turn} outcome={undefined} />;
}

function SteeredIntoRun({ turn, run }: { turn: Turn; run: RunTimeline }) {
  const settled = run.status === "ended";
  const clock = useNow(!settled);
  const outcome = useRunOutcome(run, settled ? run.lastEventAt : clock);
  return <SteeredView turn={turn} outcome={outcome} />;
}

function SteeredView({ turn, outcome }: { turn: Turn; outcome: RunOutcome | undefined }) {
  return (
    <div className="flex max-w-3xl flex-col gap-2">
      {turn.replyText && (
        <div className="min-w-0 overflow-x-auto rounded-2xl rounded-bl-md border border-line bg-surface px-4 py-3 shadow-sm">
          <MessageMarkdown text={turn.replyText} />
        </div>
      )}
      <HandoffNote handoff={{ kind: "steered", outcome }} />
    </div>
  );
}
