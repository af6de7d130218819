import { describe, expect, it } from "vitest";
import { historyExchanges } from "@/testing/capture-frames";
import { cursorAfterRead, mergeDelta, pageAfterDelta, readDeltaAnswer, readFoundIdle, type DeltaMerge, type HistoryDelta } from "./history-delta";

interface Read {
  params: Record<string, unknown>;
  payload: { messages: unknown[]; activity?: unknown; deltaCursor?: string; sessionInfo?: unknown; inFlightRun?: unknown; kind?: string };
}

const reads = (name: string) => historyExchanges(name) as Read[];
const newTurn = reads("history-delta-new-turn.jsonl");
const inFlight = reads("history-delta-in-flight.jsonl");
const restart = reads("history-delta-after-restart.jsonl");
const sigkill = reads("history-delta-after-sigkill.jsonl");

function deltaOf(read: Read): HistoryDelta {
  const answer = readDeltaAnswer(read.payload);
  if (answer.kind !== "delta") throw new Error(`expected a delta, got ${answer.kind}`);
  return answer.delta;
}

function merged(result: DeltaMerge) {
  if (result.kind !== "merged") throw new Error(result.reason);
  return result;
}

/** Each row's text as the gateway wrote it (a string, or the text of its first block). */
const texts = (rows: readonly unknown[]) =>
  rows.map((row) => {
    const content = (row as { content?: unknown }).content;
    return typeof content === "string" ? content : ((content as Array<{ text?: string }>)[0]?.text ?? "");
  });

describe("what the gateway answers to a cursor (recorded)", () => {
  it("a delta after a new turn holds that turn's two rows: the row a tail shows, byte for byte, inside a session.message-shaped entry", () => {
    const [tail, , afterTurn, , nextTail] = newTurn;
    expect(afterTurn?.params.cursor).toBe(tail?.payload.deltaCursor);
    const delta = deltaOf(afterTurn as Read);
    expect(delta.rows).toEqual(nextTail?.payload.messages.slice(2));
    expect(texts(delta.rows)).toEqual([
      "Second message, after the tail was read. fake:text",
      "Here is a **scripted** reply from the fake model.\n\n- it streams in chunks\n- it has a list\n- and `inline code`\n",
    ]);
    expect(delta.cursor).toBe(nextTail?.payload.deltaCursor);
    expect(delta.sessionInfo.hasActiveRun).toBe(false);
  });

  it("a cursor the gateway does not know, or one from another session, is a reset", () => {
    expect(newTurn[5]?.params.cursor).toBe("not-a-cursor");
    expect(readDeltaAnswer(newTurn[5]?.payload)).toEqual({ kind: "reset" });
    expect(readDeltaAnswer(newTurn[6]?.payload)).toEqual({ kind: "reset" });
  });

  it("a cursor read before a SIGTERM restart still gives a delta after it: nothing new, then the next turn", () => {
    const [before, rightAfter, afterTurn, nextTail] = restart;
    expect(rightAfter?.params.cursor).toBe(before?.payload.deltaCursor);
    expect(deltaOf(rightAfter as Read).rows).toEqual([]);
    expect(merged(mergeDelta(before?.payload.messages ?? [], before?.payload.activity, deltaOf(afterTurn as Read))).rows).toEqual(nextTail?.payload.messages);
  });
});

describe("readDeltaAnswer: anything not clearly a delta is not used", () => {
  const good = newTurn[2]?.payload as Record<string, unknown>;
  const entry = (good.messages as unknown[])[0] as Record<string, unknown>;

  it.each([
    ["null", null],
    ["a tail (no kind)", newTurn[0]?.payload],
    ["an unknown kind", { ...good, kind: "snapshot" }],
    ["no messages", { ...good, messages: undefined }],
    ["no cursor", { ...good, deltaCursor: "" }],
    ["no session row", { ...good, sessionInfo: null }],
    ["an entry without the message inside", { ...good, messages: [{ ...entry, message: undefined }] }],
    ["a bare row instead of an entry", { ...good, messages: [entry.message] }],
    ["a row without a seq", { ...good, messages: [{ ...entry, message: { role: "user", content: "hi", __openclaw: { id: "x" } } }] }],
    ["an entry whose messageId is another row's", { ...good, messages: [{ ...entry, messageId: "someone-else" }] }],
    ["activity that is not a list", { ...good, activity: { messageId: "x" } }],
  ])("%s is unusable", (_name, payload) => {
    expect(readDeltaAnswer(payload).kind).toBe("unusable");
  });
});

describe("mergeDelta", () => {
  const [tail, empty, afterTurn, , nextTail] = newTurn as [Read, Read, Read, Read, Read];

  it("appends the new rows: the held tail plus the delta is the tail read after the turn", () => {
    const result = merged(mergeDelta(tail.payload.messages, tail.payload.activity, deltaOf(afterTurn)));
    expect(result.rows).toEqual(nextTail.payload.messages);
    expect(result.added).toBe(2);
    expect(result.activity).toEqual([]);
  });

  it("an empty delta changes nothing", () => {
    const result = merged(mergeDelta(tail.payload.messages, tail.payload.activity, deltaOf(empty)));
    expect(result.rows).toEqual(tail.payload.messages);
    expect(result.added).toBe(0);
  });

  it("rows already held are replaced where they stand, never shown twice", () => {
    const result = merged(mergeDelta(nextTail.payload.messages, nextTail.payload.activity, deltaOf(afterTurn)));
    expect(result.rows).toEqual(nextTail.payload.messages);
    expect(result.added).toBe(0);
    expect(texts(result.rows).filter((text) => text.startsWith("Second message"))).toHaveLength(1);
  });

  it("a new row that belongs among the held ones is a gap: the held copy lost a row, so the tail is read whole", () => {
    const missingOne = nextTail.payload.messages.filter((_row, index) => index !== 2);
    const result = mergeDelta(missingOne, undefined, deltaOf(afterTurn));
    expect(result).toEqual({ kind: "gap", reason: expect.stringContaining("seq 3, not past the newest held (4)") });
  });

  it("a run's rows read mid-run and again after it: one copy each, and the tool titles as a tail gives them once the run is over", () => {
    const [before, mid, , fromBefore] = inFlight as [Read, Read, Read, Read];
    const held = merged(mergeDelta(before.payload.messages, before.payload.activity, deltaOf(mid)));
    const done = merged(mergeDelta(held.rows, held.activity, deltaOf(fromBefore)));
    expect(fromBefore.params.cursor).toBe(before.payload.deltaCursor);
    expect(done.rows).toEqual(restart[0]?.payload.messages);
    expect(done.added).toBe(1);
  });

  it("SIGKILL mid-run: the interrupted turn, the gateway's resume note and the resumed run, each once, with the titles of a tail read", () => {
    const [preKill, midRun, , fromPreKill, , resuming, , finished, postTail, allSince] = sigkill as Read[] as [Read, Read, Read, Read, Read, Read, Read, Read, Read, Read];
    // What the page held: the tail, then what it caught up on mid-run and while the resumed run was going.
    let held = merged(mergeDelta(preKill.payload.messages, preKill.payload.activity, deltaOf(midRun)));
    held = merged(mergeDelta(held.rows, held.activity, deltaOf(fromPreKill)));
    held = merged(mergeDelta(held.rows, held.activity, deltaOf(resuming)));
    expect(held.activity).toContainEqual(expect.objectContaining({ items: [expect.objectContaining({ title: "Exec — outcome unknown", toolCallId: "call_c61f7d3ea755481ba5c7f82a" })] }));
    // Re-read from before the run: every row replaced by its final copy, the resumed tool now "Exec", completed.
    const done = merged(mergeDelta(held.rows, held.activity, deltaOf(finished)));
    expect(done.rows).toEqual(postTail.payload.messages);
    expect(done.activity).toEqual(postTail.payload.activity);
    expect(texts(done.rows).filter((text) => text.startsWith("[System] Your previous turn was interrupted by a gateway restart"))).toHaveLength(1);
    expect(merged(mergeDelta(preKill.payload.messages, preKill.payload.activity, deltaOf(allSince))).rows).toEqual(postTail.payload.messages);
  });
});

describe("which cursor is held", () => {
  it("a read that found the session idle gives its own cursor; a read with a run going keeps the one held", () => {
    const [before, mid, after] = inFlight as [Read, Read, Read];
    expect(readFoundIdle(before.payload.sessionInfo, before.payload.inFlightRun)).toBe(true);
    expect(readFoundIdle(mid.payload.sessionInfo, mid.payload.inFlightRun)).toBe(false);
    expect(readFoundIdle(after.payload.sessionInfo, after.payload.inFlightRun)).toBe(true);
    expect(cursorAfterRead("held", { cursor: mid.payload.deltaCursor, idle: false })).toBe("held");
    expect(cursorAfterRead("held", { cursor: after.payload.deltaCursor, idle: true })).toBe(after.payload.deltaCursor);
    expect(cursorAfterRead(undefined, { cursor: mid.payload.deltaCursor, idle: false })).toBeUndefined();
  });

  it("after a SIGKILL the resumed run is active before it is in flight: not idle either", () => {
    const afterKill = sigkill[2] as Read;
    expect(afterKill.payload.inFlightRun).toBeUndefined();
    expect(readFoundIdle(afterKill.payload.sessionInfo, afterKill.payload.inFlightRun)).toBe(false);
    expect(readFoundIdle({}, undefined)).toBe(false);
  });
});

describe("pageAfterDelta", () => {
  it("counts the new rows in the total and in the offset of the older pages, so the tail starts where it did", () => {
    expect(pageAfterDelta({ hasMore: true, nextOffset: 200, totalMessages: 1_000 }, 3)).toEqual({ hasMore: true, nextOffset: 203, totalMessages: 1_003 });
    expect(pageAfterDelta({ hasMore: false, totalMessages: 4 }, 2)).toEqual({ hasMore: false, nextOffset: undefined, totalMessages: 6 });
  });
});
