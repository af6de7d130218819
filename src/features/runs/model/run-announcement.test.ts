import { describe, expect, it } from "vitest";
import { initialAnnouncerState, nextAnnouncerState, runEndedWords } from "./run-announcement";

describe("run announcements", () => {
  it("says nothing about a run that was already going when the session opened", () => {
    const state = initialAnnouncerState("s1", "r1", true);
    expect(nextAnnouncerState(state, "s1", "r1", true)).toBe(state);
    expect(state).toEqual({ sessionKey: "s1", activeRunId: "r1", connected: true, news: { kind: "none" } });
  });

  it("announces a start, then that run's end", () => {
    const idle = initialAnnouncerState("s1", null, true);
    const started = nextAnnouncerState(idle, "s1", "r2", true);
    expect(started).toEqual({ sessionKey: "s1", activeRunId: "r2", connected: true, news: { kind: "started", runId: "r2" } });
    expect(nextAnnouncerState(started, "s1", null, true)).toEqual({ sessionKey: "s1", activeRunId: null, connected: true, news: { kind: "ended", runId: "r2" } });
  });

  it("starts over quietly on another session", () => {
    const running = nextAnnouncerState(initialAnnouncerState("s1", null, true), "s1", "r2", true);
    expect(nextAnnouncerState(running, "s2", null, true)).toEqual({ sessionKey: "s2", activeRunId: null, connected: true, news: { kind: "none" } });
  });

  it("no longer says the agent is working once the connection drops during a run, and says when it is back", () => {
    const started = nextAnnouncerState(initialAnnouncerState("s1", null, true), "s1", "r2", true);
    const lost = nextAnnouncerState(started, "s1", "r2", false);
    expect(lost.news).toEqual({ kind: "connection-lost", runId: "r2" });
    // Each render while down is the same news, not a new announcement.
    expect(nextAnnouncerState(lost, "s1", "r2", false)).toBe(lost);
    const back = nextAnnouncerState(lost, "s1", "r2", true);
    expect(back.news).toEqual({ kind: "connection-back", runId: "r2" });
    expect(nextAnnouncerState(back, "s1", null, true).news).toEqual({ kind: "ended", runId: "r2" });
  });

  it("tells of a run that ends while the connection is down, and keeps that news when it comes back", () => {
    const lost = nextAnnouncerState(nextAnnouncerState(initialAnnouncerState("s1", "r1", true), "s1", "r1", false), "s1", "r1", false);
    expect(lost.news).toEqual({ kind: "connection-lost", runId: "r1" });
    const ended = nextAnnouncerState(lost, "s1", null, false);
    expect(ended.news).toEqual({ kind: "ended", runId: "r1" });
    expect(nextAnnouncerState(ended, "s1", null, true).news).toEqual({ kind: "ended", runId: "r1" });
  });

  it("says nothing about the connection when no run is going", () => {
    const ended = nextAnnouncerState(nextAnnouncerState(initialAnnouncerState("s1", null, true), "s1", "r2", true), "s1", null, true);
    expect(nextAnnouncerState(ended, "s1", null, false).news).toEqual({ kind: "ended", runId: "r2" });
  });

  it("words the end with the outcome's title and summary", () => {
    expect(runEndedWords({ kind: "completed", title: "Completed", summary: "Answered in 2 s." })).toBe("Run ended: Completed. Answered in 2 s.");
  });
});
