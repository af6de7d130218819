import type { EventFrame } from "@openclaw/gateway-client/browser";
import { describe, expect, it } from "vitest";
import { judgeSeq, SeqTracker } from "./seq-tracker";

const tick = (seq?: number): EventFrame => ({ type: "event", event: "tick", payload: { ts: 1 }, ...(seq === undefined ? {} : { seq }) });

describe("judgeSeq", () => {
  it("takes the next seq, and any seq as the first of a connection", () => {
    expect(judgeSeq(0, 1)).toEqual({ kind: "in-order", highestSeq: 1 });
    expect(judgeSeq(0, 40)).toEqual({ kind: "in-order", highestSeq: 40 });
    expect(judgeSeq(4, 5)).toEqual({ kind: "in-order", highestSeq: 5 });
  });

  it("reports a gap against the highest seq seen", () => {
    expect(judgeSeq(1, 5)).toEqual({ kind: "gap", highestSeq: 5, expected: 2, received: 5 });
  });

  it("calls a repeat or a late frame stale and keeps the highest seq", () => {
    expect(judgeSeq(2, 2)).toEqual({ kind: "stale", highestSeq: 2 });
    expect(judgeSeq(2, 1)).toEqual({ kind: "stale", highestSeq: 2 });
  });

  it("passes a frame without a seq and changes nothing", () => {
    expect(judgeSeq(3, undefined)).toEqual({ kind: "in-order", highestSeq: 3 });
  });
});

describe("SeqTracker", () => {
  it("drops repeated and out-of-order frames without a false gap", () => {
    const tracker = new SeqTracker();
    const frames = [tick(1), tick(2), tick(2), tick(1), tick(3)];
    expect(frames.map((frame) => tracker.admit(frame).kind)).toEqual(["in-order", "in-order", "stale", "stale", "in-order"]);
    expect(frames.filter((frame) => !tracker.isStale(frame)).map((frame) => frame.seq)).toEqual([1, 2, 3]);
  });

  it("starts counting again after a restart, so the new connection's seq 1 is not stale", () => {
    const tracker = new SeqTracker();
    tracker.admit(tick(7));
    tracker.restart();
    expect(tracker.admit(tick(1))).toEqual({ kind: "in-order", highestSeq: 1 });
    expect(tracker.admit(tick(5))).toEqual({ kind: "gap", highestSeq: 5, expected: 2, received: 5 });
  });

  it("an absurd jump is a gap that re-baselines: the events after it still arrive", () => {
    const tracker = new SeqTracker();
    const frames = [tick(1), tick(2), tick(2 ** 50), tick(3), tick(4)];
    expect(frames.map((frame) => tracker.admit(frame))).toEqual([
      { kind: "in-order", highestSeq: 1 },
      { kind: "in-order", highestSeq: 2 },
      { kind: "gap", highestSeq: 0, expected: 3, received: 2 ** 50, rebaselined: true },
      { kind: "in-order", highestSeq: 3 },
      { kind: "in-order", highestSeq: 4 },
    ]);
    expect(frames.filter((frame) => !tracker.isStale(frame)).map((frame) => frame.seq)).toEqual([1, 2, 2 ** 50, 3, 4]);
  });

  it("a counter that fell far back (not a late frame) re-baselines too", () => {
    const tracker = new SeqTracker();
    tracker.admit(tick(500_000));
    expect(tracker.admit(tick(3))).toEqual({ kind: "gap", highestSeq: 0, expected: 500_001, received: 3, rebaselined: true });
    expect(tracker.admit(tick(4))).toEqual({ kind: "in-order", highestSeq: 4 });
  });

  it("a seq that is not a whole non-negative number counts as no seq", () => {
    const tracker = new SeqTracker();
    tracker.admit(tick(5));
    expect(tracker.admit(tick(-1))).toEqual({ kind: "in-order", highestSeq: 5 });
    expect(tracker.admit(tick(5.5))).toEqual({ kind: "in-order", highestSeq: 5 });
    expect(tracker.admit(tick(6))).toEqual({ kind: "in-order", highestSeq: 6 });
  });
});
