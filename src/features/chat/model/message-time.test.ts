import { describe, expect, it } from "vitest";
import { messageTime } from "./message-time";

const BERLIN = { timeZone: "Europe/Berlin", locale: "en-GB" };
/** Saturday 28 November 2026, 16:42:05 in Berlin (UTC+1). */
const NOW = Date.UTC(2026, 10, 28, 15, 42, 5);

describe("messageTime", () => {
  it("today: the local time alone, the full date and time for the tooltip, the instant for dateTime", () => {
    expect(messageTime(NOW - 60_000, { now: NOW, ...BERLIN })).toStrictEqual({
      short: "16:41",
      full: "Saturday, 28 November 2026 at 16:41:05",
      iso: "2026-11-28T15:41:05.000Z",
    });
  });

  it("an earlier day this year: the day before the time", () => {
    expect(messageTime(NOW - 26 * 3_600_000, { now: NOW, ...BERLIN })?.short).toBe("27 Nov, 14:42");
  });

  it("an earlier year: the year too", () => {
    expect(messageTime(Date.UTC(2025, 11, 31, 22, 30), { now: NOW, ...BERLIN })?.short).toBe("31 Dec 2025, 23:30");
  });

  it("judges today in the reader's zone, not in UTC", () => {
    const now = Date.UTC(2026, 10, 28, 23, 30); // 00:30 on the 29th in Berlin
    const at = Date.UTC(2026, 10, 28, 22, 50); // 23:50 on the 28th in Berlin
    expect(messageTime(at, { now, ...BERLIN })?.short).toBe("28 Nov, 23:50");
    expect(messageTime(at, { now, timeZone: "UTC", locale: "en-GB" })?.short).toBe("22:50");
  });

  it("follows the reader's locale for words and order, on the 24-hour clock every other time on the page uses", () => {
    expect(messageTime(NOW + 6 * 3_600_000, { now: NOW, timeZone: "America/New_York", locale: "en-US" })).toStrictEqual({
      short: "16:42",
      full: "Saturday, November 28, 2026 at 16:42:05",
      iso: "2026-11-28T21:42:05.000Z",
    });
  });

  it.each([undefined, 0, Number.NaN])("says nothing for a row without a time (%s)", (at) => {
    expect(messageTime(at, { now: NOW, ...BERLIN })).toBeUndefined();
  });
});
