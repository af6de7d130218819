import { describe, expect, it } from "vitest";
import { captureSignals } from "./capture-fixtures";
import { foldTimeline } from "./fold-run";
import { describeHandoff, wasHandedOn } from "./run-handoff";
import { deriveRunOutcome } from "./run-outcome";

function liveRun(capture: string, runId: string) {
  return foldTimeline(runId, captureSignals(capture, runId));
}

describe("wasHandedOn on the real gateway's frames", () => {
  it("is true for the run id of a message steered into the running reply (one bare chat final)", () => {
    expect(wasHandedOn(liveRun("steer-default-mode.jsonl", "second-steer"))).toBe(true);
  });

  it("is true for the run id of a message queued behind it in followup mode", () => {
    expect(wasHandedOn(liveRun("steer-followup-mode.jsonl", "second-followup"))).toBe(true);
  });

  it("is false for runs that ran, and for a gateway command answered at once", () => {
    expect(wasHandedOn(liveRun("steer-default-mode.jsonl", "first-steer"))).toBe(false);
    expect(wasHandedOn(liveRun("steer-followup-mode.jsonl", "first-followup"))).toBe(false);
    expect(wasHandedOn(liveRun("steer-followup-mode.jsonl", "queue-mode-1"))).toBe(false);
  });
});

describe("describeHandoff", () => {
  const shared = liveRun("steer-default-mode.jsonl", "first-steer");

  it("says a queued message waits, and a steered one where its answer and timeline are, with the shared run's outcome", () => {
    expect(describeHandoff({ kind: "queued" })).toBe("Queued behind the reply already running: its answer will show here.");
    const ended = deriveRunOutcome(shared, { now: shared.lastEventAt, connection: "online" });
    expect(describeHandoff({ kind: "steered", outcome: ended })).toBe("Steered into the reply already running · Completed. Its timeline is under the message that started it.");
    expect(describeHandoff({ kind: "steered", outcome: undefined })).toBe("Steered into the reply already running. Its timeline is under the message that started it.");
  });

  it("while the shared run still runs, says the answer is still to come", () => {
    const beforeEnd = foldTimeline("first-steer", captureSignals("steer-default-mode.jsonl", "first-steer").filter((signal) => signal.kind !== "chat-final" && !signal.kind.startsWith("lifecycle-end")));
    const running = deriveRunOutcome(beforeEnd, { now: beforeEnd.lastEventAt, connection: "online" });
    expect(running.kind).toBe("running");
    expect(describeHandoff({ kind: "steered", outcome: running })).toBe(
      "Steered into the reply already running: its answer will show here when it comes. Its timeline is under the message that started it.",
    );
  });
});
