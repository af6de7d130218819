// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { foldTimeline } from "../model/fold-run";
import { normalizeGatewayEvent, type GatewayEventFrame } from "../model/normalize-gateway-event";
import { stepsOfKind } from "../model/run-timeline";
import { StepRow } from "./step-row";

const AT = 1_796_120_600_000;
const SESSION = "agent:main:guarded1";

/**
 * The agent error the gateway itself broadcasts when a run's event numbering does not go on by one
 * (openclaw dist server-chat: `data: { reason: "seq gap", expected: last + 1, received: evt.seq }`).
 */
function seqGapFrame(expected: number, received: number): GatewayEventFrame {
  return { event: "agent", payload: { runId: "exec-run", stream: "error", ts: AT, sessionKey: SESSION, data: { reason: "seq gap", expected, received } } };
}

function gapRow(expected: number, received: number) {
  const signals = [
    ...normalizeGatewayEvent({ event: "agent", payload: { runId: "exec-run", stream: "lifecycle", sessionKey: SESSION, seq: 1, data: { phase: "start", startedAt: AT - 500 } } }, AT - 500),
    ...normalizeGatewayEvent(seqGapFrame(expected, received), AT),
  ];
  const run = foldTimeline("exec-run", signals, { at: AT - 500, sessionKey: SESSION });
  const [gap] = stepsOfKind(run.steps, "gap");
  if (!gap) throw new Error("no gap step");
  render(<StepRow step={gap} startAt={run.createdAt} />);
}

describe("the gateway's seq-gap report in a run's steps", () => {
  afterEach(cleanup);

  it("after `/exec …` (a command reply numbered 1, then the agent's events from 1 again) says nothing was missed, with no inverted range", () => {
    gapRow(2, 1);
    expect(screen.getByText("event numbering")).toBeInstanceOf(HTMLElement);
    expect(screen.getByText("the gateway numbered this run's events from 1 again (it expected 2); no events were missed")).toBeInstanceOf(HTMLElement);
    expect(screen.queryByText(/missed events|2–0/)).toBeNull();
  });

  it("names the events skipped when the numbering jumps ahead", () => {
    gapRow(4, 9);
    expect(screen.getByText("missed events")).toBeInstanceOf(HTMLElement);
    expect(screen.getByText("events 4–8 were missed; reconciled from history")).toBeInstanceOf(HTMLElement);
  });

  it("names a single skipped event as one", () => {
    gapRow(4, 5);
    expect(screen.getByText("event 4 was missed; reconciled from history")).toBeInstanceOf(HTMLElement);
  });
});
