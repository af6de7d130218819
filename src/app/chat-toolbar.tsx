/** The row above the transcript: which session is open, and (once it has turns) its export, timeline and usage tools. */
import { OverflowMenu } from "@/components/ui/overflow-menu";
import { TimelineToggles } from "@/features/runs/components/timeline-toggles";
import { UsageLine } from "@/features/runs/components/usage-line";
import { useOpenSessionTitle } from "@/features/sessions/api/use-open-session-title";
import { SessionHeading } from "@/features/sessions/components/session-heading";
import { useConnectionState } from "@/providers/gateway-provider";
import { ExportMenu } from "./session-export/export-menu";
import { useWideLayout } from "./wide-layout";

export function ChatToolbar({ sessionKey, hasTurns, sessionUsage }: { sessionKey: string; hasTurns: boolean; sessionUsage: string | undefined }) {
  const online = useConnectionState().status === "online";
  const session = useOpenSessionTitle(sessionKey, online);
  const wide = useWideLayout();
  const tools = (
    <>
      <ExportMenu />
      <TimelineToggles />
      <UsageLine label="Session usage" text={sessionUsage} />
    </>
  );
  return (
    // The heading keeps room for a name; where the tools do not fit beside it, they go to the next line.
    <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-x-2 gap-y-1 px-4 pt-2">
      <div className="flex min-w-0 flex-1 basis-64">
        <SessionHeading session={session} />
      </div>
      {/* On a phone the tools wait behind one button, so the transcript keeps the screen. */}
      {hasTurns && (wide ? <div className="ml-auto flex flex-wrap items-center justify-end gap-2">{tools}</div> : <OverflowMenu label="Session tools">{() => tools}</OverflowMenu>)}
    </div>
  );
}
