import { describe, expect, it } from "vitest";
import { mergeHistoryPages, pageInfoOf } from "./history-pages";

const row = (id: string, text = id) => ({ role: "assistant", content: [{ type: "text", text }], __openclaw: { id } });
const ids = (rows: unknown[]) => rows.map((r) => (r as { __openclaw?: { id: string } }).__openclaw?.id ?? "(no id)");

describe("pageInfoOf", () => {
  it("reads where the next older page starts and how many messages there are", () => {
    expect(pageInfoOf({ messages: [], offset: 0, nextOffset: 200, hasMore: true, totalMessages: 2000 })).toEqual({ nextOffset: 200, hasMore: true, totalMessages: 2000 });
  });

  it("says there is nothing older when the gateway says so, or gives no offset to continue from", () => {
    expect(pageInfoOf({ messages: [], hasMore: false, totalMessages: 2 })).toEqual({ nextOffset: undefined, hasMore: false, totalMessages: 2 });
    expect(pageInfoOf({ messages: [], hasMore: true })).toEqual({ nextOffset: undefined, hasMore: false, totalMessages: undefined });
  });

  it("ignores offsets that are not whole positive numbers", () => {
    expect(pageInfoOf({ hasMore: true, nextOffset: "200", totalMessages: -1 })).toEqual({ nextOffset: undefined, hasMore: false, totalMessages: undefined });
    expect(pageInfoOf({ hasMore: true, nextOffset: 1.5 })).toEqual({ nextOffset: undefined, hasMore: false, totalMessages: undefined });
    expect(pageInfoOf(null)).toEqual({ nextOffset: undefined, hasMore: false, totalMessages: undefined });
  });
});

describe("mergeHistoryPages", () => {
  it("puts older pages before the tail, the oldest page first", () => {
    const tail = [row("e"), row("f")];
    const pageBeforeTail = [row("c"), row("d")];
    const oldest = [row("a"), row("b")];
    expect(ids(mergeHistoryPages([pageBeforeTail, oldest], tail))).toEqual(["a", "b", "c", "d", "e", "f"]);
  });

  it("drops rows a newer page already shows (new messages shifted the offsets), keeping the newer copy", () => {
    const tail = [row("d", "newer copy"), row("e")];
    const older = [row("b"), row("c"), row("d", "older copy")];
    const merged = mergeHistoryPages([older], tail);
    expect(ids(merged)).toEqual(["b", "c", "d", "e"]);
    expect(JSON.stringify(merged)).not.toContain("older copy");
  });

  it("drops overlaps between two older pages too", () => {
    expect(ids(mergeHistoryPages([[row("c"), row("d")], [row("a"), row("b"), row("c")]], [row("e")]))).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("keeps rows without an id (they cannot be told apart, so none is lost)", () => {
    const anonymous = { role: "assistant", content: "x" };
    expect(ids(mergeHistoryPages([[anonymous, row("a")]], [anonymous]))).toEqual(["(no id)", "a", "(no id)"]);
  });

  it("returns the tail itself when nothing older was read", () => {
    const tail = [row("a")];
    expect(mergeHistoryPages([], tail)).toBe(tail);
  });
});
