import { describe, expect, it } from "vitest";
import { EMPTY_TEXT } from "./bounded-text";
import { groupSteps, summarizeTools } from "./group-steps";
import type { TimelineStep, ToolStep } from "./run-timeline";

function tool(id: string, name: string, at: number): ToolStep {
  return { id: `tool:${id}`, kind: "tool", at, source: "live", toolCallId: id, name, output: EMPTY_TEXT, isError: false, status: "done" };
}

function text(at: number): TimelineStep {
  return { id: `text:${at}`, kind: "text", at, source: "live", segmentId: `${at}`, text: "Now editing." };
}

describe("groupSteps", () => {
  it("groups consecutive tool calls and leaves single ones alone", () => {
    const steps = [tool("1", "exec", 1), tool("2", "exec", 2), tool("3", "process", 3), text(4), tool("4", "read", 5), text(6)];
    const groups = groupSteps(steps);
    expect(groups.map((group) => group.kind)).toEqual(["tool-group", "single", "single", "single"]);
    expect(groups[0]).toMatchObject({ kind: "tool-group", summary: "ran 3 commands" });
    expect(groups[2]).toMatchObject({ kind: "single", step: { toolCallId: "4" } });
  });

  it.each([
    [["read", "ls"], "2 files read"],
    [["write", "edit", "apply_patch"], "3 edits"],
    [["web_search", "browser"], "2 tool calls"],
    [["exec", "exec", "read", "edit", "web_fetch"], "ran 2 commands, 1 file read, 1 edit, 1 tool call"],
  ])("summarizes %j as %j", (names, summary) => {
    expect(summarizeTools(names.map((name, index) => tool(`${index}`, name, index)))).toBe(summary);
  });

  it("handles an empty timeline", () => {
    expect(groupSteps([])).toEqual([]);
  });
});
