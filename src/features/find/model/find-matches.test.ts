import { describe, expect, it } from "vitest";
import { findMatches, matchCounter, stepMatch, type SearchDoc } from "./find-matches";

const docs: SearchDoc[] = [
  { turnIndex: 0, turnKey: "r1", runId: "r1", fields: [{ text: "Say Hello twice" }, { text: "hello, hello" }] },
  { turnIndex: 1, turnKey: "r2", runId: "r2", fields: [{ text: "run fake:tool" }, { text: "echo hello-from-fake-tool", stepId: "tool:c1" }, { text: "hello-from-fake-tool\n", stepId: "tool:c1" }] },
  { turnIndex: 2, turnKey: "r3", runId: null, fields: [{ text: "aaaa" }] },
];

describe("findMatches", () => {
  it("finds every occurrence, case-insensitively, in turn and field order", () => {
    expect(findMatches(docs, "HELLO")).toEqual([
      { turnIndex: 0, turnKey: "r1", runId: "r1", occurrenceInTurn: 0 },
      { turnIndex: 0, turnKey: "r1", runId: "r1", occurrenceInTurn: 1 },
      { turnIndex: 0, turnKey: "r1", runId: "r1", occurrenceInTurn: 2 },
      { turnIndex: 1, turnKey: "r2", runId: "r2", stepId: "tool:c1", occurrenceInTurn: 0 },
      { turnIndex: 1, turnKey: "r2", runId: "r2", stepId: "tool:c1", occurrenceInTurn: 1 },
    ]);
  });

  it("counts occurrences that do not overlap, and nothing for a blank query", () => {
    expect(findMatches(docs, "aa")).toHaveLength(2);
    expect(findMatches(docs, "  ")).toEqual([]);
    expect(findMatches(docs, "")).toEqual([]);
    expect(findMatches(docs, "absent")).toEqual([]);
  });
});

describe("stepMatch and matchCounter", () => {
  it("wraps at both ends", () => {
    expect([stepMatch(0, 3, 1), stepMatch(2, 3, 1), stepMatch(0, 3, -1), stepMatch(0, 0, 1)]).toEqual([1, 0, 2, 0]);
  });

  it("reads as a person counts", () => {
    expect([matchCounter("hello", 2, 12), matchCounter("hello", 0, 0), matchCounter("", 0, 0)]).toEqual(["3 of 12", "No matches", "Type to search"]);
  });
});
