import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration";

describe("formatDuration", () => {
  it.each([
    [-5, "0 ms"],
    [450, "450 ms"],
    [1_000, "1 s"],
    [2_340, "2.3 s"],
    [47_000, "47 s"],
    [60_000, "1 min"],
    [125_000, "2 min 5 s"],
    [3_780_000, "1 h 3 min"],
  ])("%d ms → %s", (ms, words) => {
    expect(formatDuration(ms)).toBe(words);
  });
});
