/**
 * A long session's history read in pages: the tail (`chat.history` with no
 * offset) and older pages asked for as the user scrolls up. The gateway counts
 * offsets from the newest record, so once new messages arrive an older page can
 * overlap the tail; rows are told apart by the id the gateway gave them.
 */
import { idOfRow } from "@/lib/history-rows";
import { isRecord, type UnknownRecord } from "@/lib/read-untrusted";

export interface HistoryPageInfo {
  /** Where the next older page starts (records from the newest end), when there is one. */
  nextOffset?: number;
  hasMore: boolean;
  /** Messages the session holds in all, when the gateway says. */
  totalMessages?: number;
}

export function pageInfoOf(payload: unknown): HistoryPageInfo {
  const record: UnknownRecord = isRecord(payload) ? payload : {};
  const nextOffset = typeof record.nextOffset === "number" && Number.isSafeInteger(record.nextOffset) && record.nextOffset > 0 ? record.nextOffset : undefined;
  const totalMessages = typeof record.totalMessages === "number" && Number.isSafeInteger(record.totalMessages) && record.totalMessages >= 0 ? record.totalMessages : undefined;
  return { nextOffset, hasMore: record.hasMore === true && nextOffset !== undefined, totalMessages };
}

/**
 * The session's rows oldest first: older pages (fetched newest page first, as
 * scrolling up asks for them) then the tail. A row already shown by a newer
 * page or the tail is dropped from the older one; rows without an id are kept.
 */
export function mergeHistoryPages(olderPages: readonly (readonly unknown[])[], tail: readonly unknown[]): unknown[] {
  if (olderPages.length === 0) return tail as unknown[];
  const seen = new Set<string>();
  const remember = (rows: readonly unknown[]) => {
    for (const row of rows) {
      const id = isRecord(row) ? idOfRow(row) : undefined;
      if (id !== undefined) seen.add(id);
    }
  };
  remember(tail);
  const older: unknown[][] = [];
  for (const page of olderPages) {
    const fresh = page.filter((row) => {
      const id = isRecord(row) ? idOfRow(row) : undefined;
      return id === undefined || !seen.has(id);
    });
    remember(fresh);
    older.push(fresh);
  }
  return [...older.reverse().flat(), ...tail];
}
