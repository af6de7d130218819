import { describe, expect, it } from "vitest";
import { appendTailPage, MAX_KEPT_LINES, parseLogsTailPage } from "./log-tail-state";

const TOKEN = "9876fedc".repeat(6);

function raw(message: string, level = "INFO", time = "2026-11-24T04:23:30.000Z"): string {
  return JSON.stringify({ 0: JSON.stringify({ subsystem: "gateway" }), 1: message, _meta: { logLevelName: level, date: time }, time, message });
}

describe("parseLogsTailPage", () => {
  it("reads the logs.tail answer", () => {
    expect(parseLogsTailPage({ file: "/x.log", cursor: 10, size: 10, lines: ["a", 5], truncated: true })).toEqual({ file: "/x.log", cursor: 10, size: 10, lines: ["a"], truncated: true, reset: false });
  });

  it.each([[null], [{ lines: [] }], [{ cursor: 1 }]])("rejects %j", (payload) => {
    expect(() => parseLogsTailPage(payload)).toThrow();
  });
});

describe("appendTailPage", () => {
  it("starts from the first page and notes when the file has older lines", () => {
    const state = appendTailPage(undefined, { file: "/x.log", cursor: 100, lines: [raw("one"), "", raw("two")], truncated: true });
    expect(state.lines.map((l) => l.text)).toEqual(["one", "two"]);
    expect(state).toMatchObject({ cursor: 100, file: "/x.log", startsMidFile: true });
  });

  it("appends the next page and moves the cursor", () => {
    const first = appendTailPage(undefined, { file: "/x.log", cursor: 100, lines: [raw("one")] });
    const next = appendTailPage(first, { file: "/x.log", cursor: 150, lines: [raw("two")] });
    expect(next.lines.map((l) => l.text)).toEqual(["one", "two"]);
    expect(next.cursor).toBe(150);
    expect(next.startsMidFile).toBe(false);
    expect(appendTailPage(next, { file: "/x.log", cursor: 150, lines: [] }).lines).toBe(next.lines);
  });

  it("starts over on a reset or another file", () => {
    const first = appendTailPage(undefined, { file: "/x.log", cursor: 100, lines: [raw("one")] });
    expect(appendTailPage(first, { file: "/x.log", cursor: 20, lines: [raw("fresh")], reset: true }).lines.map((l) => l.text)).toEqual(["fresh"]);
    expect(appendTailPage(first, { file: "/y.log", cursor: 20, lines: [raw("other")] }).lines.map((l) => l.text)).toEqual(["other"]);
  });

  it("keeps identical lines as separate rows with distinct ids", () => {
    const state = appendTailPage(undefined, { cursor: 1, lines: [raw("same"), raw("same"), raw("same")] });
    expect(new Set(state.lines.map((l) => l.id)).size).toBe(3);
  });

  it("keeps only the newest lines past the cap", () => {
    const many = Array.from({ length: MAX_KEPT_LINES + 3 }, (_, index) => raw(`line ${index}`));
    const state = appendTailPage(undefined, { cursor: 1, lines: many });
    expect(state.lines).toHaveLength(MAX_KEPT_LINES);
    expect(state.lines[0]?.text).toBe("line 3");
    expect(state.startsMidFile).toBe(true);
  });

  it("masks secrets in every line it keeps", () => {
    const state = appendTailPage(undefined, { cursor: 1, lines: [raw(`unauthorized ua=probe/1.0 key=${TOKEN}`, "WARN"), `plain ${TOKEN}`] });
    expect(JSON.stringify(state)).not.toContain(TOKEN);
  });
});
