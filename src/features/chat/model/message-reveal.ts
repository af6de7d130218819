/**
 * Bringing a found message into view when it may sit in an older history page than the transcript has read: read
 * older pages, one at a time, until its turn is there, the session's start is reached, or the reading is bounded.
 */

/** Older pages read to reach a found message before giving up (200 rows each: 4,000 messages above the tail). */
export const REVEAL_MAX_OLDER_PAGES = 20;

/** The transcript's "load earlier" state, as `useChatHistory().earlier` reports it. */
export type EarlierStatus = "more" | "loading" | "failed" | "complete";

/** What this reveal has asked for so far. */
export interface RevealProgress {
  /** Older pages this reveal asked for. */
  asked: number;
  /** How many older pages the transcript held when the last one was asked for. */
  heldWhenAsked?: number;
}

export type RevealMiss =
  /** The history was read to the session's start and the message is not in it. */
  | { why: "gone" }
  /** `REVEAL_MAX_OLDER_PAGES` older pages were read and the message was still further back (or gone). */
  | { why: "too-far"; messagesRead: number }
  /** An older page could not be read (the gateway refused, the connection dropped): its words, when it had any. */
  | { why: "unreadable"; error?: string };

export type RevealStep =
  | { kind: "scroll"; index: number }
  | { kind: "load-older" }
  | { kind: "wait" }
  | { kind: "missed"; miss: RevealMiss };

export interface RevealInput {
  /** The found message's turn in the transcript, -1 when the rows read so far do not hold it (`turnOfMessage`). */
  index: number;
  earlier: EarlierStatus;
  /** Older pages the transcript holds now. */
  olderPages: number;
  /** Rows the transcript holds now (tail and older pages). */
  messagesRead: number;
  /** The last older page's error, when `earlier` is "failed". */
  error?: string;
  progress: RevealProgress;
}

/** The next thing to do for a found message: scroll to it, read one older page, wait for one, or say it was not reached. */
export function nextRevealStep(input: RevealInput): RevealStep {
  const { index, earlier, olderPages, progress } = input;
  if (index >= 0) return { kind: "scroll", index };
  if (earlier === "loading") return { kind: "wait" };
  const askedBefore = progress.asked > 0;
  // The page this reveal asked for came back with nothing new for the transcript, or not at all.
  const noNewPage = askedBefore && olderPages === progress.heldWhenAsked;
  if (earlier === "failed") {
    // A failure from before this reveal started is worth one more try; one after its own ask is the answer.
    return askedBefore ? { kind: "missed", miss: { why: "unreadable", error: input.error } } : { kind: "load-older" };
  }
  if (earlier === "complete") return { kind: "missed", miss: { why: "gone" } };
  if (noNewPage) return { kind: "missed", miss: { why: "unreadable" } };
  if (progress.asked >= REVEAL_MAX_OLDER_PAGES) return { kind: "missed", miss: { why: "too-far", messagesRead: input.messagesRead } };
  return { kind: "load-older" };
}

/** The progress after one more older page was asked for, with `olderPages` held at that moment. */
export function olderPageAsked(progress: RevealProgress, olderPages: number): RevealProgress {
  return { asked: progress.asked + 1, heldWhenAsked: olderPages };
}

/** What the transcript says when a found message could not be brought into view. */
export function revealMissWords(miss: RevealMiss): string {
  switch (miss.why) {
    case "gone":
      return "That message is no longer in this session's history: the whole history was read and it is not there.";
    case "too-far":
      return `That message was not in the last ${miss.messagesRead.toLocaleString("en-US")} messages of this session; scroll up to read further back.`;
    case "unreadable":
      return `Could not read this session's earlier messages to reach the message you chose${miss.error ? `: ${miss.error}` : "."}`;
  }
}

/** While older pages are read on the way to a found message. */
export const REVEAL_READING_WORDS = "Reading earlier messages to reach the message you chose…";
