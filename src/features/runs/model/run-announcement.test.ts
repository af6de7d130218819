import { describe, expect, it } from "vitest";
import { initialAnnouncerState, nextAnnouncerState, runEndedWords } from "./run-announcement";

describe("run announcements", () => {
  it("says nothing about a run that was already going when the session opened", () => {
    const state = initialAnnouncerState("s1", "r1");
    expect(nextAnnouncerState(state, "s1", "r1")).toBe(state);
    expect(state).toEqual({ sessionKey: "s1", activeRunId: "r1", startedRunId: null, endedRunId: null });
  });

  it("announces a start, then that run's end", () => {
    const idle = initialAnnouncerState("s1", null);
    const started = nextAnnouncerState(idle, "s1", "r2");
    expect(started).toEqual({ sessionKey: "s1", activeRunId: "r2", startedRunId: "r2", endedRunId: null });
    expect(nextAnnouncerState(started, "s1", null)).toEqual({ sessionKey: "s1", activeRunId: null, startedRunId: null, endedRunId: "r2" });
  });

  it("starts over quietly on another session", () => {
    const running = nextAnnouncerState(initialAnnouncerState("s1", null), "s1", "r2");
    expect(nextAnnouncerState(running, "s2", null)).toEqual({ sessionKey: "s2", activeRunId: null, startedRunId: null, endedRunId: null });
  });

  it("words the end with the outcome's title and summary", () => {
    expect(runEndedWords({ kind: "completed", title: "Completed", summary: "Answered in 2 s." })).toBe("Run ended: Completed. Answered in 2 s.");
  });
});
