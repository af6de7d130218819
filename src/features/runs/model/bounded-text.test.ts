import { describe, expect, it } from "vitest";
import { appendBounded, boundedText, boundedToString, EMPTY_TEXT, HEAD_CHARS, isTruncated, TAIL_CHARS } from "./bounded-text";

describe("bounded text", () => {
  it("keeps short text whole", () => {
    const text = appendBounded(appendBounded(EMPTY_TEXT, "hello "), "world");
    expect(text).toEqual({ head: "hello world", tail: "", totalChars: 11 });
    expect(boundedToString(text)).toBe("hello world");
  });

  it("keeps the head and the tail of long output and remembers its full length", () => {
    let text = EMPTY_TEXT;
    let full = "";
    for (let index = 0; index < 2_000; index += 1) {
      const chunk = `line ${index}\n`;
      full += chunk;
      text = appendBounded(text, chunk);
    }
    expect(isTruncated(text)).toBe(true);
    expect(text.totalChars).toBe(full.length);
    expect(text.head).toBe(full.slice(0, HEAD_CHARS));
    expect(text.tail).toBe(full.slice(-TAIL_CHARS));
    expect(boundedText(full)).toEqual(text);
    expect(boundedToString(text)).toContain(`… ${full.length - HEAD_CHARS - TAIL_CHARS} characters omitted …`);
  });
});
