/**
 * Session names often share a long prefix ("chat-202612011417-ab3f", "chat-202612011417-x9k2"): the end is
 * what tells them apart, so a name is cut in the middle, never at its end (as OpenClaw's Control UI does).
 */

const ELLIPSIS = "…";

/** How many characters of a name's end always stay visible, however narrow the row. */
export const KEPT_TAIL = 8;

/** At most `max` characters, cut in the middle with an ellipsis; the end gets the larger half. Counts code points, so no emoji is split. */
export function truncateMiddle(name: string, max: number): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  if (max <= 1) return ELLIPSIS;
  const kept = max - 1;
  const tail = Math.ceil(kept / 2);
  const head = kept - tail;
  return `${chars.slice(0, head).join("")}${ELLIPSIS}${chars.slice(chars.length - tail).join("")}`;
}

/**
 * A name split for a row that may be too narrow: the view lets `head` shrink (the browser puts the ellipsis at
 * its end, i.e. in the middle of the name) and never shrinks `tail`.
 */
export function splitNameTail(name: string, tailLength = KEPT_TAIL): { head: string; tail: string } {
  const chars = Array.from(name);
  // A name barely longer than its tail is not worth splitting: the ellipsis would hide one or two characters.
  if (chars.length <= tailLength + 2) return { head: "", tail: name };
  return { head: chars.slice(0, chars.length - tailLength).join(""), tail: chars.slice(chars.length - tailLength).join("") };
}
