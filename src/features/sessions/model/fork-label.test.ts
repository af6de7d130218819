import { describe, expect, it } from "vitest";
import { firstFreeForkAttempt, forkLabelCandidate, isLabelTaken } from "./fork-label";

describe("the label of a forked session", () => {
  it("names the session it came from", () => {
    expect(forkLabelCandidate("work", 1)).toBe("Fork of work");
    expect(forkLabelCandidate("  e2e-fork-1796 ", 1)).toBe("Fork of e2e-fork-1796");
  });

  it("numbers a further fork of the same session, from 2", () => {
    expect(forkLabelCandidate("work", 2)).toBe("Fork of work (2)");
    expect(firstFreeForkAttempt("work", new Set())).toBe(1);
    expect(firstFreeForkAttempt("work", new Set(["Fork of work", "Fork of work (2)", "Fork of other"]))).toBe(3);
  });

  it("a fork of a fork says so", () => {
    expect(forkLabelCandidate("Fork of work", 1)).toBe("Fork of Fork of work");
  });

  it("cuts a long name at 80 characters with an ellipsis, never inside an emoji", () => {
    const long = `${"a".repeat(78)}🦞🦞🦞`;
    expect(forkLabelCandidate(long, 1)).toBe(`Fork of ${"a".repeat(78)}🦞…`);
    expect(Array.from(forkLabelCandidate(long, 1).slice("Fork of ".length))).toHaveLength(80);
  });

  it("knows the gateway's refusal of a label in use from other refusals", () => {
    expect(isLabelTaken("label already in use: Fork of work")).toBe(true);
    expect(isLabelTaken("invalid label: too long (max 512)")).toBe(false);
  });
});
