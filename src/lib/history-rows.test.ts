import { describe, expect, it } from "vitest";
import { lastHistoryRows } from "@/testing/capture-frames";
import {
  mediaOfRow,
  idOfRow,
  isRestartRecoveryNote,
  isSyntheticMarker,
  roleOfRow,
  runIdOfReplyRow,
  runIdOfUserRow,
  textAsParagraphs,
  textAsStreamed,
  timeOfRow,
} from "./history-rows";
import { isRecord, type UnknownRecord } from "./read-untrusted";

/** The rows of the capture's last `chat.history` response. */
const historyRows = (capture: string): UnknownRecord[] => lastHistoryRows(capture).filter(isRecord);

const HISTORY_CAPTURES = ["history-after-sigterm-restart.jsonl", "history-after-sigkill-restart.jsonl", "history-after-sigkill-auto-recovery.jsonl", "b-tool-call-exec.jsonl", "d-auth-401.jsonl"];
const sigterm = historyRows("history-after-sigterm-restart.jsonl");
const recovered = historyRows("history-after-sigkill-auto-recovery.jsonl");
const restartNote = recovered.at(-1) as UnknownRecord;
const toolCallRow = sigterm[3] as UnknownRecord;
const toolResultRow = sigterm[4] as UnknownRecord;

describe("row readers on real chat.history rows", () => {
  it("reads each row's role", () => {
    expect(historyRows("b-tool-call-exec.jsonl").map(roleOfRow)).toEqual(["user", "assistant", "user", "assistant", "toolResult", "assistant"]);
    expect(roleOfRow({ content: "no role" })).toBeUndefined();
  });

  it("reads the transcript entry id from the envelope", () => {
    expect(idOfRow(restartNote)).toBe("b20dbc48-7849-4aa2-9f60-5d511f88f2ab");
    expect(idOfRow({ role: "user", content: "x" })).toBeUndefined();
    expect(idOfRow({ role: "user", __openclaw: { id: " " } })).toBeUndefined();
  });

  it("reads a user row's run id from its idempotency key without the :user suffix", () => {
    expect(runIdOfUserRow(restartNote)).toBe("a2c577b9-e657-4fd2-b6ff-79488a22528f");
    expect(sigterm.filter((row) => row.role === "user").map((row) => runIdOfUserRow(row)?.slice(0, 8))).toEqual([
      "0882011e",
      "92d9f85d",
      "5c028c22",
      "d8ced65c",
      "514dfa0b",
      "00fd17b8",
      "903fae66",
      "a7e55c37",
      "2def5189",
      "c57e3c16",
    ]);
  });

  it("falls back to the envelope's key, accepts a key without the suffix, and never returns an empty run id", () => {
    expect(runIdOfUserRow({ role: "user", idempotencyKey: "", __openclaw: { idempotencyKey: "run-a:user" } })).toBe("run-a");
    expect(runIdOfUserRow({ role: "user", idempotencyKey: "run-b" })).toBe("run-b");
    expect(runIdOfUserRow({ role: "user", idempotencyKey: ":user" })).toBeUndefined();
    expect(runIdOfUserRow({ role: "user", content: "typed elsewhere" })).toBeUndefined();
  });

  it("reads the run id the gateway stamps on reply rows, which user rows do not carry", () => {
    expect([toolCallRow, toolResultRow, sigterm[13] as UnknownRecord].map(runIdOfReplyRow)).toEqual([
      "92d9f85d-c3e0-4cd9-a09f-df8c8de1d079",
      "92d9f85d-c3e0-4cd9-a09f-df8c8de1d079",
      "00fd17b8-d858-461b-a8e3-e666df2124d2",
    ]);
    expect(runIdOfReplyRow(restartNote)).toBeUndefined();
  });
});

describe("timeOfRow", () => {
  it("is the message's timestamp, not the later time the gateway stored it", () => {
    expect(timeOfRow(restartNote)).toBe(1_795_486_530_848);
    expect((restartNote.__openclaw as UnknownRecord).recordTimestampMs).toBe(1_795_486_534_092);
  });

  it("falls back to the stored time for a row without a timestamp", () => {
    expect(timeOfRow({ role: "user", __openclaw: { recordTimestampMs: 1_234 } })).toBe(1_234);
    expect(timeOfRow({ role: "user", timestamp: Number.NaN, __openclaw: { recordTimestampMs: 1_234 } })).toBe(1_234);
    expect(timeOfRow({ role: "user" })).toBeUndefined();
  });
});

describe("isRestartRecoveryNote", () => {
  it("finds exactly the gateway's note in the real histories", () => {
    const notes = HISTORY_CAPTURES.flatMap(historyRows).filter(isRestartRecoveryNote);
    expect(notes).toEqual([restartNote]);
  });

  it("trusts the gateway's provenance mark whatever the wording", () => {
    expect(isRestartRecoveryNote({ role: "user", content: "Continue.", provenance: { kind: "internal_system", sourceTool: "main_session_restart_recovery" } })).toBe(true);
  });

  it("falls back to the note's full prefix when the gateway does not mark it", () => {
    const { provenance: _provenance, ...unmarked } = restartNote;
    expect(isRestartRecoveryNote(unmarked)).toBe(true);
    expect(isRestartRecoveryNote({ role: "user", content: [{ type: "text", text: "  [System] Your previous turn was interrupted by a gateway restart." }] })).toBe(true);
  });

  it("is never a person's message that only starts like the note, nor a row that is not a user row", () => {
    expect(isRestartRecoveryNote({ role: "user", content: "[System] Your previous turn was interrupted, please go on" })).toBe(false);
    expect(isRestartRecoveryNote({ role: "user", content: "[system] your previous turn was interrupted by a gateway restart" })).toBe(false);
    expect(isRestartRecoveryNote({ ...restartNote, role: "assistant" })).toBe(false);
  });
});

describe("isSyntheticMarker", () => {
  it("recognises compaction and reset markers by their envelope kind", () => {
    expect(isSyntheticMarker({ role: "system", content: [{ type: "text", text: "Compaction" }], timestamp: 1, __openclaw: { kind: "compaction", id: "comp-1" } })).toBe(true);
    expect(isSyntheticMarker({ role: "system", content: "", __openclaw: { kind: "reset" } })).toBe(true);
  });

  it("is no real message", () => {
    expect(HISTORY_CAPTURES.flatMap(historyRows).filter(isSyntheticMarker)).toEqual([]);
    expect(isSyntheticMarker({ role: "system", __openclaw: { kind: "" } })).toBe(false);
  });
});

describe("textAsParagraphs beside textAsStreamed", () => {
  const twoParts = [{ type: "text", text: "First." }, { type: "thinking", thinking: "hidden" }, { type: "text", text: "Second." }];

  it("the chat puts a blank line between text parts; a run joins them as they streamed", () => {
    expect(textAsParagraphs(twoParts)).toBe("First.\n\nSecond.");
    expect(textAsStreamed(twoParts)).toBe("First.Second.");
  });

  it("agree on a user row's plain string and a real single-part row", () => {
    expect(textAsParagraphs(restartNote.content)).toBe(restartNote.content);
    expect(textAsStreamed(restartNote.content)).toBe(restartNote.content);
    expect(textAsParagraphs(toolResultRow.content)).toBe("hello-from-fake-tool\nLinux");
    expect(textAsStreamed(toolResultRow.content)).toBe("hello-from-fake-tool\nLinux");
  });

  it("a row with no text part is empty to the chat and has no text for a run", () => {
    expect(textAsParagraphs(toolCallRow.content)).toBe("");
    expect(textAsStreamed(toolCallRow.content)).toBeUndefined();
    expect(textAsParagraphs(undefined)).toBe("");
    expect(textAsStreamed(undefined)).toBeUndefined();
  });

  it("an empty text part is skipped by the chat but still counts as text for a run", () => {
    const emptyReply = sigterm[19] as UnknownRecord;
    expect(emptyReply.content).toEqual([{ type: "text", text: "" }]);
    expect(textAsParagraphs([{ type: "text", text: "" }, { type: "text", text: "After." }])).toBe("After.");
    expect(textAsStreamed(emptyReply.content)).toBe("");
  });
});

describe("mediaOfRow", () => {
  it("lists the files the real gateway stored with a message sent with a PNG and a text file", () => {
    const [user, reply] = lastHistoryRows("history-with-attachments.jsonl") as UnknownRecord[];
    expect(user!.content).toBe("look at this");
    expect(mediaOfRow(user!)).toEqual([
      { fileName: "dot.png", contentType: "image/png", kind: "image", sizeBytes: 70 },
      { fileName: "notes.txt", contentType: "text/plain", kind: "document", sizeBytes: 11 },
    ]);
    expect(mediaOfRow(reply!)).toEqual([]);
  });

  it("names an entry without a file name by its place and skips what is not an entry", () => {
    expect(mediaOfRow({ role: "user", __openclaw: { media: [{ contentType: "image/png" }, "x", null] } })).toEqual([{ fileName: "attachment 1", contentType: "image/png" }]);
  });
});
