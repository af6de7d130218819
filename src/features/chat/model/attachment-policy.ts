/**
 * What the gateway will take as a chat attachment, checked before anything is
 * read or sent. The limits are hello-ok's `policy.attachments` (decoded bytes
 * of one file; images have their own, lower ceiling) and `policy.maxPayload`
 * (the whole chat.send frame, where files travel as base64). The gateway does
 * not advertise accepted types; it refuses what it cannot hand to the agent,
 * so only what it never takes from a chat (video, empty files) is refused here.
 */

export interface AttachmentLimits {
  maxBytes: number;
  maxImageBytes: number;
  /** The largest request frame, in characters. */
  maxPayload: number;
}

/** The gateway's documented defaults for a hello that leaves `policy.attachments` out (docs/gateway/protocol/handshake.md). */
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = { maxBytes: 20_971_520, maxImageBytes: 6_291_456, maxPayload: 26_214_400 };

export interface CandidateFile {
  name: string;
  size: number;
  type: string;
}

export type AttachmentVerdict = { ok: true; kind: "image" | "file" } | { ok: false; message: string };

/** Room for the message text and the request's other fields. */
const FRAME_OVERHEAD_CHARS = 64 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Characters a file takes on the wire as base64. */
export function base64Chars(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/**
 * Whether one more file may join the ones already in the tray. `alreadyBytes`
 * is the decoded size of the files already there: together they must still fit
 * in one chat.send frame.
 */
export function checkAttachment(file: CandidateFile, limits: AttachmentLimits, alreadyBytes = 0): AttachmentVerdict {
  const name = `"${file.name}"`;
  if (file.type.startsWith("video/")) return { ok: false, message: `${name} is a video: the gateway does not take videos from a chat. Nothing was sent.` };
  if (file.size === 0) return { ok: false, message: `${name} is empty: the gateway refuses empty attachments. Nothing was sent.` };
  const image = file.type.startsWith("image/");
  const limit = image ? Math.min(limits.maxImageBytes, limits.maxBytes) : limits.maxBytes;
  if (file.size > limit) {
    const what = image ? "images" : "files";
    return { ok: false, message: `${name} is ${formatBytes(file.size)}: this gateway takes ${what} up to ${formatBytes(limit)}. Nothing was sent.` };
  }
  if (base64Chars(alreadyBytes + file.size) + FRAME_OVERHEAD_CHARS > limits.maxPayload) {
    return {
      ok: false,
      message: `${name} does not fit in one message with the other attachments: together they would exceed the gateway's ${formatBytes(limits.maxPayload)} message limit. Nothing was sent.`,
    };
  }
  return { ok: true, kind: image ? "image" : "file" };
}
