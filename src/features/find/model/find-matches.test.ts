import { describe, expect, it } from "vitest";
import { findMatches, matchCounter, stepMatch, type SearchDoc, type SearchPlace } from "./find-matches";

const messages: SearchPlace = { in: "messages" };
const args: SearchPlace = { in: "tool", stepId: "tool:c1", part: "arguments" };
const output: SearchPlace = { in: "tool", stepId: "tool:c1", part: "output" };

const docs: SearchDoc[] = [
  { turnIndex: 0, turnKey: "r1", runId: "r1", fields: [{ text: "Say Hello twice", place: messages }, { text: "hello, hello", place: messages }] },
  {
    turnIndex: 1,
    turnKey: "r2",
    runId: "r2",
    fields: [
      { text: "run fake:tool", place: messages },
      { text: '{"command": "echo hello-from-fake-tool"}', place: args },
      { text: "hello-from-fake-tool\nLinux\n", place: output },
    ],
  },
  { turnIndex: 2, turnKey: "r3", runId: null, fields: [{ text: "aaaa", place: messages }] },
];

describe("findMatches", () => {
  it("finds every occurrence, case-insensitively, in turn and field order, counted per place", () => {
    expect(findMatches(docs, "HELLO")).toEqual([
      { turnIndex: 0, turnKey: "r1", runId: "r1", place: messages, occurrence: 0 },
      { turnIndex: 0, turnKey: "r1", runId: "r1", place: messages, occurrence: 1 },
      { turnIndex: 0, turnKey: "r1", runId: "r1", place: messages, occurrence: 2 },
      { turnIndex: 1, turnKey: "r2", runId: "r2", place: args, occurrence: 0 },
      { turnIndex: 1, turnKey: "r2", runId: "r2", place: output, occurrence: 0 },
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
