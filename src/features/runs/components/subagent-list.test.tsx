// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { RunTimeline } from "../model/run-timeline";
import type { SubagentView } from "../model/subagents";
import { SubagentList } from "./subagent-list";

afterEach(cleanup);

const T0 = 1_800_000_000_000;
const CHILD_KEY = "agent:main:subagent:386463e2-ca74-45f5-a9c4-45168543d83e";

const child: RunTimeline = {
  runId: "child-run",
  sessionKey: CHILD_KEY,
  status: "ended",
  phase: { kind: "ended" },
  createdAt: T0,
  endedAt: T0 + 3_300,
  lastEventAt: T0 + 3_300,
  lastEventLabel: "chat-final",
  // Model output is hostile text: it must render as characters, never as markup.
  text: '<img src=x onerror="window.__pwned=1"> done',
  thinking: "",
  steps: [{ id: "usage:r1", kind: "usage", at: T0 + 900, source: "history", input: 210, output: 13, cacheRead: 1024, total: 1247 }],
  stats: { signals: 9, unknown: 0, extraTerminals: 0 },
};

const view: SubagentView = {
  spawn: { toolCallId: "call_1", at: T0, task: "Print the greeting <b>now</b>", label: "kernel-check", status: "accepted", childSessionKey: CHILD_KEY, childRunId: "child-run", expectsAnnounce: true },
  child,
  name: "kernel-check",
  state: "completed",
  words: "Completed",
  durationMs: 3_300,
};

describe("SubagentList", () => {
  it("shows each child's task, state, session, steps and reply, inert", () => {
    const { container } = render(<SubagentList subagents={[view]} />);
    const card = screen.getByRole("region", { name: "Sub-agent kernel-check" });
    expect(within(card).getByRole("button", { expanded: true }).textContent).toBe("▾sub-agentkernel-checkcompleted3.3 s");
    expect(card.textContent).toContain("Task: Print the greeting <b>now</b>");
    expect(within(card).getByLabelText("Sub-agent status").textContent).toBe("Completed");
    expect(within(card).getByRole("listitem").textContent).toContain("in 210 · out 13 · cached 1,024");
    expect(within(card).getByLabelText("Sub-agent reply").textContent).toBe('<img src=x onerror="window.__pwned=1"> done');
    expect(container.querySelector("img, b")).toBeNull();
    expect(within(card).queryByRole("button", { name: "Open session" })).toBeNull();
  });

  it("opens the child's session on request, and folds", () => {
    const open = vi.fn();
    render(<SubagentList subagents={[view]} onOpenSession={open} />);
    fireEvent.click(screen.getByRole("button", { name: "Open session" }));
    expect(open).toHaveBeenCalledWith(CHILD_KEY);
    fireEvent.click(screen.getByRole("button", { expanded: true }));
    expect(screen.queryByLabelText("Sub-agent status")).toBeNull();
  });

  it.each([
    ["not-announced", "never reported back"],
    ["refused", "could not start"],
    ["timed-out", "timed out"],
  ] as const)("names the %s state in words on its chip", (state, words) => {
    render(<SubagentList subagents={[{ ...view, state, durationMs: undefined }]} />);
    expect(screen.getByRole("button", { expanded: true }).textContent).toBe(`▾sub-agentkernel-check${words}`);
  });

  it("renders nothing for a run that spawned no one", () => {
    const { container } = render(<SubagentList subagents={[]} />);
    expect(container.innerHTML).toBe("");
  });
});
