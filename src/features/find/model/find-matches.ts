/**
 * Find in the transcript: every place a query occurs in the session's
 * searchable text. The text of a turn is its user message, its reply, and its
 * run's tool arguments and output, composed by the app (features do not read
 * each other's data). Matching is plain, case-insensitive substring search, so
 * what the counter says is what a reader would count by eye.
 */

/** Where in a turn a text is shown: its messages, or a tool step's arguments or output inside the run's timeline. */
export type SearchPlace = { in: "messages" } | { in: "tool"; stepId: string; part: "arguments" | "output" };

export interface SearchField {
  text: string;
  place: SearchPlace;
}

export interface SearchDoc {
  turnIndex: number;
  turnKey: string;
  runId: string | null;
  fields: readonly SearchField[];
}

export interface FindMatch {
  turnIndex: number;
  turnKey: string;
  runId: string | null;
  place: SearchPlace;
  /** Which occurrence in its place, counting from 0: the user's message and the reply count as one place, in that order. */
  occurrence: number;
}

function placeKey(place: SearchPlace): string {
  return place.in === "messages" ? "messages" : `${place.stepId}\u0000${place.part}`;
}

/** Occurrences of `needle` in `text`, not overlapping; `needle` is already lower case. */
function countIn(text: string, needle: string): number {
  const haystack = text.toLowerCase();
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

export function findMatches(docs: readonly SearchDoc[], query: string): FindMatch[] {
  const needle = query.toLowerCase();
  if (needle.trim() === "") return [];
  const matches: FindMatch[] = [];
  for (const doc of docs) {
    const seen = new Map<string, number>();
    for (const field of doc.fields) {
      const count = countIn(field.text, needle);
      const key = placeKey(field.place);
      for (let i = 0; i < count; i += 1) {
        const occurrence = seen.get(key) ?? 0;
        seen.set(key, occurrence + 1);
        matches.push({ turnIndex: doc.turnIndex, turnKey: doc.turnKey, runId: doc.runId, place: field.place, occurrence });
      }
    }
  }
  return matches;
}

/** The next match going forward or back, wrapping at either end. */
export function stepMatch(active: number, total: number, direction: 1 | -1): number {
  if (total === 0) return 0;
  return (((active + direction) % total) + total) % total;
}

/** What the counter reads: "3 of 12", or why there is nothing to count. */
export function matchCounter(query: string, active: number, total: number): string {
  if (query.trim() === "") return "Type to search";
  if (total === 0) return "No matches";
  return `${active + 1} of ${total}`;
}
