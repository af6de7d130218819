import { describe, expect, it } from "vitest";
import { forkPointOf } from "./fork-point";
import type { TurnUser } from "./transcript";

const saved: TurnUser = { id: "e2", entryId: "e2", text: "second question", at: 1, systemNote: false };
const idle = { running: false, online: true, forking: false };

describe("forkPointOf", () => {
  it("offers a saved user message by its gateway entry id", () => {
    expect(forkPointOf(saved, idle)).toEqual({ kind: "available", entryId: "e2" });
  });

  it("says in words why a message cannot fork", () => {
    expect(forkPointOf(saved, { ...idle, running: true })).toEqual({ kind: "unavailable", reason: "Fork is unavailable while the agent is working." });
    expect(forkPointOf(saved, { ...idle, online: false })).toEqual({ kind: "unavailable", reason: "Not connected to the gateway: fork once it is back." });
    expect(forkPointOf(saved, { ...idle, forking: true })).toEqual({ kind: "unavailable", reason: "A fork of this session is on its way." });
    expect(forkPointOf({ ...saved, entryId: undefined }, idle)).toEqual({ kind: "unavailable", reason: "The gateway gave this message no id, so it cannot be forked." });
  });

  it("keeps a message the gateway has not saved (the outbox) unforkable, whatever else holds", () => {
    for (const pending of ["waiting", "sending", "failed"] as const) {
      expect(forkPointOf({ id: "run-1", text: "draft", at: 1, pending, systemNote: false }, idle)).toEqual({
        kind: "unavailable",
        reason: "Not saved by the gateway yet: it can be forked once it is delivered.",
      });
    }
  });

  it("offers nothing on the gateway's restart note", () => {
    expect(forkPointOf({ ...saved, systemNote: true }, idle)).toEqual({ kind: "hidden" });
  });
});
