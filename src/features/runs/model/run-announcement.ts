/**
 * What a screen reader hears about the open session's runs: one sentence when a run starts and one when it
 * ends, never the per-second status line. Pure: the announcer feeds it the active run before and after.
 */
import type { RunOutcome } from "./run-outcome";

export interface AnnouncerState {
  sessionKey: string;
  activeRunId: string | null;
  /** The run whose end is the latest news, if the latest news is an end. */
  endedRunId: string | null;
  /** The run whose start is the latest news. */
  startedRunId: string | null;
}

export function initialAnnouncerState(sessionKey: string, activeRunId: string | null): AnnouncerState {
  // What was already running when the session was opened is not news.
  return { sessionKey, activeRunId, endedRunId: null, startedRunId: null };
}

/** The next state for the active run now; the same object when nothing happened. */
export function nextAnnouncerState(state: AnnouncerState, sessionKey: string, activeRunId: string | null): AnnouncerState {
  if (state.sessionKey !== sessionKey) return initialAnnouncerState(sessionKey, activeRunId);
  if (state.activeRunId === activeRunId) return state;
  if (activeRunId) return { sessionKey, activeRunId, startedRunId: activeRunId, endedRunId: null };
  return { sessionKey, activeRunId, startedRunId: null, endedRunId: state.activeRunId };
}

export const RUN_STARTED_WORDS = "Run started: the agent is working.";

export function runEndedWords(outcome: RunOutcome): string {
  return `Run ended: ${outcome.title}. ${outcome.summary}`;
}
