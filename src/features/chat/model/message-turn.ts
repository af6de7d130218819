/** Which turn of the transcript holds a transcript entry (a message a search found), by the entry's id. */
import { idOfRow } from "@/lib/history-rows";
import { splitHistoryTurns } from "@/lib/history-turns";
import type { Turn } from "./transcript";

/** The turn's index in `turns`; -1 when the entry is not in the history read so far (an older page, or gone). */
export function turnOfMessage(history: readonly unknown[], turns: readonly Turn[], messageId: string): number {
  const holder = splitHistoryTurns(history).find((turn) => turn.openingRowId === messageId || turn.replies.some((row) => idOfRow(row) === messageId));
  return holder ? turns.findIndex((turn) => turn.key === holder.key) : -1;
}
