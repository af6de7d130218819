// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { EMPTY_TEXT } from "../model/bounded-text";
import type { RunOutcome } from "../model/run-outcome";
import type { RunTimeline, TimelineStep } from "../model/run-timeline";
import { runOfSteps, T0 } from "../model/test-signals";
import { RunPanel } from "./run-panel";
import { RunWaterfall } from "./run-waterfall";

afterEach(cleanup);


/** The captures cannot be read under jsdom; these runs copy their shapes with round times (the model tests use the captures). */
/** Steps given in ms after T0, as a run. */
function runOf(steps: TimelineStep[], end: number | undefined): RunTimeline {
  return runOfSteps(
    steps.map((step) => ({ ...step, at: T0 + step.at, ...(step.endedAt !== undefined ? { endedAt: T0 + step.endedAt } : {}) })),
    end,
  );
}

const modelSelected: TimelineStep = { id: "lifecycle:model", kind: "lifecycle", event: "model-selected", label: "model fake/fake-model", at: 200, source: "live" };

const withTool = runOf(
  [
    modelSelected,
    {
      id: "tool:t1",
      kind: "tool",
      toolCallId: "t1",
      name: "exec",
      title: "Exec print text → run uname",
      at: 1_200,
      endedAt: 9_200,
      source: "live",
      output: EMPTY_TEXT,
      isError: false,
      status: "done",
    },
    { id: "text:s1", kind: "text", segmentId: "s1", text: "done", at: 9_700, source: "live" },
  ],
  10_000,
);

function retry(attempt: number, at: number, delayMs: number): TimelineStep {
  return { id: `retry:${attempt}`, kind: "retry", attempt, maxAttempts: 10, reason: "rate_limit", delayMs, at, source: "live" };
}

const withRetries = runOf([modelSelected, retry(2, 500, 1_000), retry(3, 3_000, 3_000), { id: "text:s1", kind: "text", segmentId: "s1", text: "ok", at: 6_500, source: "live" }], 7_000);

function barNames(lane: string): string[] {
  return within(screen.getByRole("group", { name: lane }))
    .getAllByRole("button")
    .map((bar) => bar.getAttribute("aria-label") ?? "");
}

describe("RunWaterfall", () => {
  it("names each lane's bars with exact times, sizes them as a share of the run, and gives the breakdown in numbers", () => {
    render(<RunWaterfall run={withTool} now={0} />);
    const waterfall = screen.getByRole("region", { name: "Run waterfall" });
    expect(barNames("Model")).toEqual([
      "Queued: 200 ms, from +0 ms to +200 ms",
      "Model: waiting for its first output: 1.0 s, from +200 ms to +1.2 s",
      "Model: waiting for its first output: 500 ms, from +9.2 s to +9.7 s",
      "Model: streaming: 300 ms, from +9.7 s to +10.0 s",
    ]);
    const exec = within(screen.getByRole("group", { name: "Tools" })).getByRole("button", { name: "exec · Exec print text → run uname: 8.0 s, from +1.2 s to +9.2 s" });
    expect(exec.style.width).toBe("80%");
    expect(within(screen.getByRole("group", { name: "Connection" })).queryAllByRole("button")).toHaveLength(0);
    expect(within(waterfall).getByText("connected throughout")).toBeTruthy();
    expect(within(waterfall).getByText("+10.0 s")).toBeTruthy();
    expect(within(waterfall).getByRole("group", { name: "Where the time went" }).textContent).toBe("Queued 200 ms · Model 1.8 s · Tools 8.0 s");
  });

  it("shows the same exact text on focus and on hover, and the hint otherwise", () => {
    render(<RunWaterfall run={withRetries} now={0} />);
    const waterfall = screen.getByRole("region", { name: "Run waterfall" });
    const hint = "Hover or focus a bar for its exact times; arrow keys move between bars.";
    expect(within(waterfall).getByText(hint)).toBeTruthy();
    expect(barNames("Retry waits")).toEqual(["Wait before attempt 2 of 10 (rate limit): 1.0 s, from +500 ms to +1.5 s", "Wait before attempt 3 of 10 (rate limit): 3.0 s, from +3.0 s to +6.0 s"]);
    const [first, second] = within(screen.getByRole("group", { name: "Retry waits" })).getAllByRole("button");
    if (!first || !second) throw new Error("expected two retry bars");
    act(() => first.focus());
    expect(within(waterfall).getByText("Wait before attempt 2 of 10 (rate limit): 1.0 s, from +500 ms to +1.5 s", { selector: "p" })).toBeTruthy();
    fireEvent.mouseEnter(second);
    expect(within(waterfall).getByText("Wait before attempt 3 of 10 (rate limit): 3.0 s, from +3.0 s to +6.0 s", { selector: "p" })).toBeTruthy();
    expect(second.getAttribute("title")).toBe("Wait before attempt 3 of 10 (rate limit): 3.0 s, from +3.0 s to +6.0 s");
    fireEvent.mouseLeave(waterfall);
    expect(within(waterfall).getByText("Wait before attempt 2 of 10 (rate limit): 1.0 s, from +500 ms to +1.5 s", { selector: "p" })).toBeTruthy();
    act(() => first.blur());
    fireEvent.mouseLeave(waterfall);
    expect(within(waterfall).getByText(hint)).toBeTruthy();
    expect(within(waterfall).getByRole("group", { name: "Where the time went" }).textContent).toBe("Queued 200 ms · Model 2.8 s · Retry waits 4.0 s");
  });

  it("is one tab stop: arrow keys, Home and End move focus across the bars of every lane", () => {
    render(<RunWaterfall run={withRetries} now={0} />);
    const all = within(screen.getByRole("region", { name: "Run waterfall" })).getAllByRole("button");
    expect(all.map((bar) => bar.tabIndex)).toEqual([0, -1, -1, -1, -1, -1, -1]);
    const [queued] = all;
    if (!queued) throw new Error("expected bars");
    act(() => queued.focus());
    fireEvent.keyDown(queued, { key: "ArrowRight" });
    expect(document.activeElement?.getAttribute("aria-label")).toBe("Model: no answer: 300 ms, from +200 ms to +500 ms");
    expect(all.map((bar) => bar.tabIndex)).toEqual([-1, 0, -1, -1, -1, -1, -1]);
    fireEvent.keyDown(document.activeElement as Element, { key: "End" });
    expect(document.activeElement?.getAttribute("aria-label")).toBe("Wait before attempt 3 of 10 (rate limit): 3.0 s, from +3.0 s to +6.0 s");
    fireEvent.keyDown(document.activeElement as Element, { key: "ArrowDown" });
    expect(document.activeElement?.getAttribute("aria-label")).toBe("Wait before attempt 3 of 10 (rate limit): 3.0 s, from +3.0 s to +6.0 s");
    fireEvent.keyDown(document.activeElement as Element, { key: "ArrowUp" });
    expect(document.activeElement?.getAttribute("aria-label")).toBe("Wait before attempt 2 of 10 (rate limit): 1.0 s, from +500 ms to +1.5 s");
    fireEvent.keyDown(document.activeElement as Element, { key: "Home" });
    expect(document.activeElement).toBe(queued);
  });

  it("draws a live run to now, with the disconnect, the restart and a hatched gap", () => {
    const run = runOf(
      [
        modelSelected,
        { id: "text:s1", kind: "text", segmentId: "s1", text: "slow1", at: 1_000, source: "live" },
        { id: "gap:4-7", kind: "gap", expected: 4, received: 7, at: 2_000, source: "live" },
        { id: "connection:disconnected", kind: "connection", event: "disconnected", code: 1012, words: "1012 gateway restarting", at: 3_000, source: "live" },
        { id: "connection:restarted", kind: "connection", event: "gateway-restarted", words: "gateway restarted", at: 7_000, source: "live" },
      ],
      undefined,
    );
    render(<RunWaterfall run={run} now={T0 + 8_000} />);
    expect(barNames("Connection")).toEqual(["Disconnected: 1012 gateway restarting: 4.0 s, from +3.0 s to +7.0 s", "Gateway restarted, at +7.0 s"]);
    const gap = within(screen.getByRole("group", { name: "Missed events" })).getByRole("button", { name: "Missed 3 events (seq 4–6): 1.0 s, from +1.0 s to +2.0 s" });
    expect(gap.className).toContain("repeating-linear-gradient");
    expect(screen.getByRole("group", { name: "Where the time went" }).textContent).toBe("Queued 200 ms · Model 3.8 s · Disconnected 4.0 s");
  });
});

describe("RunPanel's Waterfall | Steps choice", () => {
  it("opens on the steps and shows the waterfall when chosen", () => {
    const completed: RunOutcome = { kind: "completed", title: "Completed", summary: "s" };
    render(<RunPanel run={withTool} outcome={completed} open onToggle={() => undefined} />);
    const choice = screen.getByRole("group", { name: "Show the run as" });
    const steps = within(choice).getByRole("button", { name: "Steps" });
    const waterfall = within(choice).getByRole("button", { name: "Waterfall" });
    expect([steps.getAttribute("aria-pressed"), waterfall.getAttribute("aria-pressed")]).toEqual(["true", "false"]);
    expect(screen.getAllByRole("listitem")).toHaveLength(3);
    expect(screen.queryByRole("region", { name: "Run waterfall" })).toBeNull();
    fireEvent.click(waterfall);
    expect(waterfall.getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("region", { name: "Run waterfall" })).toBeTruthy();
    expect(screen.queryAllByRole("listitem")).toHaveLength(0);
  });
});
