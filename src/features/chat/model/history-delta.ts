/**
 * Catching up (after a run ends, after a reconnect): `chat.history {sessionKey, cursor}` answers
 * with only the transcript entries written since the cursor (`kind: "delta"`),
 * or `kind: "reset"` when it cannot (a bad or foreign cursor, a reset session,
 * a compaction, more than it sends at once). Each delta entry is shaped like a
 * `session.message` payload; its `message` is the row a tail read shows, byte
 * for byte (src/testing/captures/history-delta-*.jsonl).
 *
 * While a run is going, the gateway's view of rows already written still moves
 * (a tool call's activity says "outcome unknown" until its result row lands),
 * so a cursor is only kept from a read that found the session idle; a later
 * delta then re-reads the rows of the run, and a re-read row replaces the copy
 * held.
 */
import { idOfRow } from "@/lib/history-rows";
import { isRecord, readNumber, readRecord, readText, type UnknownRecord } from "@/lib/read-untrusted";
import type { HistoryPageInfo } from "./history-pages";

export interface HistoryDelta {
  /** The rows written since the cursor (and those re-read), oldest first, as a tail read shows them. */
  rows: UnknownRecord[];
  /** Readable tool activity of these rows (`[{messageId, items}]`). */
  activity: unknown[];
  cursor: string;
  sessionInfo: UnknownRecord;
  inFlightRun: unknown;
  /** Messages waiting to be taken into the running reply, as a tail read lists them. */
  pendingInputs: unknown;
}

export type DeltaAnswer = { kind: "delta"; delta: HistoryDelta } | { kind: "reset" } | { kind: "unusable"; reason: string };

/** Reads a `chat.history {cursor}` answer; anything not clearly a delta or a reset is unusable. */
export function readDeltaAnswer(payload: unknown): DeltaAnswer {
  if (!isRecord(payload)) return { kind: "unusable", reason: "not an object" };
  if (payload.kind === "reset") return { kind: "reset" };
  if (payload.kind !== "delta") return { kind: "unusable", reason: `kind ${JSON.stringify(payload.kind)}` };
  const cursor = readText(payload, "deltaCursor");
  const sessionInfo = readRecord(payload, "sessionInfo");
  if (!Array.isArray(payload.messages) || cursor === undefined || sessionInfo === undefined) return { kind: "unusable", reason: "no messages, cursor or session" };
  const rows: UnknownRecord[] = [];
  for (const entry of payload.messages as unknown[]) {
    const row = isRecord(entry) ? readRecord(entry, "message") : undefined;
    const id = row ? idOfRow(row) : undefined;
    if (!row || id === undefined || seqOfRow(row) === undefined) return { kind: "unusable", reason: "an entry without a message id and seq" };
    if (isRecord(entry) && entry.messageId !== undefined && entry.messageId !== id) return { kind: "unusable", reason: "an entry whose ids disagree" };
    rows.push(row);
  }
  const activity = payload.activity === undefined ? [] : payload.activity;
  if (!Array.isArray(activity)) return { kind: "unusable", reason: "activity is not a list" };
  return { kind: "delta", delta: { rows, activity, cursor, sessionInfo, inFlightRun: payload.inFlightRun, pendingInputs: payload.pendingInputs } };
}

function seqOfRow(row: UnknownRecord): number | undefined {
  const meta = readRecord(row, "__openclaw");
  const seq = meta ? readNumber(meta, "seq") : undefined;
  return seq !== undefined && Number.isSafeInteger(seq) ? seq : undefined;
}

/** Whether a read proves the session idle: no run in flight and the gateway says none is active. */
export function readFoundIdle(sessionInfo: unknown, inFlightRun: unknown): boolean {
  return inFlightRun == null && isRecord(sessionInfo) && sessionInfo.hasActiveRun === false;
}

/** The cursor to hold after a read: the read's own when it found the session idle, else the one held before. */
export function cursorAfterRead(held: string | undefined, read: { cursor: string | undefined; idle: boolean }): string | undefined {
  return read.idle && read.cursor !== undefined ? read.cursor : held;
}

export type DeltaMerge = { kind: "merged"; rows: unknown[]; activity: unknown[]; added: number } | { kind: "gap"; reason: string };

/**
 * The held tail with the delta applied: a row held already is replaced where
 * it stands (the newer read wins), a new row goes after the rest. A new row
 * that belongs before a row held (its seq is not past the newest held) means
 * the held copy is missing something: a gap, to be read again whole.
 * Activity is rebuilt in row order, the delta's entries replacing the held
 * ones for every row it re-read, as a tail read would give it.
 */
export function mergeDelta(heldRows: readonly unknown[], heldActivity: unknown, delta: HistoryDelta): DeltaMerge {
  const rows = [...heldRows];
  const positions = new Map<string, number>();
  let newestSeq = -Infinity;
  rows.forEach((row, index) => {
    if (!isRecord(row)) return;
    const id = idOfRow(row);
    if (id !== undefined) positions.set(id, index);
    newestSeq = Math.max(newestSeq, seqOfRow(row) ?? -Infinity);
  });
  let added = 0;
  for (const row of delta.rows) {
    const id = idOfRow(row) as string;
    const seq = seqOfRow(row) as number;
    const at = positions.get(id);
    if (at !== undefined) {
      rows[at] = row;
      continue;
    }
    if (seq <= newestSeq) return { kind: "gap", reason: `new row ${id} at seq ${seq}, not past the newest held (${newestSeq})` };
    positions.set(id, rows.length);
    rows.push(row);
    newestSeq = seq;
    added += 1;
  }
  return { kind: "merged", rows, activity: mergeActivity(rows, heldActivity, delta), added };
}

function activityByMessage(activity: unknown): Map<string, unknown[]> {
  const byMessage = new Map<string, unknown[]>();
  if (!Array.isArray(activity)) return byMessage;
  for (const entry of activity) {
    const messageId = isRecord(entry) ? readText(entry, "messageId") : undefined;
    if (messageId === undefined) continue;
    byMessage.set(messageId, [...(byMessage.get(messageId) ?? []), entry]);
  }
  return byMessage;
}

function mergeActivity(rows: readonly unknown[], heldActivity: unknown, delta: HistoryDelta): unknown[] {
  const held = activityByMessage(heldActivity);
  for (const row of delta.rows) held.delete(idOfRow(row) as string);
  for (const [messageId, entries] of activityByMessage(delta.activity)) held.set(messageId, entries);
  return rows.flatMap((row) => {
    const id = isRecord(row) ? idOfRow(row) : undefined;
    return id === undefined ? [] : (held.get(id) ?? []);
  });
}

/** The tail's place in the session after `added` rows joined it: as many more in all, and older pages as far back. */
export function pageAfterDelta(page: HistoryPageInfo, added: number): HistoryPageInfo {
  return {
    hasMore: page.hasMore,
    nextOffset: page.nextOffset === undefined ? undefined : page.nextOffset + added,
    totalMessages: page.totalMessages === undefined ? undefined : page.totalMessages + added,
  };
}
