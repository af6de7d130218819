import { describe, expect, it } from "vitest";
import { dedupeKey, KEY_LOG_LIMIT, KeyLog, RECENT_KEYS } from "./fold-dedupe";
import { foldRunSignal, foldRunSignals } from "./fold-run";
import { createRunFold, runTimeline } from "./fold-state";
import { signalOf } from "./test-signals";

/** Remembers keys 0…count-1 on one line of versions; returns the log and its count. */
function remembered(count: number): { log: KeyLog; count: number } {
  let log = KeyLog.empty();
  let seen = 0;
  for (let key = 0; key < count; key += 1) {
    log = log.remember(seen, key);
    seen = log.size;
  }
  return { log, count: seen };
}

describe("dedupe keys", () => {
  it("encodes kind and per-run seq; retries and unsequenced signals have none", () => {
    const delta = dedupeKey("assistant-text", 7);
    const tool = dedupeKey("tool-start", 7);
    expect(delta).toBeDefined();
    expect(tool).toBeDefined();
    expect(delta).not.toBe(tool);
    expect(dedupeKey("assistant-text", 8)).not.toBe(delta);
    expect(dedupeKey("retry", 7)).toBeUndefined();
    expect(dedupeKey("queued", undefined)).toBeUndefined();
  });
});

describe("key log", () => {
  it("logs started from the shared empty log keep their own keys", () => {
    const first = KeyLog.empty().remember(0, 1);
    const second = KeyLog.empty().remember(0, 2);
    expect(first.recent(first.size)).toEqual([1]);
    expect(second.recent(second.size)).toEqual([2]);
    expect(second.seenRecently(second.size, 1)).toBe(false);
    expect(KeyLog.empty().size).toBe(0);
  });

  it("sees the last RECENT_KEYS keys and forgets older ones", () => {
    const { log, count } = remembered(RECENT_KEYS + 10);
    expect(log.seenRecently(count, RECENT_KEYS + 9)).toBe(true);
    expect(log.seenRecently(count, 10)).toBe(true);
    expect(log.seenRecently(count, 9)).toBe(false);
    expect(log.seenRecently(count, 99_999)).toBe(false);
  });

  it("an older version sees only its own keys, and branching leaves both branches right", () => {
    const base = remembered(5);
    expect(base.log.seenRecently(3, 4)).toBe(false);
    expect(base.log.seenRecently(3, 2)).toBe(true);
    const left = base.log.remember(base.count, 100);
    const right = base.log.remember(base.count, 200);
    expect(right).not.toBe(left);
    expect(left.seenRecently(6, 100)).toBe(true);
    expect(left.seenRecently(6, 200)).toBe(false);
    expect(right.seenRecently(right.size, 200)).toBe(true);
    expect(right.seenRecently(right.size, 100)).toBe(false);
    expect(base.log.seenRecently(base.count, 100)).toBe(false);
  });

  it("restores a log from the keys a stored run kept, seeing what the log they came from saw", () => {
    const { log, count } = remembered(RECENT_KEYS + 40);
    const restored = KeyLog.of(log.recent(count));
    expect(restored.recent(restored.size)).toEqual(log.recent(count));
    for (const key of [RECENT_KEYS + 39, 40, 39, 0, 99_999]) expect(restored.seenRecently(restored.size, key)).toBe(log.seenRecently(count, key));
    const next = restored.remember(restored.size, 7);
    expect(next.seenRecently(next.size, 7)).toBe(true);
    expect(next.seenRecently(next.size, 40)).toBe(false);
    expect(KeyLog.of([]).size).toBe(0);
  });

  it("restarts from its window when it grows long, so memory stays bounded", () => {
    const { log, count } = remembered(KEY_LOG_LIMIT * 3);
    expect(log.size).toBeLessThanOrEqual(KEY_LOG_LIMIT);
    expect(log.seenRecently(count, KEY_LOG_LIMIT * 3 - 1)).toBe(true);
    expect(log.seenRecently(count, KEY_LOG_LIMIT * 3 - RECENT_KEYS)).toBe(true);
    expect(log.seenRecently(count, KEY_LOG_LIMIT * 3 - RECENT_KEYS - 1)).toBe(false);
  });
});

describe("re-deliveries in a run", () => {
  const activity = (seq: number) => signalOf("r", seq, { kind: "activity", label: "usage" }, { runSeq: seq });

  it("drops a signal seen among the recent keys, counts one seen longer ago, and never drops a new seq", () => {
    const run = foldRunSignals(createRunFold("r"), Array.from({ length: 300 }, (_, index) => activity(index + 1)));
    expect(runTimeline(run).stats.signals).toBe(300);
    expect(foldRunSignal(run, activity(300))).toBe(run);
    expect(foldRunSignal(run, activity(300 - RECENT_KEYS + 1))).toBe(run);
    expect(runTimeline(foldRunSignal(run, activity(300 - RECENT_KEYS))).stats.signals).toBe(301);
    expect(runTimeline(foldRunSignal(run, activity(301))).stats.signals).toBe(301);
    // The same seq with another kind is another signal (the chat half of an agent event).
    const chatHalf = signalOf("r", 300, { kind: "assistant-text", text: "hi" }, { runSeq: 300 });
    expect(runTimeline(foldRunSignal(run, chatHalf)).text).toBe("hi");
  });
});
