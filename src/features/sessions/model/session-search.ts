/** The quick session search (Ctrl+K / ⌘K): which sessions a typed name finds, best first. */
import { matchesFilter } from "./session-groups";
import { compareRows, type SessionRow } from "./session-row";

/** Enough to choose from by keyboard; typing more narrows it. */
export const SEARCH_LIMIT = 20;

/**
 * Every session whose name (or key) contains the query, case-insensitive: names that start with it first,
 * then the list's own order (pinned, then the most recently used). An empty query lists the list's first ones.
 */
export function searchSessions(rows: readonly SessionRow[], query: string, limit = SEARCH_LIMIT): SessionRow[] {
  const needle = query.trim().toLowerCase();
  const startsWith = (row: SessionRow) => row.title.toLowerCase().startsWith(needle);
  return rows
    .filter((row) => matchesFilter(row, needle))
    .sort((a, b) => Number(startsWith(b)) - Number(startsWith(a)) || compareRows(a, b))
    .slice(0, limit);
}

/** Arrow keys move through the results and wrap around at either end. */
export function nextResult(current: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}
