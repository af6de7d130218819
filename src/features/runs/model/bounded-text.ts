/**
 * Text that may grow without limit (live command output, tool results) kept as
 * its first and last characters plus the true length. A 5,000-event run with a
 * chatty command must stay small in memory and in IndexedDB, and the head (what
 * started) and tail (how it ended) are the parts a reader needs.
 */
import { readText, type UnknownRecord } from "@/lib/read-untrusted";

export interface BoundedText {
  /** The whole text while it fits; afterwards its first HEAD_CHARS characters. */
  readonly head: string;
  /** Empty while the text fits; afterwards its last TAIL_CHARS characters. */
  readonly tail: string;
  readonly totalChars: number;
}

export const HEAD_CHARS = 2_000;
export const TAIL_CHARS = 6_000;
const LIMIT = HEAD_CHARS + TAIL_CHARS;

export const EMPTY_TEXT: BoundedText = { head: "", tail: "", totalChars: 0 };

export function boundedText(text: string): BoundedText {
  if (text.length <= LIMIT) return { head: text, tail: "", totalChars: text.length };
  return { head: text.slice(0, HEAD_CHARS), tail: text.slice(-TAIL_CHARS), totalChars: text.length };
}

export function appendBounded(current: BoundedText, chunk: string): BoundedText {
  if (chunk === "") return current;
  const truncated = isTruncated(current);
  // Before truncation `head` is the whole text, so the new tail can be cut from it.
  const recent = (truncated ? current.tail : current.head) + chunk;
  const totalChars = current.totalChars + chunk.length;
  if (!truncated && recent.length <= LIMIT) return { head: recent, tail: "", totalChars };
  return {
    head: truncated ? current.head : recent.slice(0, HEAD_CHARS),
    tail: recent.slice(-TAIL_CHARS),
    totalChars,
  };
}

/**
 * Untrusted prose (error messages, provider detail) as the model keeps it: the
 * whole text while it fits, else its head and tail around the omitted count.
 * Capped where it enters the model, so every later reader (the outcome rules'
 * parsers, the banner, the local log) handles at most a few kilobytes.
 */
export function capText(text: string): string {
  return text.length <= LIMIT ? text : boundedToString(boundedText(text));
}

/** `readText` for untrusted prose: a non-empty string, capped. */
export function readCappedText(record: UnknownRecord, key: string): string | undefined {
  const text = readText(record, key);
  return text === undefined ? undefined : capText(text);
}

export function isTruncated(text: BoundedText): boolean {
  return text.tail !== "";
}

/** The kept text, with a marker saying how much was dropped in the middle. */
export function boundedToString(text: BoundedText): string {
  if (!isTruncated(text)) return text.head;
  const omitted = text.totalChars - text.head.length - text.tail.length;
  return `${text.head}\n… ${omitted} characters omitted …\n${text.tail}`;
}
