import { describe, expect, it } from "vitest";
import { emptyReplyWords } from "./empty-reply";
import type { RunOutcome } from "./run-outcome";

const outcome = (kind: RunOutcome["kind"]) => ({ kind, title: "", summary: "" }) as unknown as RunOutcome;

describe("the words of a reply bubble with no text", () => {
  it.each([
    ["completed", "No reply."],
    ["failed", "No reply."],
    ["aborted", "No reply."],
    ["unknown", "No reply text so far."],
    ["interrupted", "No reply before the gateway went down."],
  ] as const)("a %s run: %s", (kind, words) => {
    expect(emptyReplyWords(outcome(kind), false)).toBe(words);
  });

  it("points below when the run went on to answer a message sent while it ran, whatever its outcome", () => {
    expect(emptyReplyWords(outcome("unknown"), true)).toBe("The reply went on to answer the message you sent while it ran: see below.");
  });
});
