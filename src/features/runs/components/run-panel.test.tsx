// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { RunOutcome } from "../model/run-outcome";
import type { RunTimeline, TimelineStep } from "../model/run-timeline";
import { RunPanel } from "./run-panel";

afterEach(cleanup);

const T0 = 1_800_000_000_000;

function lifecycle(index: number, label: string): TimelineStep {
  return { id: `l${index}`, kind: "lifecycle", event: "started", label, at: T0 + index * 1_000, source: "live" };
}

const run: RunTimeline = {
  runId: "r1",
  status: "ended",
  phase: { kind: "ended" },
  createdAt: T0,
  endedAt: T0 + 7_187,
  lastEventAt: T0 + 7_187,
  lastEventLabel: "completed",
  text: "",
  thinking: "",
  steps: Array.from({ length: 7 }, (_, index) => lifecycle(index, `step ${index}`)),
  stats: { signals: 7, unknown: 0, extraTerminals: 0 },
};

const noWork: RunOutcome = { kind: "degraded", title: "No work performed", summary: "s", reasons: ["promised-no-work"], retries: 0 };

describe("RunPanel", () => {
  it("names the timeline, its whole step count and duration, and the outcome, each in its own element", () => {
    render(<RunPanel run={run} outcome={noWork} open={false} onToggle={() => undefined} />);
    const panel = screen.getByRole("region", { name: "Run timeline" });
    const toggle = within(panel).getByRole("button", { name: "Timeline 7 steps · 7.2 s" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(within(toggle).getByText("Timeline").textContent).toBe("Timeline");
    expect(within(toggle).getByText(/steps/).textContent).toBe("7 steps · 7.2 s");
    expect(within(panel).getByText("No work performed").parentElement).toBe(toggle.parentElement);
    expect(within(panel).queryByRole("list")).toBeNull();
  });

  it("leaves its open state to the turn: a click asks, the prop decides", () => {
    const onToggle = vi.fn();
    const { rerender } = render(<RunPanel run={run} outcome={noWork} open={false} onToggle={onToggle} />);
    fireEvent.click(screen.getByRole("button", { name: /^Timeline/ }));
    expect(onToggle).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("list")).toBeNull();
    rerender(<RunPanel run={run} outcome={noWork} open onToggle={onToggle} />);
    expect(screen.getByRole("button", { name: /^Timeline/ }).getAttribute("aria-expanded")).toBe("true");
    expect(within(screen.getByRole("list")).getAllByRole("listitem")).toHaveLength(7);
  });
});
