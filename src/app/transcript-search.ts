/**
 * The text find searches, composed here because it spans two features: a
 * turn's message and reply come from the chat, its tool arguments and output
 * from the run's timeline.
 */
import type { SearchDoc, SearchField } from "@/features/find/model/find-matches";
import { replyShown, type Turn } from "@/features/chat/model/transcript";
import { boundedToString } from "@/features/runs/model/bounded-text";
import type { RunTimeline } from "@/features/runs/model/run-timeline";
import { argsText } from "@/lib/display-text";

export function transcriptSearchDocs(turns: readonly Turn[], runOf: (runId: string) => RunTimeline | undefined): SearchDoc[] {
  return turns.map((turn, turnIndex) => {
    // A steered message's run is the earlier turn's: its tools are searched there, once.
    const run = turn.runId && turn.steeredInto === undefined ? runOf(turn.runId) : undefined;
    const fields: SearchField[] = [];
    if (turn.user) fields.push({ text: turn.user.text, place: { in: "messages" } });
    const reply = replyShown(turn, run?.text);
    if (reply) fields.push({ text: reply, place: { in: "messages" } });
    for (const step of run?.steps ?? []) {
      if (step.kind !== "tool") continue;
      fields.push({ text: argsText(step.args), place: { in: "tool", stepId: step.id, part: "arguments" } });
      fields.push({ text: boundedToString(step.output), place: { in: "tool", stepId: step.id, part: "output" } });
    }
    return { turnIndex, turnKey: turn.key, runId: turn.runId, fields };
  });
}
