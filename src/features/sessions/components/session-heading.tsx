import type { OpenSessionTitle } from "../model/open-session";
import { SessionName } from "./session-name";

/** The chat pane's heading: which session is open, and with which agent. */
export function SessionHeading({ session }: { session: OpenSessionTitle }) {
  return (
    <h1 className="flex min-w-0 flex-1 items-baseline gap-1.5 text-sm">
      <SessionName name={session.title} className="font-semibold text-ink" />
      <span className="shrink-0 text-xs font-normal text-ink-3">· {session.agent}</span>
    </h1>
  );
}
