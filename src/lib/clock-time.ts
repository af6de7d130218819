/** A moment as the reader's wall clock shows it, to the second, 24-hour: "14:32:05". */
const CLOCK = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

export function formatClockTime(at: number): string {
  return CLOCK.format(at);
}
