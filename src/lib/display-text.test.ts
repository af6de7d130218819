import { describe, expect, it } from "vitest";
import { capitalize, clip, firstLine } from "./display-text";

describe("display text", () => {
  it("capitalizes the first letter only", () => {
    expect(capitalize("using exec…")).toBe("Using exec…");
    expect(capitalize("")).toBe("");
  });

  it("clips to the bound with the ellipsis inside it", () => {
    expect(clip("abcdef", 6)).toBe("abcdef");
    expect(clip("abcdefg", 6)).toBe("abcde…");
    expect(clip("abcdefg", 6)).toHaveLength(6);
  });

  it("takes the first line, trimmed, and nothing for an empty one", () => {
    expect(firstLine("  boom  \nstack")).toBe("boom");
    expect(firstLine("\nsecond")).toBeUndefined();
    expect(firstLine(undefined)).toBeUndefined();
  });
});
