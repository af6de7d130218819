import { describe, expect, it, vi } from "vitest";
import { readCapture } from "@/testing/capture-frames";
import { GatewayClock } from "./gateway-clock";

const TEN_MINUTES = 10 * 60_000;

describe("GatewayClock", () => {
  it("starts with no offset and takes the sample with the least transit", () => {
    const clock = new GatewayClock();
    expect(clock.getOffsetMs()).toBe(0);
    clock.observe(1_000_000 + TEN_MINUTES, 1_000_040);
    clock.observe(1_030_000 + TEN_MINUTES, 1_030_005);
    clock.observe(1_060_000 + TEN_MINUTES, 1_060_300);
    expect(clock.getOffsetMs()).toBe(TEN_MINUTES - 5);
    expect(clock.toLocal(2_000_000 + TEN_MINUTES)).toBe(2_000_005);
  });

  it("reads a gateway behind the browser as a negative offset", () => {
    const clock = new GatewayClock();
    clock.observe(5_000_000 - TEN_MINUTES, 5_000_010);
    expect(clock.getOffsetMs()).toBe(-TEN_MINUTES - 10);
  });

  it("forgets old samples, so a corrected clock is followed", () => {
    const clock = new GatewayClock();
    clock.observe(1_000 + TEN_MINUTES, 1_000);
    for (let i = 1; i <= 16; i++) clock.observe(1_000 + i * 30_000 - 5_000, 1_000 + i * 30_000 + 20);
    expect(clock.getOffsetMs()).toBe(-5_020);
  });

  it("calls less than a second of difference no skew: that is transit, not a wrong clock", () => {
    const clock = new GatewayClock();
    clock.observe(1_000_600, 1_000_000);
    expect(clock.getOffsetMs()).toBe(0);
    clock.observe(1_031_500, 1_030_000);
    expect(clock.getOffsetMs()).toBe(1_500);
  });

  it("ignores stamps that are not times", () => {
    const clock = new GatewayClock();
    for (const stamp of [undefined, "1700000000000", Number.NaN, -5, 0]) clock.observe(stamp, 1_000);
    expect(clock.getOffsetMs()).toBe(0);
  });

  it("notifies on a real change, not on transit jitter", () => {
    const clock = new GatewayClock();
    const listener = vi.fn();
    clock.subscribe(listener);
    clock.observe(10_000 + TEN_MINUTES, 10_000);
    clock.observe(40_000 + TEN_MINUTES + 30, 40_000);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("finds no skew between the recorded gateway and the recorder on the same machine (challenge ts vs arrival)", () => {
    const clock = new GatewayClock();
    for (const line of readCapture("a-text.jsonl")) {
      const frame = line.frame as { event?: string; payload?: { ts?: number } } | undefined;
      if (line.dir === "in" && (frame?.event === "connect.challenge" || frame?.event === "tick")) clock.observe(frame.payload?.ts, Date.parse(line.ts));
    }
    expect(clock.getOffsetMs()).toBe(0);
  });
});
