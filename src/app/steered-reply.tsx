import { MessageMarkdown } from "@/features/chat/components/message-markdown";
import { ReplyBubble } from "@/features/chat/components/reply-bubble";
import type { Turn } from "@/features/chat/model/transcript";
import { HandoffNote } from "@/features/runs/components/handoff-note";
import { handedOnAt, steeredAnswer, takeInMoment, type TakeInMoment } from "@/features/runs/model/run-handoff";
import type { RunOutcome } from "@/features/runs/model/run-outcome";
import type { RunTimeline } from "@/features/runs/model/run-timeline";
import { useRun, useRunOutcome } from "@/features/runs/registry/use-runs";
import { useNow } from "@/hooks/use-now";
import { useGatewayClockOffset } from "@/providers/gateway-provider";

/**
 * A message steered into a reply that was already running: that run answers it. Its answer (the run's text after the
 * steer point, from history) shows here with the run's outcome; the run's timeline stays once, under the message
 * that started it.
 */
export function SteeredReply({ turn, runId }: { turn: Turn; runId: string }) {
  const run = useRun(runId);
  // The moments the gateway took this message and the next one steered into the run in, seen live and as history
  // records them: the run's text in between is its answer.
  const offset = useGatewayClockOffset();
  const takenIn = {
    at: takeInMoment(handedOnAt(useRun(turn.runId)), turn.takenInAt, offset),
    nextAt: takeInMoment(handedOnAt(useRun(turn.nextSteered ?? null)), turn.nextTakenInAt, offset),
  };
  return run ? <SteeredIntoRun turn={turn} run={run} takenIn={takenIn} /> : <SteeredView text={turn.replyText} at={turn.replyAt} outcome={undefined} />;
}

function SteeredIntoRun({ turn, run, takenIn }: { turn: Turn; run: RunTimeline; takenIn: { at: TakeInMoment | undefined; nextAt: TakeInMoment | undefined } }) {
  const settled = run.status === "ended";
  const clock = useNow(!settled);
  const outcome = useRunOutcome(run, settled ? run.lastEventAt : clock);
  const text = steeredAnswer(turn.replyText, run, takenIn.at, takenIn.nextAt);
  return <SteeredView text={text} at={outcome.kind === "running" ? undefined : turn.replyAt} outcome={outcome} />;
}

function SteeredView({ text, at, outcome }: { text: string; at: number | undefined; outcome: RunOutcome | undefined }) {
  return (
    <div className="flex max-w-3xl flex-col gap-2">
      {text && (
        <ReplyBubble at={at}>
          <MessageMarkdown text={text} />
        </ReplyBubble>
      )}
      <HandoffNote handoff={{ kind: "steered", outcome }} />
    </div>
  );
}
