import { describe, expect, it } from "vitest";
import { findInbound, historyExchanges, lastHistoryRows } from "@/testing/capture-frames";
import type { OutboxEntry } from "./outbox";
import { buildTranscript, deliveredRunIds, replyShown } from "./transcript";

function historyOf(capture: string): unknown[] {
  const frame = findInbound(capture, (f) => f.type === "res" && Array.isArray((f.payload as { messages?: unknown })?.messages));
  return (frame.payload as { messages: unknown[] }).messages;
}

describe("buildTranscript (real chat.history)", () => {
  const history = historyOf("history-after-sigterm-restart.jsonl");
  const turns = buildTranscript(history, []);

  it("makes one turn per user message, keyed by the run id it was sent with", () => {
    expect(turns[0]).toMatchObject({
      runId: "0882011e-ed23-4121-bfe2-d629680dd03b",
      user: { text: "Say hi. fake:text", systemNote: false },
      replyText: "Hello from the fake LLM. This is a scripted reply.",
    });
    expect(new Set(turns.map((turn) => turn.key)).size).toBe(turns.length);
  });

  it("carries each saved user message's gateway entry id (`__openclaw.id`), which `sessions.fork` names it by", () => {
    const userRows = history.filter((row): row is { role: string; __openclaw: { id: string } } => typeof row === "object" && row !== null && (row as { role?: unknown }).role === "user");
    expect(turns[0]?.user?.entryId).toBe(userRows[0]?.__openclaw.id);
    expect(turns[0]?.user?.entryId).toBe("75107626-8a59-4828-816d-107b7c0b1307");
  });

  it("dates the message by its row and the reply by the row of the reply it shows", () => {
    const [first] = turns;
    const rows = history.filter((row): row is { role: string; timestamp: number } => typeof row === "object" && row !== null && "timestamp" in row);
    expect(first?.user?.at).toBe(rows[0]?.timestamp);
    expect(first?.replyAt).toBe(rows.find((row) => row.role === "assistant")?.timestamp);
    expect(first?.replyAt).toBeGreaterThan(first?.user?.at ?? Infinity);
  });

  it("shows a tool run's final reply, not the text before its tool call", () => {
    const toolTurn = turns.find((turn) => turn.user?.text.includes("fake:tool"));
    expect(toolTurn?.replyText).toBe("Tool finished. Result was: hello-from-fake-tool Linux");
  });

  it("never duplicates a message that is both pending here and already in history", () => {
    const pending: OutboxEntry[] = [
      { runId: "0882011e-ed23-4121-bfe2-d629680dd03b", sessionKey: "main", text: "Say hi. fake:text", createdAt: 1, status: "sent", attempts: 1 },
      { runId: "new-run", sessionKey: "main", text: "still sending", createdAt: 2, status: "sending", attempts: 1 },
    ];
    const withPending = buildTranscript(history, pending);
    expect(withPending).toHaveLength(turns.length + 1);
    expect(withPending.at(-1)).toMatchObject({ runId: "new-run", user: { text: "still sending", pending: "sending" } });
    expect(deliveredRunIds(history).has("0882011e-ed23-4121-bfe2-d629680dd03b")).toBe(true);
  });

  it("marks the gateway's restart-recovery message as a system note", () => {
    const recovered = buildTranscript(historyOf("history-after-sigkill-auto-recovery.jsonl"), []);
    expect(recovered.some((turn) => turn.user?.systemNote)).toBe(true);
  });

  it("ignores junk rows", () => {
    expect(buildTranscript([null, 3, "x", { role: "user", content: "hi" }], [])).toHaveLength(1);
  });
});

describe("buildTranscript uses the same turn split as the run timelines", () => {
  const user = (runId: string, text: string) => ({ role: "user", content: text, timestamp: 1, idempotencyKey: `${runId}:user` });
  const reply = (runId: string, text: string) => ({ role: "assistant", content: [{ type: "text", text }], stopReason: "stop", timestamp: 2, __openclaw: { runId } });

  it("shows a run's reply under that run's message when a message sent in its middle does not say it was steered into it", () => {
    const turns = buildTranscript([user("run-a", "first"), user("run-b", "also this"), reply("run-a", "answer a")], []);
    expect(turns.map((turn) => [turn.runId, turn.user?.text, turn.replyText])).toEqual([
      ["run-a", "first", "answer a"],
      ["run-b", "also this", ""],
    ]);
  });

  it("shows no empty turn for a compaction marker or a row that answers nobody", () => {
    const compaction = { role: "system", content: [{ type: "text", text: "Compaction" }], timestamp: 1, __openclaw: { kind: "compaction", id: "comp-1" } };
    const turns = buildTranscript([compaction, { role: "system", content: "note" }, user("run-a", "hi"), reply("run-a", "hello")], []);
    expect(turns.map((turn) => [turn.key, turn.user?.text, turn.replyText])).toEqual([["run-a", "hi", "hello"]]);
  });

  it("dates a row without a timestamp by the time the gateway stored it", () => {
    const [turn] = buildTranscript([{ role: "user", content: "hi", idempotencyKey: "run-a:user", __openclaw: { recordTimestampMs: 1_795_486_534_092 } }], []);
    expect(turn).toMatchObject({ at: 1_795_486_534_092, user: { at: 1_795_486_534_092 } });
  });

  it("takes the gateway's provenance mark for a restart note, and not a person's look-alike", () => {
    const marked = { role: "user", content: "Continue.", idempotencyKey: "run-n:user", provenance: { sourceTool: "main_session_restart_recovery" } };
    const lookalike = { role: "user", content: "[System] Your previous turn was interrupted, please go on", idempotencyKey: "run-p:user" };
    expect(buildTranscript([marked, lookalike], []).map((turn) => turn.user?.systemNote)).toEqual([true, false]);
  });
});


describe("buildTranscript with a message steered into the running reply (real history, default steer mode)", () => {
  const ANSWER = "Hello! I'm the scripted model that ships with Clawscope. You said: “Also, when done, say hi.”. Add a cue such as `fake:tool` or `fake:429x2` to your message to script a scenario.";

  it("shows the shared run's answer under the steered message, once, and names it on the first turn, whose run went on to answer it", () => {
    const turns = buildTranscript(lastHistoryRows("steer-default-mode.jsonl"), []);
    expect(turns.map((turn) => [turn.runId, turn.user?.text, turn.replyText, turn.steeredInto, turn.continuedBy])).toEqual([
      ["first-steer", "Count slowly. fake:slowtool", "", undefined, "second-steer"],
      ["second-steer", "Also, when done, say hi.", ANSWER, "first-steer", undefined],
    ]);
  });

  it("shows the shared run's text under no other turn: not under the first while history lacks it, nor twice", () => {
    const [first, steered] = buildTranscript(lastHistoryRows("steer-default-mode.jsonl"), []);
    expect(first && replyShown(first, ANSWER)).toBe("");
    expect(steered && replyShown(steered, "")).toBe(ANSWER);
    const [plain] = buildTranscript(historyOf("history-after-sigterm-restart.jsonl"), []);
    expect(plain && replyShown({ ...plain, replyText: "" }, "streamed so far")).toBe("streamed so far");
  });

  it("hands the shared run on from one steered message to the next: each answers until the next was taken in", () => {
    const row = (role: string, text: string, extra: Record<string, unknown>) => ({ role, content: [{ type: "text", text }], timestamp: 1, ...extra });
    const history = [
      row("user", "Count slowly.", { idempotencyKey: "first:user" }),
      row("user", "Then talk.", { idempotencyKey: "second:user", __openclaw: { steerTargetRunId: "first" } }),
      row("assistant", "Talking.", { __openclaw: { runId: "first" } }),
      row("user", "Then say hi.", { idempotencyKey: "third:user", __openclaw: { steerTargetRunId: "first" } }),
      row("assistant", "Hi.", { __openclaw: { runId: "first" } }),
    ];
    expect(buildTranscript(history, []).map((turn) => [turn.runId, turn.replyText, turn.steeredInto, turn.continuedBy, turn.nextSteered])).toEqual([
      ["first", "", undefined, "second", undefined],
      ["second", "Talking.", "first", undefined, "third"],
      ["third", "Hi.", "first", undefined, undefined],
    ]);
  });

  it("takes a steer the gateway announced live before history has the row: the message before it stops answering there", () => {
    const row = (role: string, text: string, extra: Record<string, unknown>) => ({ role, content: [{ type: "text", text }], timestamp: 1, ...extra });
    const history = [
      row("user", "Count slowly.", { idempotencyKey: "first:user" }),
      row("user", "Count once more.", { idempotencyKey: "second:user", __openclaw: { steerTargetRunId: "first" } }),
    ];
    const waiting: OutboxEntry = { runId: "third", sessionKey: "agent:main:s", text: "Then talk.", createdAt: 2, status: "sent", attempts: 1 };
    const link = (turns: ReturnType<typeof buildTranscript>) => turns.map((turn) => [turn.runId, turn.steeredInto, turn.continuedBy, turn.nextSteered]);
    expect(link(buildTranscript(history, [waiting]))).toEqual([
      ["first", undefined, "second", undefined],
      ["second", "first", undefined, undefined],
      ["third", undefined, undefined, undefined],
    ]);
    expect(link(buildTranscript(history, [waiting], undefined, new Map([["third", "first"]])))).toEqual([
      ["first", undefined, "second", undefined],
      ["second", "first", undefined, "third"],
      ["third", "first", undefined, undefined],
    ]);
    // History that already has the row unsteered (read between the gateway's two writes of it) gives way too.
    const unsteered = [...history, row("user", "Then talk.", { idempotencyKey: "third:user" })];
    expect(link(buildTranscript(unsteered, [], undefined, new Map([["third", "first"]])))).toEqual(link(buildTranscript(history, [waiting], undefined, new Map([["third", "first"]]))));
  });

  it("marks it steered while the shared run is still writing, before the answer is in history", () => {
    const midRun = historyExchanges("steer-default-mode.jsonl")[1]?.payload as { messages: unknown[] };
    const turns = buildTranscript(midRun.messages, []);
    expect(turns.map((turn) => [turn.runId, turn.replyText, turn.steeredInto, turn.continuedBy])).toEqual([
      ["first-steer", "", undefined, "second-steer"],
      ["second-steer", "", "first-steer", undefined],
    ]);
  });
});

describe("buildTranscript with attachments", () => {
  const history = historyOf("history-with-attachments.jsonl");

  it("lists the files the real gateway stored with the message, as chips without bytes after a reload", () => {
    expect(buildTranscript(history, [])[0]?.user?.attachments).toEqual([
      { fileName: "dot.png", kind: "image", mimeType: "image/png", sizeBytes: 70 },
      { fileName: "notes.txt", kind: "file", mimeType: "text/plain", sizeBytes: 11 },
    ]);
  });

  it("shows a picture this tab sent from its own copy, since history never returns the bytes", () => {
    const previews = (runId: string, fileName: string) => (runId === "p-1796123987147" && fileName === "dot.png" ? "data:image/png;base64,AAAA" : undefined);
    expect(buildTranscript(history, [], previews)[0]?.user?.attachments?.[0]).toEqual({ fileName: "dot.png", kind: "image", mimeType: "image/png", sizeBytes: 70, src: "data:image/png;base64,AAAA" });
  });

  it("shows a queued message's pictures from the outbox as data URLs", () => {
    const queued: OutboxEntry = {
      runId: "q1",
      sessionKey: "s",
      text: "",
      createdAt: 5,
      status: "waiting",
      attempts: 0,
      attachments: [
        { kind: "image", fileName: "a.png", mimeType: "image/png", sizeBytes: 3, content: "QUJD" },
        { kind: "file", fileName: "b.txt", mimeType: "text/plain", sizeBytes: 3, content: "QUJD" },
      ],
    };
    expect(buildTranscript([], [queued])[0]?.user?.attachments).toEqual([
      { fileName: "a.png", kind: "image", mimeType: "image/png", sizeBytes: 3, src: "data:image/png;base64,QUJD" },
      { fileName: "b.txt", kind: "file", mimeType: "text/plain", sizeBytes: 3 },
    ]);
  });
});
