/**
 * When a message was sent, in the words a chat shows beside it: the time alone
 * ("16:42") for today, with the day before it otherwise ("28 Nov, 16:42"; the
 * year too when it is not this year), and the full date and time for the
 * tooltip, on the 24-hour clock. Local time unless a zone is given; the clock is passed in.
 */

export interface MessageTimeOptions {
  now: number;
  /** An IANA zone such as "Europe/Berlin"; the browser's own when left out. */
  timeZone?: string;
  /** A BCP 47 locale; the browser's own when left out. */
  locale?: string;
}

export interface MessageTimeWords {
  /** "16:42", "28 Nov, 16:42" or "28 Nov 2025, 16:42" (in the locale's own order). */
  short: string;
  /** "Saturday, 28 November 2026 at 16:42:05": for the tooltip. */
  full: string;
  /** The instant as ISO 8601, for `<time dateTime>`. */
  iso: string;
}

/** The calendar day of an instant in a zone, e.g. "2026-11-28". */
function dayOf(at: number, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** Undefined for a missing or unusable instant (0 is what a row without a timestamp is given). */
export function messageTime(at: number | undefined, { now, timeZone, locale }: MessageTimeOptions): MessageTimeWords | undefined {
  if (at === undefined || !Number.isFinite(at) || at <= 0) return undefined;
  const day = dayOf(at, timeZone);
  const today = dayOf(now, timeZone);
  // 24-hour like every other time on the page (steps, drops, provider checks), so two clocks never sit side by side.
  const clock: Intl.DateTimeFormatOptions = { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  const date: Intl.DateTimeFormatOptions = day === today ? {} : { day: "numeric", month: "short", ...(day.slice(0, 4) === today.slice(0, 4) ? {} : { year: "numeric" }) };
  return {
    short: new Intl.DateTimeFormat(locale, { ...date, ...clock }).format(at),
    full: new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "full", timeStyle: "medium", hourCycle: "h23" }).format(at),
    iso: new Date(at).toISOString(),
  };
}
