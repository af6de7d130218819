/**
 * Turns the gateway's transcript rows plus this tab's unsent messages into
 * the turns the chat shows: one user message and the run that answered it.
 * Turns are keyed by run id (the idempotency key the message was sent with),
 * so the same message is never shown twice, whatever order history and live
 * events arrive in.
 */

import { idOfRow, isRestartRecoveryNote, mediaOfRow, roleOfRow, runIdOfUserRow, textAsParagraphs, timeOfRow } from "@/lib/history-rows";
import { splitHistoryTurns, type HistoryTurn } from "@/lib/history-turns";
import { isRecord } from "@/lib/read-untrusted";
import type { OutboxEntry, OutboxStatus } from "./outbox";

/** A file sent with a message. */
export interface UserAttachment {
  fileName: string;
  kind: "image" | "file";
  mimeType?: string;
  sizeBytes?: number;
  /** A data: URL of the picture, when this tab still has its bytes (the gateway's history never returns them). */
  src?: string;
}

/** The picture this tab sent under a run with this file name, if it still has it. */
export type PreviewLookup = (runId: string, fileName: string) => string | undefined;

export interface TurnUser {
  id: string;
  /** The gateway's transcript entry id (`__openclaw.id`): only a message the gateway saved has one. */
  entryId?: string;
  text: string;
  /** Present when the message carried files. */
  attachments?: readonly UserAttachment[];
  at?: number;
  pending?: OutboxStatus;
  error?: string;
  /** Written by the gateway (restart recovery), not by a person. */
  systemNote: boolean;
}

export interface Turn {
  key: string;
  runId: string | null;
  /** Other runs whose rows answer this turn (a queued message's follow-up run): they get no turn of their own. */
  answeredBy?: readonly string[];
  user: TurnUser | null;
  /** The run of an earlier turn this message was steered into: that run answers it; its timeline stays with that turn. */
  steeredInto?: string;
  /** The run id of the first message steered into this turn's run: what the run wrote from then on shows under it. */
  continuedBy?: string;
  /** On a steered turn, the run id of the next message steered into the same run: what it wrote from then on is that one's. */
  nextSteered?: string;
  /** When history says the gateway took this steered message, and the next one, into the run (the gateway's clock). */
  takenInAt?: number;
  nextTakenInAt?: number;
  /** The final reply as history has it; empty while the run is live. */
  replyText: string;
  /** When history's row of that reply was written. */
  replyAt?: number;
  at: number;
}

/** OpenClaw prefixes stored user text with a "[date] Conversation info…" header in some versions; show what was typed. */
function cleanUserText(text: string): string {
  return text.replace(/^\[[^\]\n]{6,40}\]\s*Conversation info:[^\n]*\n+/, "");
}

function userOf(turn: HistoryTurn, previewOf: PreviewLookup): TurnUser | null {
  const row = turn.userRow;
  if (!row) return null;
  const attachments = mediaOfRow(row).map((media): UserAttachment => {
    const kind = media.kind === "image" || media.contentType?.startsWith("image/") ? "image" : "file";
    const src = kind === "image" && turn.runId ? previewOf(turn.runId, media.fileName) : undefined;
    return { fileName: media.fileName, kind, ...(media.contentType ? { mimeType: media.contentType } : {}), ...(media.sizeBytes !== undefined ? { sizeBytes: media.sizeBytes } : {}), ...(src ? { src } : {}) };
  });
  const entryId = idOfRow(row);
  return { id: turn.openingRowId, ...(entryId !== undefined ? { entryId } : {}), text: cleanUserText(textAsParagraphs(row.content)), ...(attachments.length ? { attachments } : {}), at: turn.at, systemNote: isRestartRecoveryNote(row) };
}

function outboxAttachments(message: OutboxEntry): UserAttachment[] {
  return (message.attachments ?? []).map(({ kind, fileName, mimeType, sizeBytes, content }) => ({
    fileName,
    kind,
    mimeType,
    sizeBytes,
    ...(kind === "image" ? { src: `data:${mimeType};base64,${content}` } : {}),
  }));
}

const NO_PREVIEWS: PreviewLookup = () => undefined;
const NO_STEERS: ReadonlyMap<string, string> = new Map();

/** The newest assistant row with text: the reply history settled on, and when it was written. */
function replyOf(turn: HistoryTurn): { replyText: string; replyAt?: number } {
  let reply: { replyText: string; replyAt?: number } = { replyText: "" };
  for (const row of turn.replies) {
    const rowText = roleOfRow(row) === "assistant" ? textAsParagraphs(row.content) : "";
    if (!rowText) continue;
    const at = timeOfRow(row);
    reply = { replyText: rowText, ...(at !== undefined ? { replyAt: at } : {}) };
  }
  return reply;
}

/**
 * The turns of a session: history's, then this page's messages history does not hold yet. `liveSteers` (message run
 * id → run) are steers the gateway announced live, for messages whose row history does not yet show as steered.
 */
export function buildTranscript(
  history: readonly unknown[],
  outbox: readonly OutboxEntry[],
  previewOf: PreviewLookup = NO_PREVIEWS,
  liveSteers: ReadonlyMap<string, string> = NO_STEERS,
): Turn[] {
  const turns: Turn[] = splitHistoryTurns(history).map((turn) => ({
    key: turn.key,
    runId: turn.runId ?? null,
    user: userOf(turn, previewOf),
    ...replyOf(turn),
    at: turn.at ?? 0,
    ...(turn.answeredBy.length > 0 ? { answeredBy: turn.answeredBy } : {}),
    ...(turn.steeredInto !== undefined ? { steeredInto: turn.steeredInto } : {}),
    ...(turn.steeredAt !== undefined ? { takenInAt: turn.steeredAt } : {}),
  }));
  const known = new Set(turns.map((turn) => turn.runId).filter((id): id is string => id !== null));
  for (const message of outbox) {
    if (known.has(message.runId)) continue;
    turns.push({
      key: message.runId,
      runId: message.runId,
      user: { id: message.runId, text: message.text, ...(message.attachments?.length ? { attachments: outboxAttachments(message) } : {}), at: message.createdAt, pending: message.status, error: message.error, systemNote: false },
      replyText: "",
      at: message.createdAt,
    });
    known.add(message.runId);
  }
  for (const turn of turns) {
    const announced = turn.steeredInto === undefined && turn.runId !== null ? liveSteers.get(turn.runId) : undefined;
    if (announced !== undefined && announced !== turn.runId) turn.steeredInto = announced;
  }
  linkSteeredTurns(turns);
  return turns;
}

/** Each message steered into a run takes over from the one before it: the run that started, else the last steered in. */
function linkSteeredTurns(turns: Turn[]): void {
  const lastInto = new Map<string, Turn>();
  for (const steered of turns) {
    const into = steered.steeredInto;
    if (into === undefined || steered.runId === null) continue;
    const before = lastInto.get(into) ?? turns.find((turn) => turn.runId === into || turn.answeredBy?.includes(into));
    if (before?.steeredInto === undefined && before && before.continuedBy === undefined) before.continuedBy = steered.runId;
    else if (before?.steeredInto !== undefined) {
      before.nextSteered = steered.runId;
      if (steered.takenInAt !== undefined) before.nextTakenInAt = steered.takenInAt;
    }
    lastInto.set(into, steered);
  }
}

/**
 * The reply a turn shows: history's, else its run's text. Not the run's text where that run answered a message
 * steered into it: from then on the text is that message's answer, and shows under it.
 */
export function replyShown(turn: Turn, runText: string | undefined): string {
  return turn.replyText || (turn.continuedBy !== undefined || turn.steeredInto !== undefined ? "" : (runText ?? ""));
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
