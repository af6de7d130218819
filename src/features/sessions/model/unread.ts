/**
 * Unread, kept in this browser: a session is unread when the gateway reports a finished run (`lastRunId`) that this
 * browser has not shown while the session was open. The gateway keeps its own `unread` flag, but marking it read
 * is a write that moves the session's `updatedAt` (and so its place in the list) every time a session is opened.
 */
import type { SessionRow } from "./session-row";

/** The last run id seen per session key; `null` = the session was seen with no finished run. */
export type SeenRuns = Readonly<Record<string, string | null>>;

export function isUnread(row: SessionRow, seen: SeenRuns, activeKey: string): boolean {
  if (row.key === activeKey || !row.lastRunId) return false;
  return seen[row.key] !== row.lastRunId;
}

/** On a gateway met for the first time, everything it already has counts as seen: nothing new happened yet. */
export function baselineOf(rows: readonly SessionRow[]): SeenRuns {
  return Object.fromEntries(rows.map((row) => [row.key, row.lastRunId ?? null]));
}

/** The open session's newest reply is on screen; returns the same object when nothing changed. */
export function viewed(seen: SeenRuns, row: SessionRow): SeenRuns {
  const runId = row.lastRunId ?? null;
  return seen[row.key] === runId ? seen : { ...seen, [row.key]: runId };
}
