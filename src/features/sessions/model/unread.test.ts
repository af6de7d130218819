import { describe, expect, it } from "vitest";
import { parseSessionRows, type SessionRow } from "./session-row";
import { baselineOf, isUnread, viewed } from "./unread";

const [done, fresh, running] = parseSessionRows({
  sessions: [
    { key: "agent:main:done", lastRunId: "r1", status: "done", updatedAt: 3 },
    { key: "agent:main:fresh", updatedAt: 2 },
    { key: "agent:main:running", lastRunId: "r0", status: "running", updatedAt: 1 },
  ],
}) as [SessionRow, SessionRow, SessionRow];

describe("unread", () => {
  it("counts nothing as unread on a gateway met for the first time", () => {
    const seen = baselineOf([done, fresh, running]);
    expect(seen).toEqual({ "agent:main:done": "r1", "agent:main:fresh": null, "agent:main:running": "r0" });
    expect([done, fresh, running].map((row) => isUnread(row, seen, "agent:main:fresh"))).toEqual([false, false, false]);
  });

  it("marks a session whose newest finished run was not on screen, but never the open one", () => {
    const seen = { "agent:main:done": "r0" };
    expect(isUnread(done, seen, "agent:main:fresh")).toBe(true);
    expect(isUnread(done, seen, "agent:main:done")).toBe(false);
    expect(isUnread(fresh, seen, "agent:main:done")).toBe(false);
  });

  it("forgets the badge once the session was open with that run", () => {
    const seen = viewed({ "agent:main:done": "r0" }, done);
    expect(seen).toEqual({ "agent:main:done": "r1" });
    expect(isUnread(done, seen, "agent:main:fresh")).toBe(false);
    expect(viewed(seen, done)).toBe(seen);
  });
});
