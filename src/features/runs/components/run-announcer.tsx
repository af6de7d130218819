import { useState } from "react";
import { initialAnnouncerState, nextAnnouncerState, RUN_STARTED_WORDS, runEndedWords } from "../model/run-announcement";
import { useRun, useRunOutcome, useSessionRuns } from "../registry/use-runs";
import type { RunTimeline } from "../model/run-timeline";

function EndedWords({ run }: { run: RunTimeline }) {
  return <>{runEndedWords(useRunOutcome(run, run.lastEventAt))}</>;
}

function Ended({ runId }: { runId: string }) {
  const run = useRun(runId);
  return run ? <EndedWords run={run} /> : <>Run ended.</>;
}

/**
 * A polite live region that is always in the page (a region added together with its text is often not read):
 * it says when a run of the open session starts and how it ended. Visually hidden; the transcript shows both.
 */
export function RunAnnouncer({ sessionKey }: { sessionKey: string }) {
  const { activeRunId } = useSessionRuns(sessionKey);
  const [state, setState] = useState(() => initialAnnouncerState(sessionKey, activeRunId));
  const next = nextAnnouncerState(state, sessionKey, activeRunId);
  if (next !== state) setState(next);
  return (
    <div role="status" aria-live="polite" aria-label="Run announcements" className="sr-only">
      {next.startedRunId && RUN_STARTED_WORDS}
      {next.endedRunId && <Ended runId={next.endedRunId} />}
    </div>
  );
}
