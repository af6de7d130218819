import { describe, expect, it } from "vitest";
import { nextRevealStep, olderPageAsked, REVEAL_MAX_OLDER_PAGES, revealMissWords, type RevealInput, type RevealProgress } from "./message-reveal";

const start: RevealProgress = { asked: 0 };
const input = (over: Partial<RevealInput>): RevealInput => ({ index: -1, earlier: "more", olderPages: 0, messagesRead: 200, progress: start, ...over });

describe("nextRevealStep", () => {
  it("scrolls to the message's turn as soon as the rows read hold it, whatever else is going on", () => {
    expect(nextRevealStep(input({ index: 3 }))).toEqual({ kind: "scroll", index: 3 });
    expect(nextRevealStep(input({ index: 0, earlier: "loading", progress: { asked: 2, heldWhenAsked: 1 } }))).toEqual({ kind: "scroll", index: 0 });
  });

  it("reads one older page when the message is not in the tail and there is more above", () => {
    expect(nextRevealStep(input({}))).toEqual({ kind: "load-older" });
  });

  it("waits while a page is on its way, then reads the next one once it came without the message", () => {
    const asked = olderPageAsked(start, 0);
    expect(asked).toEqual({ asked: 1, heldWhenAsked: 0 });
    expect(nextRevealStep(input({ earlier: "loading", progress: asked }))).toEqual({ kind: "wait" });
    expect(nextRevealStep(input({ olderPages: 1, messagesRead: 400, progress: asked }))).toEqual({ kind: "load-older" });
    expect(olderPageAsked(asked, 1)).toEqual({ asked: 2, heldWhenAsked: 1 });
  });

  it("says the message is gone once the history was read to the session's start without it", () => {
    expect(nextRevealStep(input({ earlier: "complete" }))).toEqual({ kind: "missed", miss: { why: "gone" } });
    expect(nextRevealStep(input({ earlier: "complete", olderPages: 3, progress: { asked: 3, heldWhenAsked: 2 } }))).toEqual({ kind: "missed", miss: { why: "gone" } });
  });

  it(`stops after ${REVEAL_MAX_OLDER_PAGES} older pages and says how far back it read`, () => {
    const almost = { asked: REVEAL_MAX_OLDER_PAGES - 1, heldWhenAsked: REVEAL_MAX_OLDER_PAGES - 2 };
    expect(nextRevealStep(input({ olderPages: REVEAL_MAX_OLDER_PAGES - 1, progress: almost }))).toEqual({ kind: "load-older" });
    const done = { asked: REVEAL_MAX_OLDER_PAGES, heldWhenAsked: REVEAL_MAX_OLDER_PAGES - 1 };
    expect(nextRevealStep(input({ olderPages: REVEAL_MAX_OLDER_PAGES, messagesRead: 4_200, progress: done }))).toEqual({ kind: "missed", miss: { why: "too-far", messagesRead: 4_200 } });
  });

  it("tries again once after a failure from before it started, and stops at a failure of its own page", () => {
    expect(nextRevealStep(input({ earlier: "failed", error: "gateway timeout" }))).toEqual({ kind: "load-older" });
    expect(nextRevealStep(input({ earlier: "failed", error: "gateway timeout", progress: { asked: 1, heldWhenAsked: 0 } }))).toEqual({
      kind: "missed",
      miss: { why: "unreadable", error: "gateway timeout" },
    });
  });

  it("stops when the page it asked for never arrived (the read had nowhere to start), instead of asking forever", () => {
    expect(nextRevealStep(input({ olderPages: 2, progress: { asked: 3, heldWhenAsked: 2 } }))).toEqual({ kind: "missed", miss: { why: "unreadable" } });
  });
});

describe("revealMissWords", () => {
  it("says why the chosen message is not shown, truthfully for each reason", () => {
    expect(revealMissWords({ why: "gone" })).toBe("That message is no longer in this session's history: the whole history was read and it is not there.");
    expect(revealMissWords({ why: "too-far", messagesRead: 4_200 })).toBe("That message was not in the last 4,200 messages of this session; scroll up to read further back.");
    expect(revealMissWords({ why: "unreadable", error: "gateway timeout" })).toBe("Could not read this session's earlier messages to reach the message you chose: gateway timeout");
    expect(revealMissWords({ why: "unreadable" })).toBe("Could not read this session's earlier messages to reach the message you chose.");
  });
});
