import { MessageMarkdown } from "@/features/chat/components/message-markdown";
import type { Turn } from "@/features/chat/model/transcript";
import { describePhase } from "@/features/runs/model/describe-phase";
import { useRun } from "@/features/runs/store/runs-store";

export function AssistantTurn({ turn }: { turn: Turn }) {
  const run = useRun(turn.runId);
  const live = run && run.status !== "ended";
  const text = live ? run.text : turn.replyText || run?.text || "";
  if (!text && !run) return null;
  return (
    <div className="flex flex-col gap-2">
      <div className="max-w-3xl rounded-2xl rounded-bl-md border border-line bg-surface px-4 py-3 shadow-sm">
        {text ? <MessageMarkdown text={text} /> : <p className="text-sm text-ink-3">No reply text yet.</p>}
      </div>
      {live && <p className="text-xs text-ink-3">{describePhase(run.phase)}</p>}
    </div>
  );
}
