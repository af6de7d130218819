/**
 * Event seq numbers on one connection, judged against the highest seq seen.
 * The protocol client compares each frame with the one before it, so a single
 * repeated or late frame would look like a gap and start a needless
 * reconciliation; here it is simply stale and dropped.
 */
import type { EventFrame } from "@openclaw/gateway-client/browser";

/**
 * The farthest one frame's seq may move from the highest seen and still be
 * believed. A gateway that drops events for a slow socket skips far fewer;
 * anything beyond is a bad counter, not lost events, and trusting it would
 * make every later frame look stale.
 */
export const MAX_SEQ_JUMP = 100_000;

/** `highestSeq` is the highest seq seen once this frame is counted. */
export type SeqVerdict =
  | { kind: "in-order"; highestSeq: number }
  /** `rebaselined`: the jump was absurd; the next numbered frame starts the count again, like a new connection's first. */
  | { kind: "gap"; highestSeq: number; expected: number; received: number; rebaselined?: true }
  /** A repeat or a late frame: at or below what was already seen. */
  | { kind: "stale"; highestSeq: number };

export function judgeSeq(highestSeq: number, seq: number | undefined): SeqVerdict {
  if (seq === undefined || !Number.isSafeInteger(seq) || seq < 0) return { kind: "in-order", highestSeq };
  if (highestSeq > 0 && Math.abs(seq - highestSeq) > MAX_SEQ_JUMP) {
    return { kind: "gap", highestSeq: 0, expected: highestSeq + 1, received: seq, rebaselined: true };
  }
  if (seq <= highestSeq) return { kind: "stale", highestSeq };
  // The first numbered frame of a connection (or after a re-baseline) may start anywhere.
  if (highestSeq > 0 && seq > highestSeq + 1) return { kind: "gap", highestSeq: seq, expected: highestSeq + 1, received: seq };
  return { kind: "in-order", highestSeq: seq };
}

export class SeqTracker {
  private highestSeq = 0;
  /** Frames judged stale, so listeners that see the same frame object later can skip it. */
  private readonly staleFrames = new WeakSet<EventFrame>();

  /** Each connection numbers its events from the start again. */
  restart(): void {
    this.highestSeq = 0;
  }

  admit(frame: EventFrame): SeqVerdict {
    const verdict = judgeSeq(this.highestSeq, typeof frame.seq === "number" ? frame.seq : undefined);
    if (verdict.kind === "stale") this.staleFrames.add(frame);
    this.highestSeq = verdict.highestSeq;
    return verdict;
  }

  isStale(frame: EventFrame): boolean {
    return this.staleFrames.has(frame);
  }
}
