import { describe, expect, it } from "vitest";
import { REDACTED } from "./redact";
import { appendTailPage, MAX_KEPT_LINES, nextTailRequest, parsedLogLine, parseLogsTailPage, shownLogLineReader, type LogTail } from "./log-tail";

const TOKEN = "9876fedc".repeat(6);

function raw(message: string, level = "INFO", time = "2026-11-24T04:23:30.000Z"): string {
  return JSON.stringify({ 0: JSON.stringify({ subsystem: "gateway" }), 1: message, _meta: { logLevelName: level, date: time }, time, message });
}

const texts = (tail: LogTail) => tail.lines.map((line) => parsedLogLine(line).text);

describe("parseLogsTailPage", () => {
  it("reads the logs.tail answer", () => {
    expect(parseLogsTailPage({ file: "/x.log", cursor: 10, size: 10, lines: ["a", 5], truncated: true })).toEqual({ file: "/x.log", cursor: 10, size: 10, lines: ["a"], truncated: true, reset: false });
  });

  it.each([[null], [{ lines: [] }], [{ cursor: 1 }]])("rejects %j", (payload) => {
    expect(() => parseLogsTailPage(payload)).toThrow();
  });
});

describe("nextTailRequest", () => {
  it("asks for as much as one read may, first from the far tail, then on from the cursor", () => {
    expect(nextTailRequest(undefined)).toEqual({ limit: 5_000, maxBytes: 1_000_000 });
    expect(nextTailRequest({ file: "/x.log", cursor: 4_096, lines: [], startsMidFile: false })).toEqual({ cursor: 4_096, limit: 5_000, maxBytes: 1_000_000 });
  });
});

describe("appendTailPage", () => {
  it("starts from the first page and notes when the file has older lines", () => {
    const tail = appendTailPage(undefined, { file: "/x.log", cursor: 100, lines: [raw("one"), "", raw("two")], truncated: true });
    expect(texts(tail)).toEqual(["one", "two"]);
    expect(tail).toMatchObject({ cursor: 100, file: "/x.log", startsMidFile: true });
  });

  it("appends the next page and moves the cursor, keeping the lines it had", () => {
    const first = appendTailPage(undefined, { file: "/x.log", cursor: 100, lines: [raw("one")] });
    const next = appendTailPage(first, { file: "/x.log", cursor: 150, lines: [raw("two")] });
    expect(texts(next)).toEqual(["one", "two"]);
    expect(next.lines[0]).toBe(first.lines[0]);
    expect(next).toMatchObject({ cursor: 150, startsMidFile: false });
    const blankOnly = appendTailPage(next, { file: "/x.log", cursor: 160, lines: [" "] });
    expect(blankOnly.lines).toBe(next.lines);
    expect(blankOnly.cursor).toBe(160);
  });

  it("returns the same tail when a page adds nothing, so readers see no change", () => {
    const first = appendTailPage(undefined, { file: "/x.log", cursor: 100, lines: [raw("one")] });
    expect(appendTailPage(first, { file: "/x.log", cursor: 100, lines: [] })).toBe(first);
    expect(appendTailPage(first, { cursor: 100, lines: [] })).toBe(first);
  });

  it("starts over when the file was truncated (a gateway restarted on a fresh log) or rolled over to another file", () => {
    const first = appendTailPage(undefined, { file: "/x.log", cursor: 100, lines: [raw("one")] });
    const truncated = appendTailPage(first, { file: "/x.log", cursor: 20, lines: [raw("fresh")], reset: true });
    expect(texts(truncated)).toEqual(["fresh"]);
    expect(truncated).toMatchObject({ cursor: 20, startsMidFile: false });
    const rolled = appendTailPage(first, { file: "/y.log", cursor: 20, lines: [raw("other")], truncated: true });
    expect(texts(rolled)).toEqual(["other"]);
    expect(rolled).toMatchObject({ file: "/y.log", cursor: 20, startsMidFile: true });
  });

  it("keeps identical lines as separate rows with distinct ids, within a page and across pages", () => {
    const first = appendTailPage(undefined, { cursor: 1, lines: [raw("same"), raw("same")] });
    const next = appendTailPage(first, { cursor: 2, lines: [raw("same")] });
    const ids = next.lines.map((line) => line.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids[1]).toBe(`${ids[0]}-2`);
    expect(ids[2]).toBe(`${ids[0]}-3`);
    expect(next.lines.map((line) => parsedLogLine(line).id)).toEqual(ids);
  });

  it("keeps only the newest lines past the cap", () => {
    const many = Array.from({ length: MAX_KEPT_LINES + 3 }, (_, index) => raw(`line ${index}`));
    const tail = appendTailPage(undefined, { cursor: 1, lines: many });
    expect(tail.lines).toHaveLength(MAX_KEPT_LINES);
    expect(parsedLogLine(tail.lines[0]!).text).toBe("line 3");
    expect(tail.startsMidFile).toBe(true);
    const more = appendTailPage(tail, { cursor: 2, lines: [raw("newest")] });
    expect(more.lines).toHaveLength(MAX_KEPT_LINES);
    expect(parsedLogLine(more.lines[0]!).text).toBe("line 4");
    expect(parsedLogLine(more.lines.at(-1)!).text).toBe("newest");
  });
});

describe("parsedLogLine", () => {
  it("parses a line once however often it is asked for", () => {
    const [line] = appendTailPage(undefined, { cursor: 1, lines: [raw("once")] }).lines;
    expect(parsedLogLine(line!)).toBe(parsedLogLine(line!));
  });

  it("masks secrets by their shape in every line", () => {
    const tail = appendTailPage(undefined, { cursor: 1, lines: [raw(`unauthorized ua=probe/1.0 key=${TOKEN}`, "WARN"), `plain ${TOKEN}`] });
    expect(JSON.stringify(tail.lines.map(parsedLogLine))).not.toContain(TOKEN);
  });
});

describe("shownLogLineReader", () => {
  const [harmless, quoted, other] = appendTailPage(undefined, {
    cursor: 1,
    lines: [raw("using hunter22"), raw('using "hunt\\er"'), raw("nothing to hide")],
  }).lines;

  it("also masks the secrets this tab knows, even where they look harmless, once per line", () => {
    const shown = shownLogLineReader(["hunter22"]);
    expect(shown(harmless!).text).toBe(`using ${REDACTED}`);
    expect(shown(harmless!).id).toBe(harmless!.id);
    expect(shown(harmless!)).toBe(shown(harmless!));
    expect(parsedLogLine(harmless!).text).toBe("using hunter22");
  });

  it("finds a secret the JSON line escapes", () => {
    expect(shownLogLineReader(['"hunt\\er"'])(quoted!).text).toBe(`using ${REDACTED}`);
  });

  it("shows the shared parse of a line that mentions no known secret", () => {
    expect(shownLogLineReader(["hunter22", ""])(other!)).toBe(parsedLogLine(other!));
  });
});
