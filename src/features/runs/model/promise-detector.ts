/**
 * Does a reply announce work ("let me check that now", "one sec") rather than
 * report it? Combined with "the run executed no tool" this is the seed bug's
 * filler reply: it reads like execution is starting, then nothing happens.
 *
 * Only the end of the reply is read, because an announcement is what a reply
 * ends on when it stops early; an answer that merely mentions "let me know" or
 * quotes an earlier plan must not match.
 */

/** Announcements sit in the last sentence or two. */
const TAIL_CHARS = 240;

const ACTION_VERBS =
  "check|look|see|test|try|run|verify|investigate|dig|find|search|fetch|open|read|review|inspect|do|fix|grab|pull|get|take a look|go|start|handle|work|figure|set|install|update|debug";

const ANNOUNCEMENTS: readonly RegExp[] = [
  // "one sec", "just a moment", "give me a minute", "hang on a second", "back in a moment"
  /\bone (?:sec|second|moment|minute)\b/i,
  /\b(?:just|wait|hold on|hang on|give me|back in)(?: a| one)? (?:sec|second|moment|minute|min|tick)\b/i,
  /\bgive me (?:a (?:few|couple)|some) (?:seconds|moments|minutes)\b/i,
  // "let me check", "let me actually check gog now", "let me do that now"
  new RegExp(`\\blet me (?:now |just |actually |quickly |first |go |try to |also )*(?:${ACTION_VERBS})\\b`, "i"),
  new RegExp(`\\blet's (?:now |just |actually |quickly )*(?:${ACTION_VERBS})\\b`, "i"),
  // "I'll look into it", "I will run the tests", "I'm going to check"
  new RegExp(`\\bi(?:'ll| will|'m going to| am going to|'m about to| am about to) (?:now |just |actually |quickly |go |first |also )*(?:${ACTION_VERBS})\\b`, "i"),
  /\b(?:working on it|checking now|looking (?:into it|now)|starting now|doing (?:that|it) now|running it now|be right back|stand ?by)\b/i,
  /(?:^|[.!?]\s+)on it\b/i,
  /\bstill planning to\b/i,
];

/** Phrases that look like announcements but close an answer. */
const NOT_ANNOUNCEMENTS: readonly RegExp[] = [
  /\blet me know\b/gi,
  /\bif you(?:'d| would)? (?:like|want)[^.!?]*/gi,
  /\b(?:want|would you like) me to [^.!?]*\?/gi,
];

export function announcesWork(text: string): boolean {
  let tail = text.trim().slice(-TAIL_CHARS).replace(/[\u2018\u2019]/g, "'");
  if (tail === "") return false;
  for (const pattern of NOT_ANNOUNCEMENTS) tail = tail.replace(pattern, " ");
  return ANNOUNCEMENTS.some((pattern) => pattern.test(tail));
}
