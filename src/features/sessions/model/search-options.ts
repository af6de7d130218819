/**
 * The search dialog's one list of choices: sessions whose name matches first (they answer at once), then the
 * messages the gateway found. The arrow keys go through both as one list, so an index names a choice in either.
 */
import type { MessageHit } from "./message-search";
import { placeholderRow, type SessionRow } from "./session-row";

export type SearchOption = { kind: "session"; row: SessionRow } | { kind: "message"; hit: MessageHit; session: SessionRow };

/** The session a message belongs to, named as the list names it; the search's own row when the list lacks it. */
function sessionOf(key: string, known: ReadonlyMap<string, SessionRow>): SessionRow {
  return known.get(key) ?? placeholderRow(key);
}

export function searchOptions(names: readonly SessionRow[], hits: readonly MessageHit[], rows: readonly SessionRow[], searchRows: readonly SessionRow[] = []): SearchOption[] {
  // The list's rows win over the search's: they are what the sidebar shows (and are kept current).
  const known = new Map<string, SessionRow>([...searchRows, ...rows].map((row) => [row.key, row]));
  return [
    ...names.map((row): SearchOption => ({ kind: "session", row })),
    ...hits.map((hit): SearchOption => ({ kind: "message", hit, session: sessionOf(hit.sessionKey, known) })),
  ];
}

/** A stable id per choice, for React keys and the options' element ids. */
export function optionKey(option: SearchOption): string {
  return option.kind === "session" ? `session:${option.row.key}` : `message:${option.hit.sessionKey}:${option.hit.messageId}`;
}

/** The session a choice opens. */
export function optionSession(option: SearchOption): string {
  return option.kind === "session" ? option.row.key : option.hit.sessionKey;
}
