/**
 * Dropping re-delivered signals: a signal whose `kind:runSeq` key is among the
 * run's last RECENT_KEYS keys is a duplicate (a resent frame, an overlapping
 * local-log replay). Older copies are caught by the idempotent merges instead.
 *
 * The keys live in one append-only log shared by the versions of a run; each
 * version sees the first `count` entries, so remembering a key costs O(1)
 * instead of a copy of the window per signal. Appending to a log another
 * version has already extended (a fold that branched) starts a new log from the
 * window, as does a log that grew long, which keeps memory bounded.
 */
import type { RunSignal } from "./run-signal";

export const RECENT_KEYS = 256;
/** The most keys a log holds before it restarts from its window. */
export const KEY_LOG_LIMIT = 4_096;

/** Every signal kind needs a code; the Record type makes a new kind a compile error here. */
const KIND_CODE: Record<RunSignal["kind"], number> = {
  queued: 0,
  status: 1,
  "lifecycle-start": 2,
  "model-selected": 3,
  "lifecycle-finishing": 4,
  "lifecycle-end": 5,
  "lifecycle-error": 6,
  fallback: 7,
  "fallback-cleared": 8,
  "fallback-step": 9,
  retry: 10,
  "assistant-text": 11,
  "thinking-text": 12,
  "tool-start": 13,
  "tool-update": 14,
  "tool-result": 15,
  item: 16,
  "command-output": 17,
  "chat-final": 18,
  "chat-aborted": 19,
  "chat-error": 20,
  disconnected: 21,
  reconnected: 22,
  "gateway-restarting": 23,
  "gateway-restarted": 24,
  "run-inactive": 25,
  "seq-gap": 26,
  activity: 27,
  unknown: 28,
  "model-usage": 29,
};
const KIND_COUNT = Object.keys(KIND_CODE).length;

/**
 * `kind:runSeq` as one number (runSeq × kind count + kind code): numbers
 * compare far faster than strings. Takes the fields, not the signal: signals
 * of every kind pass here, and each read of a signal field is a lookup by shape.
 */
export function dedupeKey(kind: RunSignal["kind"], runSeq: number | undefined): number | undefined {
  // `chat` status retry and `agent` run_status retrying share a seq but carry different fields: merge, do not drop.
  if (runSeq === undefined || kind === "retry") return undefined;
  return runSeq * KIND_COUNT + KIND_CODE[kind];
}

export class KeyLog {
  /** The one empty log, shared by every new run as StepList.empty() is (see there why); it is never written. */
  static empty(): KeyLog {
    return KeyLog.EMPTY;
  }

  private static readonly EMPTY = new KeyLog([]);

  /** A log of the last RECENT_KEYS of these keys, oldest first: what `recent` gave, restored. */
  static of(keys: readonly number[]): KeyLog {
    return new KeyLog(keys.slice(Math.max(0, keys.length - RECENT_KEYS)));
  }

  private constructor(private readonly keys: number[]) {}

  get size(): number {
    return this.keys.length;
  }

  /**
   * Whether `key` is among the last RECENT_KEYS of the first `count` keys. A
   * scan, but the fold asks only for signals whose seq it has already passed
   * (the `chat` half of an `agent` event, a re-delivery); a new seq is new.
   */
  seenRecently(count: number, key: number): boolean {
    const from = Math.max(0, count - RECENT_KEYS);
    for (let position = count - 1; position >= from; position -= 1) if (this.keys[position] === key) return true;
    return false;
  }

  /** The last RECENT_KEYS of the first `count` keys, oldest first: what a stored run keeps to go on dropping re-deliveries. */
  recent(count: number): number[] {
    return this.keys.slice(Math.max(0, count - RECENT_KEYS), count);
  }

  /** The log that holds the first `count` keys and then `key`; its size is the new count. An empty log starts a new one. */
  remember(count: number, key: number): KeyLog {
    const extend = count > 0 && count === this.keys.length && count < KEY_LOG_LIMIT;
    const log = extend ? this : new KeyLog(this.keys.slice(Math.max(0, count - RECENT_KEYS), count));
    log.keys.push(key);
    return log;
  }
}
