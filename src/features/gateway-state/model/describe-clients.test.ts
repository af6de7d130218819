import { describe, expect, it } from "vitest";
import { formatClockTime } from "@/lib/clock-time";
import { describeClientList, describeFailures, describeRestart, formatAgo, formatClock } from "./describe-clients";

describe("describe-clients", () => {
  it("says a time of day on the 24-hour clock, like every other time on the page", () => {
    expect(formatClock(new Date(2026, 11, 1, 20, 11, 30).getTime())).toBe("20:11");
    expect(formatClock(new Date(2026, 11, 1, 8, 5, 0).getTime())).toBe("08:05");
  });

  it("calls the list current only while connected, and otherwise says it is last known, as of when the connection dropped", () => {
    expect(describeClientList(true, undefined)).toEqual({ heading: "Clients", listLabel: "Connected clients" });
    const lostAt = Date.parse("2026-11-24T04:23:30.000Z");
    const at = formatClockTime(lostAt);
    expect(describeClientList(false, lostAt)).toEqual({
      heading: `Clients · last known at ${at}`,
      listLabel: `Clients last known at ${at}`,
      note: `Not connected since ${at}: this is who was connected then. Who is connected now is not known until the gateway is back.`,
    });
    expect(describeClientList(false, undefined)).toEqual({
      heading: "Clients · not connected",
      listLabel: "Clients last known",
      note: "Not connected: the gateway has not listed its clients to this page yet.",
    });
  });

  it("says how long ago in one unit", () => {
    expect(formatAgo(1_000, 10_000)).toBe("just now");
    expect(formatAgo(0, 4 * 60_000)).toBe("4 min ago");
    expect(formatAgo(0, 2 * 3_600_000)).toBe("2 h ago");
    expect(formatAgo(0, 3 * 86_400_000)).toBe("3 d ago");
  });

  it("counts failed connection attempts and names the cause, in words, and the credential sent", () => {
    expect(describeFailures({ failures: 3, lastAt: 0, cause: "unauthorized: token_mismatch", authProvided: "token" }, 120_000)).toBe(
      "3 failed connection attempts, last 2 min ago · unauthorized: wrong token · sent token",
    );
    expect(describeFailures({ failures: 1, lastAt: 0, cause: "origin not allowed" }, 0)).toBe("1 failed connection attempt, last just now · origin not allowed");
    expect(describeFailures({ failures: 2, lastAt: 0, cause: "unauthorized: device_token_revoked" }, 0)).toBe("2 failed connection attempts, last just now · unauthorized: device token revoked");
  });

  it("says whether the restart happened while the page was closed or open, with both boot ids", () => {
    const restart = { previousBootId: "6c419fc3-3251", bootId: "83d072f4-c1ac", previousSeenAt: 0, noticedAt: 0 };
    expect(describeRestart({ ...restart, noticed: "while-away" })).toBe("Gateway restarted while this page was closed (boot 6c419fc3 → 83d072f4)");
    expect(describeRestart({ ...restart, noticed: "while-open" })).toMatch(/^Gateway restarted, back since .+ \(boot 6c419fc3 → 83d072f4\)$/);
  });
});
