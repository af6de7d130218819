/**
 * Turns the gateway's transcript rows plus this tab's unsent messages into
 * the turns the chat shows: one user message and the run that answered it.
 * Turns are keyed by run id (the idempotency key the message was sent with),
 * so the same message is never shown twice, whatever order history and live
 * events arrive in.
 */

import { isRestartRecoveryNote, roleOfRow, runIdOfUserRow, textAsParagraphs } from "@/lib/history-rows";
import { splitHistoryTurns, type HistoryTurn } from "@/lib/history-turns";
import { isRecord } from "@/lib/read-untrusted";
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
  at: number;
}

/** OpenClaw prefixes stored user text with a "[date] Conversation info…" header in some versions; show what was typed. */
function cleanUserText(text: string): string {
  return text.replace(/^\[[^\]\n]{6,40}\]\s*Conversation info:[^\n]*\n+/, "");
}

function userOf(turn: HistoryTurn): TurnUser | null {
  const row = turn.userRow;
  if (!row) return null;
  return { id: turn.openingRowId, text: cleanUserText(textAsParagraphs(row.content)), at: turn.at, systemNote: isRestartRecoveryNote(row) };
}

/** The newest assistant row with text: the reply history settled on. */
function replyTextOf(turn: HistoryTurn): string {
  let text = "";
  for (const row of turn.replies) {
    const rowText = roleOfRow(row) === "assistant" ? textAsParagraphs(row.content) : "";
    if (rowText) text = rowText;
  }
  return text;
}

export function buildTranscript(history: readonly unknown[], outbox: readonly OutboxEntry[]): Turn[] {
  const turns: Turn[] = splitHistoryTurns(history).map((turn) => ({
    key: turn.key,
    runId: turn.runId ?? null,
    user: userOf(turn),
    replyText: replyTextOf(turn),
    at: turn.at ?? 0,
  }));

  const known = new Set(turns.map((turn) => turn.runId).filter((id): id is string => id !== null));
  for (const message of outbox) {
    if (known.has(message.runId)) continue;
    turns.push({
      key: message.runId,
      runId: message.runId,
      user: { id: message.runId, text: message.text, at: message.createdAt, pending: message.status, error: message.error, systemNote: false },
      replyText: "",
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
    const runId = isRecord(value) && roleOfRow(value) === "user" ? runIdOfUserRow(value) : undefined;
    if (runId !== undefined) ids.add(runId);
  }
  return ids;
}
