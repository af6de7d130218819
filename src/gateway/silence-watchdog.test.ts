import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SilenceWatchdog } from "./silence-watchdog";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("SilenceWatchdog", () => {
  it("fires after two tick intervals of silence, and each frame starts the count again", () => {
    const silences: number[] = [];
    const watchdog = new SilenceWatchdog((silentMs) => silences.push(silentMs));
    watchdog.arm(30_000);
    vi.advanceTimersByTime(59_999);
    watchdog.arm(30_000);
    vi.advanceTimersByTime(59_999);
    expect(silences).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(silences).toEqual([60_000]);
  });

  it("stays quiet once cleared", () => {
    const silences: number[] = [];
    const watchdog = new SilenceWatchdog((silentMs) => silences.push(silentMs));
    watchdog.arm(1_000);
    watchdog.clear();
    vi.advanceTimersByTime(10_000);
    expect(silences).toEqual([]);
  });
});
