import type { ReactNode } from "react";
import { MessageTime } from "./message-time";

/** The assistant's side of a turn: its words in a bubble, and when they were written (nothing while still streaming). */
export function ReplyBubble({ at, children }: { at: number | undefined; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col items-start gap-1">
      <div className="w-full min-w-0 overflow-x-auto rounded-2xl rounded-bl-md border border-line bg-surface px-4 py-3 shadow-sm">{children}</div>
      <MessageTime at={at} />
    </div>
  );
}
