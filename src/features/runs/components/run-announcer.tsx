import { useState } from "react";
import { useConnectionState } from "@/providers/gateway-provider";
import { CONNECTION_BACK_WORDS, CONNECTION_LOST_WORDS, initialAnnouncerState, nextAnnouncerState, RUN_STARTED_WORDS, runEndedWords, type AnnouncerNews } from "../model/run-announcement";
import { useRun, useRunOutcome, useSessionRuns } from "../registry/use-runs";
import type { RunTimeline } from "../model/run-timeline";

function EndedWords({ run }: { run: RunTimeline }) {
  return <>{runEndedWords(useRunOutcome(run, run.lastEventAt))}</>;
}

function Ended({ runId }: { runId: string }) {
  const run = useRun(runId);
  return run ? <EndedWords run={run} /> : <>Run ended.</>;
}

function NewsWords({ news }: { news: AnnouncerNews }) {
  switch (news.kind) {
    case "none":
      return null;
    case "started":
      return <>{RUN_STARTED_WORDS}</>;
    case "ended":
      return <Ended runId={news.runId} />;
    case "connection-lost":
      return <>{CONNECTION_LOST_WORDS}</>;
    case "connection-back":
      return <>{CONNECTION_BACK_WORDS}</>;
  }
}

/**
 * A polite live region that is always in the page (a region added together with its text is often not read):
 * it says when a run of the open session starts and how it ended, and when the connection drops or comes back
 * while one runs. Visually hidden; the transcript and the connection pill show the same.
 */
export function RunAnnouncer({ sessionKey }: { sessionKey: string }) {
  const { activeRunId } = useSessionRuns(sessionKey);
  const connected = useConnectionState().status === "online";
  const [state, setState] = useState(() => initialAnnouncerState(sessionKey, activeRunId, connected));
  const next = nextAnnouncerState(state, sessionKey, activeRunId, connected);
  if (next !== state) setState(next);
  return (
    <div role="status" aria-live="polite" aria-label="Run announcements" className="sr-only">
      <NewsWords news={next.news} />
    </div>
  );
}
