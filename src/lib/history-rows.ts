/**
 * Readers for one `chat.history` row, with one rule each, shared by the chat
 * transcript and the run timelines so the two never disagree about a row.
 *
 * A row is `{ role, content, timestamp, …, __openclaw: { id, runId?,
 * idempotencyKey?, recordTimestampMs, kind? } }` (see src/testing/captures/history-*.jsonl).
 */
import { isRecord, readNumber, readRecord, readString, readText, type UnknownRecord } from "./read-untrusted";

const USER_KEY_SUFFIX = ":user";
const RESTART_RECOVERY_TOOL = "main_session_restart_recovery";
const RESTART_NOTE_PREFIX = "[System] Your previous turn was interrupted by a gateway restart";

function envelope(row: UnknownRecord): UnknownRecord | undefined {
  return readRecord(row, "__openclaw");
}

export function roleOfRow(row: UnknownRecord): string | undefined {
  return readString(row, "role");
}

/** The transcript entry id the gateway gave the row, if any. */
export function idOfRow(row: UnknownRecord): string | undefined {
  const meta = envelope(row);
  return meta ? readText(meta, "id") : undefined;
}

/**
 * When the row's message was made. `timestamp` is that moment; `__openclaw.recordTimestampMs`
 * is when the gateway stored it, which trails by milliseconds to seconds (4.3 s for the first
 * user row and 3.2 s for the restart note in history-after-sigkill-auto-recovery), so it is
 * only the fallback for a row without `timestamp`.
 */
export function timeOfRow(row: UnknownRecord): number | undefined {
  const meta = envelope(row);
  return readNumber(row, "timestamp") ?? (meta ? readNumber(meta, "recordTimestampMs") : undefined);
}

/**
 * A user row's run id. chat.send uses runId = idempotencyKey and the gateway stores the user
 * row under `<runId>:user`, on the row and in `__openclaw` (both in every capture).
 */
export function runIdOfUserRow(row: UnknownRecord): string | undefined {
  const meta = envelope(row);
  const key = readText(row, "idempotencyKey") ?? (meta ? readText(meta, "idempotencyKey") : undefined);
  if (key === undefined) return undefined;
  const runId = key.endsWith(USER_KEY_SUFFIX) ? key.slice(0, -USER_KEY_SUFFIX.length) : key;
  return runId === "" ? undefined : runId;
}

/**
 * The run a user row was steered into: in the default `steer` queue mode a message sent while a reply runs is
 * put into that run at its next tool or model boundary, and the gateway marks the row `__openclaw.steerTargetRunId`
 * (steer-default-mode.jsonl). That run, not the row's own, answers it.
 */
export function steerTargetOfUserRow(row: UnknownRecord): string | undefined {
  const meta = envelope(row);
  const target = meta ? readText(meta, "steerTargetRunId") : undefined;
  return target !== undefined && target !== runIdOfUserRow(row) ? target : undefined;
}

/**
 * When the gateway took a steered message into the run, on its own clock: it rewrites the row then, naming the run
 * (`recordTimestampMs`); `timestamp` stays the moment it was sent.
 */
export function steeredAtOfUserRow(row: UnknownRecord): number | undefined {
  const meta = envelope(row);
  return meta && steerTargetOfUserRow(row) !== undefined ? readNumber(meta, "recordTimestampMs") : undefined;
}

/**
 * The run that wrote an assistant, toolResult or custom row: the gateway stamps `__openclaw.runId` on each.
 * A gateway command's reply (`/queue …`) carries none; it is written under the command's idempotency key,
 * which is that command's run id.
 */
export function runIdOfReplyRow(row: UnknownRecord): string | undefined {
  const meta = envelope(row);
  if (!meta) return undefined;
  const runId = readText(meta, "runId");
  if (runId !== undefined) return runId;
  const key = readText(meta, "idempotencyKey");
  return key === undefined || key === "" || key.endsWith(USER_KEY_SUFFIX) ? undefined : key;
}

/**
 * The user row the gateway appends when it resumes a turn a restart interrupted: a system
 * note, not something a person said. The gateway marks it with `provenance.sourceTool`; the
 * text prefix is the fallback for a gateway that does not, and is the full prefix of the real
 * note so that a person quoting the first words of it is not taken for the gateway.
 */
export function isRestartRecoveryNote(row: UnknownRecord): boolean {
  if (roleOfRow(row) !== "user") return false;
  const provenance = readRecord(row, "provenance");
  if (provenance && readString(provenance, "sourceTool") === RESTART_RECOVERY_TOOL) return true;
  return textAsParagraphs(row.content).trimStart().startsWith(RESTART_NOTE_PREFIX);
}

/**
 * A compaction or reset marker: a synthetic row the gateway adds where history was summarised
 * or reset. It is recognised by `__openclaw.kind` alone (`compaction`, `reset` per
 * docs/gateway/clients.md), because that envelope field is set on these rows only, whatever
 * their role. It belongs to no turn.
 */
export function isSyntheticMarker(row: UnknownRecord): boolean {
  const meta = envelope(row);
  return meta !== undefined && readText(meta, "kind") !== undefined;
}

/**
 * A message an operator put into the transcript with `chat.inject`: no run wrote it and it answers
 * no one, so it stands on its own. The gateway writes it as an assistant row of the model
 * `gateway-injected`.
 */
export function isInjectedNote(row: UnknownRecord): boolean {
  return readText(row, "model") === "gateway-injected" && runIdOfReplyRow(row) === undefined;
}

/**
 * Text of a message `content` as the chat shows it: each `{type:"text"}` part a paragraph,
 * separated by a blank line; `""` when there is none. `content` is a plain string on user rows.
 */
export function textAsParagraphs(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  const parts: string[] = [];
  for (const part of content) {
    if (isRecord(part) && part.type === "text" && typeof part.text === "string" && part.text !== "") parts.push(part.text);
  }
  return parts.join("\n\n");
}

/**
 * Text of a message `content` as a run streams it: the `{type:"text"}` parts run on with
 * nothing between them, so a run restored from history has the same text as the run read from
 * live `chat` events (which use this reader too); `undefined` when there is no text part.
 */
export function textAsStreamed(content: unknown): string | undefined {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return undefined;
  let text = "";
  let found = false;
  for (const part of content) {
    if (isRecord(part) && part.type === "text" && typeof part.text === "string") {
      text += part.text;
      found = true;
    }
  }
  return found ? text : undefined;
}

/** A file that came with a message, as the gateway keeps it: a `media://inbound/…` reference, never the bytes. */
export interface RowMedia {
  fileName: string;
  contentType?: string;
  /** "image", "document", "audio"… as the gateway classified the file. */
  kind?: string;
  sizeBytes?: number;
}

/**
 * The files sent with a user row. chat.send attachments are stored by the gateway and listed in
 * `__openclaw.media` (`{ url: "media://inbound/…", contentType, kind, fileName, sizeBytes }`, seen
 * from the real gateway for a PNG and a text file); the row's `content` stays the typed text.
 */
export function mediaOfRow(row: UnknownRecord): RowMedia[] {
  const meta = envelope(row);
  const list = meta?.media;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index) => {
    if (!isRecord(item)) return [];
    const contentType = readText(item, "contentType");
    const kind = readText(item, "kind");
    const sizeBytes = readNumber(item, "sizeBytes");
    return [
      {
        fileName: readText(item, "fileName") ?? `attachment ${index + 1}`,
        ...(contentType ? { contentType } : {}),
        ...(kind ? { kind } : {}),
        ...(sizeBytes !== undefined ? { sizeBytes } : {}),
      },
    ];
  });
}
