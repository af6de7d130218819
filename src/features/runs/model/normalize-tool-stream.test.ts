import { describe, expect, it } from "vitest";
import { commandOutputStreamBody, itemStreamBody, toolStreamBody } from "./normalize-tool-stream";

describe("toolStreamBody", () => {
  it("needs a toolCallId", () => {
    expect(toolStreamBody({ phase: "start", name: "exec" })).toEqual({ kind: "unknown", event: "agent", detail: "tool without toolCallId" });
  });

  it("calls an unnamed tool 'tool' at its start", () => {
    expect(toolStreamBody({ phase: "start", toolCallId: "c1", args: { command: "ls" } })).toEqual({ kind: "tool-start", toolCallId: "c1", name: "tool", args: { command: "ls" } });
  });

  it("reads a bare-string partial result", () => {
    expect(toolStreamBody({ phase: "update", toolCallId: "c1", partialResult: "line 1\n" })).toEqual({ kind: "tool-update", toolCallId: "c1", partialText: "line 1\n" });
  });

  it("reads the exit code and duration from the result's details, and the error summary from its message", () => {
    expect(
      toolStreamBody({
        phase: "result",
        toolCallId: "c1",
        name: "exec",
        isError: true,
        result: { content: [{ type: "text", text: "no such file" }], details: { exitCode: 2, durationMs: 12 } },
        toolErrorSummary: { message: "exit 2" },
      }),
    ).toEqual({ kind: "tool-result", toolCallId: "c1", name: "exec", isError: true, resultText: "no such file", exitCode: 2, durationMs: 12, errorText: "exit 2" });
  });

  it("drops a blank error summary", () => {
    expect(toolStreamBody({ phase: "result", toolCallId: "c1", toolErrorSummary: "  " })).toEqual({ kind: "tool-result", toolCallId: "c1", isError: false });
  });

  it("keeps input deltas as activity and an unknown phase as unknown", () => {
    expect(toolStreamBody({ phase: "input_delta", toolCallId: "c1" })).toEqual({ kind: "activity", label: "tool:input" });
    expect(toolStreamBody({ phase: "later", toolCallId: "c1" })).toEqual({ kind: "unknown", event: "agent", detail: "tool phase later" });
  });
});

describe("itemStreamBody", () => {
  it("reads an activity card, with kind 'unknown' when the gateway names none", () => {
    expect(itemStreamBody({ phase: "end", itemId: "i1", title: "Exec print text", toolCallId: "c1", error: { summary: "failed" }, startedAt: 1, endedAt: 5 })).toEqual({
      kind: "item",
      phase: "end",
      itemId: "i1",
      itemKind: "unknown",
      title: "Exec print text",
      toolCallId: "c1",
      error: "failed",
      startedAt: 1,
      endedAt: 5,
    });
  });

  it("needs an id and a phase it knows", () => {
    expect(itemStreamBody({ phase: "later", itemId: "i1" })).toEqual({ kind: "unknown", event: "agent", detail: "item without id/phase" });
    expect(itemStreamBody({ phase: "start" })).toEqual({ kind: "unknown", event: "agent", detail: "item without id/phase" });
  });
});

describe("commandOutputStreamBody", () => {
  it("reads output deltas and the exit", () => {
    expect(commandOutputStreamBody({ phase: "end", toolCallId: "c1", exitCode: 0, durationMs: 315 })).toEqual({
      kind: "command-output",
      phase: "end",
      toolCallId: "c1",
      exitCode: 0,
      durationMs: 315,
    });
  });

  it("reads a delta's output as the gateway sends it: everything printed so far, not a chunk", () => {
    expect(commandOutputStreamBody({ phase: "delta", toolCallId: "c1", name: "exec", output: "step 1\nstep 2", status: "running" })).toEqual({
      kind: "command-output",
      phase: "delta",
      toolCallId: "c1",
      name: "exec",
      output: "step 1\nstep 2",
    });
  });

  it("keeps any other phase as activity", () => {
    expect(commandOutputStreamBody({ phase: "start" })).toEqual({ kind: "activity", label: "command_output" });
  });
});
