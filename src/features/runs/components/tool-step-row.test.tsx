// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { formatClockTime } from "@/lib/clock-time";
import { EMPTY_TEXT } from "../model/bounded-text";
import type { ToolStep } from "../model/run-timeline";
import { ToolStepRow } from "./tool-step-row";

const AT = 1_796_115_930_000;

const exec: ToolStep = {
  id: "tool:call_1",
  kind: "tool",
  toolCallId: "call_1",
  name: "exec",
  args: { command: "sleep 8" },
  at: AT,
  source: "live",
  output: EMPTY_TEXT,
  isError: false,
  status: "running",
};

afterEach(cleanup);

describe("ToolStepRow", () => {
  it("a call settled at the drop says so with its time, and its duration stops there", () => {
    render(<ToolStepRow step={{ ...exec, status: "unknown", unsettled: { at: AT + 2_400, why: "connection-lost" }, endedAt: AT + 2_400, durationMs: 2_400 }} offset="+1.1 s" />);
    expect(screen.getByRole("button", { name: /exec/ }).textContent).toBe(`+1.1 s▸execRun sleep 8unknown since the connection dropped at ${formatClockTime(AT + 2_400)}2.4 s`);
  });

  it("a call the gateway is running says running, with no duration yet", () => {
    render(<ToolStepRow step={exec} offset="+1.1 s" />);
    expect(screen.getByRole("button", { name: /exec/ }).textContent).toBe("+1.1 s▾execRun sleep 8running");
  });

  it("a finished call shows its exit and the gateway's duration", () => {
    render(<ToolStepRow step={{ ...exec, status: "done", exitCode: 0, endedAt: AT + 900, durationMs: 315 }} offset="+1.1 s" />);
    expect(screen.getByRole("button", { name: /exec/ }).textContent).toBe("+1.1 s▸execRun sleep 8done · exit 0315 ms");
  });
});
