/**
 * Session names often share a long prefix ("chat-202612011417-ab3f", "chat-202612011417-x9k2"): the end is
 * what tells them apart, so a name is cut in the middle, never at its end (as OpenClaw's Control UI does).
 * The view makes the only cut (the browser's ellipsis at the end of `head`), so a name shows whole when it fits.
 */

/** How many characters of a name's end stay visible, however narrow the row, when no word ends near there. */
export const KEPT_TAIL = 8;

/** How far from the end a word boundary may be and still start the tail, so the tail never starts mid-word. */
const LONGEST_TAIL = 12;

const SEPARATOR = /[\s\-_/:.·]/u;

/**
 * Where the kept end starts: at the separator before the last word(s), the one nearest `tailLength` characters
 * from the end (the longer on a tie), if one is within LONGEST_TAIL; else `tailLength` characters from the end.
 */
function tailStart(chars: readonly string[], tailLength: number): number {
  let best: number | undefined;
  for (let start = Math.max(1, chars.length - LONGEST_TAIL); start < chars.length - 1; start += 1) {
    const next = chars[start + 1] as string;
    if (!SEPARATOR.test(chars[start] as string) || SEPARATOR.test(next)) continue;
    const distance = (at: number) => Math.abs(chars.length - at - tailLength);
    if (best === undefined || distance(start) < distance(best)) best = start;
  }
  return best ?? chars.length - tailLength;
}

/**
 * A name split for a row that may be too narrow: the view lets `head` shrink (the browser puts the ellipsis at
 * its end, i.e. in the middle of the name) and never shrinks `tail`. Counts code points, so no emoji is split.
 */
export function splitNameTail(name: string, tailLength = KEPT_TAIL): { head: string; tail: string } {
  const chars = Array.from(name);
  // A name barely longer than its tail is not worth splitting: the ellipsis would hide one or two characters.
  if (chars.length <= tailLength + 2) return { head: "", tail: name };
  const start = tailStart(chars, tailLength);
  return { head: chars.slice(0, start).join(""), tail: chars.slice(start).join("") };
}
