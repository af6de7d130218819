import { useState } from "react";
import { messageTime } from "../model/message-time";

/** When a message was sent: "16:42" (with the day when not today); the full date and time on hover. */
export function MessageTime({ at, className = "" }: { at: number | undefined; className?: string }) {
  // "Today" as of when the message was shown: a time needs no clock ticking beside it.
  const [now] = useState(Date.now);
  const words = messageTime(at, { now });
  if (!words) return null;
  return (
    <time data-find-skip dateTime={words.iso} title={words.full} className={`text-[11px] text-ink-3 tabular-nums ${className}`}>
      {words.short}
    </time>
  );
}
