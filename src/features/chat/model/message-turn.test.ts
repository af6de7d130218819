import { describe, expect, it } from "vitest";
import { lastHistoryRows } from "@/testing/capture-frames";
import { turnOfMessage } from "./message-turn";
import { buildTranscript } from "./transcript";

// Two turns from the real gateway: "Say hi." and its reply; "Run the tool please." with a tool call, its result and the reply.
const history = lastHistoryRows("b-tool-call-exec.jsonl");
const turns = buildTranscript(history, []);

describe("turnOfMessage", () => {
  it("finds the turn of a user message by its transcript id", () => {
    expect(turns).toHaveLength(2);
    expect(turnOfMessage(history, turns, "75107626-8a59-4828-816d-107b7c0b1307")).toBe(0);
    expect(turnOfMessage(history, turns, "a9c0246f-d44e-46ce-99e0-75681712f653")).toBe(1);
  });

  it("finds the turn a reply, or a tool's result, belongs to", () => {
    expect(turnOfMessage(history, turns, "41f8cf28-352d-4470-94de-3ad7d1a4b9b5")).toBe(0);
    expect(turnOfMessage(history, turns, "1858a3fe-5adb-4b70-a400-eb251dd683be")).toBe(1);
    expect(turnOfMessage(history, turns, "c4d1ad39-0197-43e7-9e1e-e75cd076c24f")).toBe(1);
  });

  it("finds nothing for a message the history read so far does not have", () => {
    expect(turnOfMessage(history, turns, "not-loaded-yet")).toBe(-1);
    expect(turnOfMessage([], [], "75107626-8a59-4828-816d-107b7c0b1307")).toBe(-1);
  });
});
