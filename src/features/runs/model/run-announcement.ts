/**
 * What a screen reader hears about the open session's runs: one sentence when a run starts and one when it
 * ends, never the per-second status line; and, while a run is going, when the connection drops (the run's state
 * is then unknown) and when it is back. Pure: the announcer feeds it the active run and the connection.
 */
import type { RunOutcome } from "./run-outcome";

/** The latest news about the open session's runs: the live region says this one sentence. */
export type AnnouncerNews =
  | { kind: "none" }
  | { kind: "started"; runId: string }
  | { kind: "ended"; runId: string }
  | { kind: "connection-lost"; runId: string }
  | { kind: "connection-back"; runId: string };

export interface AnnouncerState {
  sessionKey: string;
  activeRunId: string | null;
  connected: boolean;
  news: AnnouncerNews;
}

const NO_NEWS: AnnouncerNews = { kind: "none" };

export function initialAnnouncerState(sessionKey: string, activeRunId: string | null, connected: boolean): AnnouncerState {
  // What was already running when the session was opened is not news.
  return { sessionKey, activeRunId, connected, news: NO_NEWS };
}

/** The next state for the active run and the connection now; the same object when nothing happened. */
export function nextAnnouncerState(state: AnnouncerState, sessionKey: string, activeRunId: string | null, connected: boolean): AnnouncerState {
  if (state.sessionKey !== sessionKey) return initialAnnouncerState(sessionKey, activeRunId, connected);
  if (state.activeRunId !== activeRunId) {
    if (activeRunId) return { sessionKey, activeRunId, connected, news: { kind: "started", runId: activeRunId } };
    return { sessionKey, activeRunId, connected, news: state.activeRunId ? { kind: "ended", runId: state.activeRunId } : NO_NEWS };
  }
  if (state.connected === connected) return state;
  if (!activeRunId) return { ...state, connected };
  // "Run started: the agent is working" is no longer known to be true once nothing is heard from the gateway.
  if (!connected) return { ...state, connected, news: { kind: "connection-lost", runId: activeRunId } };
  return { ...state, connected, news: state.news.kind === "connection-lost" ? { kind: "connection-back", runId: activeRunId } : state.news };
}

export const RUN_STARTED_WORDS = "Run started: the agent is working.";
export const CONNECTION_LOST_WORDS = "Connection lost: the run's state is unknown until the gateway is back.";
export const CONNECTION_BACK_WORDS = "Connection back: following the run again.";

export function runEndedWords(outcome: RunOutcome): string {
  return `Run ended: ${outcome.title}. ${outcome.summary}`;
}
