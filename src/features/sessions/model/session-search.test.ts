import { describe, expect, it } from "vitest";
import { nextResult, searchSessions } from "./session-search";
import { placeholderRow, type SessionRow } from "./session-row";

function row(key: string, title: string, extra: Partial<SessionRow> = {}): SessionRow {
  return { ...placeholderRow(key), title, ...extra };
}

const rows = [
  row("agent:main:main", "Main", { updatedAt: 50 }),
  row("agent:main:chat-202612011417-ab3f", "chat-202612011417-ab3f", { updatedAt: 40 }),
  row("agent:main:chat-202612011417-x9k2", "chat-202612011417-x9k2", { updatedAt: 30 }),
  row("agent:helper:plans", "Trip plans", { updatedAt: 20 }),
  row("agent:helper:planning", "Planning", { updatedAt: 10, pinned: true, pinnedAt: 5 }),
];

const titles = (found: SessionRow[]) => found.map((found) => found.title);

describe("searchSessions", () => {
  it("finds names containing the query, whatever the case, names starting with it first", () => {
    expect(titles(searchSessions(rows, "PLAN"))).toEqual(["Planning", "Trip plans"]);
  });

  it("tells similar names apart by their end", () => {
    expect(titles(searchSessions(rows, "x9k"))).toEqual(["chat-202612011417-x9k2"]);
  });

  it("also finds a session by its key", () => {
    expect(titles(searchSessions(rows, "agent:helper:"))).toEqual(["Planning", "Trip plans"]);
  });

  it("lists the list's own order (pinned, then most recent) for an empty query, up to the limit", () => {
    expect(titles(searchSessions(rows, "  ", 3))).toEqual(["Planning", "Main", "chat-202612011417-ab3f"]);
  });

  it("finds nothing for a name no session has", () => {
    expect(searchSessions(rows, "zebra")).toEqual([]);
  });
});

describe("nextResult", () => {
  it("moves and wraps around", () => {
    expect(nextResult(0, 3, 1)).toBe(1);
    expect(nextResult(2, 3, 1)).toBe(0);
    expect(nextResult(0, 3, -1)).toBe(2);
    expect(nextResult(-1, 3, 1)).toBe(0);
    expect(nextResult(-1, 3, -1)).toBe(2);
  });

  it("has nowhere to go without results", () => {
    expect(nextResult(0, 0, 1)).toBe(-1);
  });
});
