// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { foldTimeline } from "../model/fold-run";
import { normalizeGatewayEvent, type GatewayEventFrame } from "../model/normalize-gateway-event";
import { stepsOfKind } from "../model/run-timeline";
import { StepRow } from "./step-row";

const AT = 1_796_120_600_000;

const RUN = "294300d2-adc6-4e88-abb2-5c28902674f6";
const SESSION = "agent:main:e2e-probe-mx4qcu2auvw";

/**
 * What openclaw 2026.9.6 sent for `/exec ask=always Please run the check. fake:approval` (recorded from the
 * e2e gateway): the command's reply numbered 1 under the run's id, then its own report of a "seq gap"
 * before the agent's events start at 1 again (dist server-chat: `expected: last + 1, received: evt.seq`).
 */
const AFTER_EXEC: GatewayEventFrame[] = [
  {
    event: "chat",
    seq: 6,
    payload: {
      runId: RUN,
      sessionKey: SESSION,
      seq: 1,
      state: "delta",
      deltaText: "⚙️ Exec policy for this run only (ask=always).",
      replace: true,
      message: { role: "assistant", content: [{ type: "text", text: "⚙️ Exec policy for this run only (ask=always)." }] },
    },
  },
  {
    event: "agent",
    seq: 10,
    payload: { runId: RUN, stream: "error", ts: 1796131575007, sessionKey: SESSION, isHeartbeat: false, data: { reason: "seq gap", expected: 2, received: 1 } },
  },
  {
    event: "agent",
    seq: 12,
    payload: { runId: RUN, stream: "run_status", data: { phase: "preparing_workspace" }, sessionKey: SESSION, agentId: "main", seq: 1, ts: 1796131574923, isHeartbeat: false },
  },
];

/** A gateway seq-gap report with other numbers, in the same shape. */
function seqGapFrame(expected: number, received: number): GatewayEventFrame {
  return { event: "agent", payload: { runId: RUN, stream: "error", ts: AT, sessionKey: SESSION, data: { reason: "seq gap", expected, received } } };
}

function gapRow(frames: readonly GatewayEventFrame[]) {
  const signals = frames.flatMap((frame, index) => normalizeGatewayEvent(frame, AT + index * 10));
  const run = foldTimeline(RUN, signals, { at: AT - 500, sessionKey: SESSION });
  const [gap] = stepsOfKind(run.steps, "gap");
  if (!gap) throw new Error("no gap step");
  render(<StepRow step={gap} startAt={run.createdAt} />);
}

describe("the gateway's seq-gap report in a run's steps", () => {
  afterEach(cleanup);

  it("after `/exec …` (a command reply numbered 1, then the agent's events from 1 again) says nothing was missed, with no inverted range", () => {
    gapRow(AFTER_EXEC);
    expect(screen.getByText("event numbering")).toBeInstanceOf(HTMLElement);
    expect(screen.getByText("the gateway numbered this run's events from 1 again (it expected 2); no events were missed")).toBeInstanceOf(HTMLElement);
    expect(screen.queryByText(/missed events|2–0/)).toBeNull();
  });

  it("names the events skipped when the numbering jumps ahead", () => {
    gapRow([seqGapFrame(4, 9)]);
    expect(screen.getByText("missed events")).toBeInstanceOf(HTMLElement);
    expect(screen.getByText("events 4–8 never arrived; the gateway's saved transcript fills in what it has")).toBeInstanceOf(HTMLElement);
  });

  it("names a single skipped event as one", () => {
    gapRow([seqGapFrame(4, 5)]);
    expect(screen.getByText("event 4 never arrived; the gateway's saved transcript fills in what it has")).toBeInstanceOf(HTMLElement);
  });
});

describe("where a step came from", () => {
  afterEach(cleanup);

  it.each([
    ["history", "from transcript", "Read from the gateway's saved transcript"],
    ["local-log", "from browser", "Read from this browser's saved copy of the run"],
  ] as const)("a step read from %s says so in plain words", (source, tag, words) => {
    const { container } = render(<StepRow step={{ id: "retry:2", kind: "retry", at: AT + 1_000, source, attempt: 2, maxAttempts: 10, reason: "rate_limit" }} startAt={AT} />);
    expect(container.textContent).toBe(`+1 sretryattempt 2 of 10, rate limit${words}${tag}`);
  });

  it("a fallback's outcome is said in words, not the gateway's code", () => {
    const { container } = render(
      <StepRow step={{ id: "fallback-step:1", kind: "fallback", at: AT, source: "live", from: "fake/fake-model", reason: "rate_limit", outcome: "chain_exhausted", attempts: [] }} startAt={AT} />,
    );
    expect(container.textContent).toBe("+0 msfallbackfake/fake-model → no further model (rate limit) · no fallback model left");
  });
});
