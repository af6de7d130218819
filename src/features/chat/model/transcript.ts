/**
 * Turns the gateway's transcript rows plus this tab's unsent messages into
 * the turns the chat shows: one user message and the run that answered it.
 * Turns are keyed by run id (the idempotency key the message was sent with),
 * so the same message is never shown twice, whatever order history and live
 * events arrive in.
 */

import type { OutboxEntry, OutboxStatus } from "./outbox";

export interface TurnUser {
  id: string;
  text: string;
  at?: number;
  pending?: OutboxStatus;
  error?: string;
  /** Written by the gateway (restart recovery), not by a person. */
  systemNote: boolean;
}

export interface Turn {
  key: string;
  runId: string | null;
  user: TurnUser | null;
  /** The final reply as history has it; empty while the run is live. */
  replyText: string;
  /** This turn's raw transcript rows (assistant, tool results, notes), for the run timeline. */
  rows: unknown[];
  at: number;
}

type Row = Record<string, unknown>;

const RESTART_NOTE = /^\s*\[System\]\s+Your previous turn was interrupted/i;

function meta(row: Row): Row {
  const value = row.__openclaw;
  return value && typeof value === "object" ? (value as Row) : {};
}

export function textOfRow(row: Row): string {
  const content = row.content;
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => (part && typeof part === "object" && (part as Row).type === "text" && typeof (part as Row).text === "string" ? ((part as Row).text as string) : ""))
    .filter(Boolean)
    .join("\n\n");
}

/** A user row's run id: its idempotency key without the ":user" suffix the gateway adds. */
export function runIdOfUserRow(row: Row): string | null {
  const key = row.idempotencyKey ?? meta(row).idempotencyKey;
  if (typeof key !== "string" || key === "") return null;
  return key.endsWith(":user") ? key.slice(0, -":user".length) : key;
}

function runIdOfRow(row: Row): string | null {
  const runId = meta(row).runId;
  return typeof runId === "string" && runId !== "" ? runId : null;
}

function idOfRow(row: Row, index: number): string {
  const id = meta(row).id;
  return typeof id === "string" ? id : `row-${index}`;
}

function timeOfRow(row: Row): number | undefined {
  return typeof row.timestamp === "number" ? row.timestamp : undefined;
}

/** OpenClaw prefixes stored user text with a "[date] Conversation info…" header in some versions; show what was typed. */
function cleanUserText(text: string): string {
  return text.replace(/^\[[^\]\n]{6,40}\]\s*Conversation info:[^\n]*\n+/, "");
}

export function isRestartRecoveryNote(text: string): boolean {
  return RESTART_NOTE.test(text);
}

export function buildTranscript(history: readonly unknown[], outbox: readonly OutboxEntry[]): Turn[] {
  const turns: Turn[] = [];
  let current: Turn | null = null;

  history.forEach((value, index) => {
    if (!value || typeof value !== "object") return;
    const row = value as Row;
    if (row.role === "user") {
      const text = cleanUserText(textOfRow(row));
      const runId = runIdOfUserRow(row);
      current = {
        key: runId ?? idOfRow(row, index),
        runId,
        user: { id: idOfRow(row, index), text, at: timeOfRow(row), systemNote: isRestartRecoveryNote(text) },
        replyText: "",
        rows: [],
        at: timeOfRow(row) ?? 0,
      };
      turns.push(current);
      return;
    }
    const rowRunId = runIdOfRow(row);
    if (!current || (rowRunId && current.runId && rowRunId !== current.runId && current.rows.length > 0)) {
      // A reply with no user message before it (an injected note, or a run started elsewhere).
      current = { key: rowRunId ?? idOfRow(row, index), runId: rowRunId, user: null, replyText: "", rows: [], at: timeOfRow(row) ?? 0 };
      turns.push(current);
    }
    const turn: Turn = current;
    if (!turn.runId && rowRunId) turn.runId = rowRunId;
    turn.rows.push(row);
    if (row.role === "assistant") {
      const text = textOfRow(row);
      if (text) turn.replyText = text;
    }
  });

  const known = new Set(turns.map((turn) => turn.runId).filter((id): id is string => id !== null));
  for (const message of outbox) {
    if (known.has(message.runId)) continue;
    turns.push({
      key: message.runId,
      runId: message.runId,
      user: { id: message.runId, text: message.text, at: message.createdAt, pending: message.status, error: message.error, systemNote: false },
      replyText: "",
      rows: [],
      at: message.createdAt,
    });
    known.add(message.runId);
  }
  return turns;
}

/** Run ids that history already holds a user message for: their pending copies can go. */
export function deliveredRunIds(history: readonly unknown[]): Set<string> {
  const ids = new Set<string>();
  for (const value of history) {
    if (value && typeof value === "object" && (value as Row).role === "user") {
      const runId = runIdOfUserRow(value as Row);
      if (runId) ids.add(runId);
    }
  }
  return ids;
}
