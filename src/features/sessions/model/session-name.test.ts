import { describe, expect, it } from "vitest";
import { splitNameTail, truncateMiddle } from "./session-name";

describe("truncateMiddle", () => {
  it("leaves a name that fits as it is", () => {
    expect(truncateMiddle("Plans", 10)).toBe("Plans");
    expect(truncateMiddle("0123456789", 10)).toBe("0123456789");
  });

  it("cuts in the middle, so two names that differ only at the end still read differently", () => {
    expect(truncateMiddle("chat-202612011417-ab3f", 16)).toBe("chat-20…417-ab3f");
    expect(truncateMiddle("chat-202612011417-x9k2", 16)).toBe("chat-20…417-x9k2");
  });

  it("gives the end the larger half when the kept length is odd", () => {
    expect(truncateMiddle("abcdefghij", 6)).toBe("ab…hij");
    expect(truncateMiddle("abcdefghij", 7)).toBe("abc…hij");
  });

  it("never splits an emoji in two", () => {
    expect(truncateMiddle("🦞🦞🦞🦞🦞🦞🦞🦞", 5)).toBe("🦞🦞…🦞🦞");
  });

  it("keeps only the ellipsis when there is no room", () => {
    expect(truncateMiddle("abcdef", 1)).toBe("…");
    expect(truncateMiddle("abcdef", 0)).toBe("…");
  });
});

describe("splitNameTail", () => {
  it("keeps the distinguishing end apart from the part that may shrink", () => {
    expect(splitNameTail("chat-202612011417-ab3f")).toEqual({ head: "chat-202612011", tail: "417-ab3f" });
  });

  it("does not split a short name", () => {
    expect(splitNameTail("Plans 2026")).toEqual({ head: "", tail: "Plans 2026" });
    expect(splitNameTail("main")).toEqual({ head: "", tail: "main" });
  });

  it("takes the tail length it is given", () => {
    expect(splitNameTail("abcdefghij", 3)).toEqual({ head: "abcdefg", tail: "hij" });
  });
});
