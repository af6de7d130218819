import { describe, expect, it } from "vitest";
import { captureSignals } from "./capture-fixtures";
import { foldTimeline } from "./fold-run";
import { runsFromHistory } from "./history-to-runs";
import { mergeRunSources } from "./merge-run-sources";
import { describeHandoff, handedOnAt, takeInMoment, textBetween, waitsBehindAnotherRun, wasHandedOn } from "./run-handoff";
import { createRunFold, runTimeline } from "./fold-state";
import { deriveRunOutcome } from "./run-outcome";
import { stepsOfKind } from "./run-timeline";

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

  it("stays true when a read of history taken while the message waited named its run id as in flight", () => {
    const waited = runsFromHistory([], { inFlightRun: { runId: "second-steer", text: "" } })[0];
    const bare = liveRun("steer-default-mode.jsonl", "second-steer");
    expect(waited && wasHandedOn(mergeRunSources(waited, bare))).toBe(true);
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
    expect(describeHandoff({ kind: "queued", state: "waiting" })).toBe("Queued behind the reply already running: its answer will show here.");
    const ended = deriveRunOutcome(shared, { now: shared.lastEventAt, connection: "online" });
    expect(describeHandoff({ kind: "steered", outcome: ended })).toBe("Steered into the reply already running · Completed. Its timeline is under the message that started it.");
    expect(describeHandoff({ kind: "steered", outcome: undefined })).toBe("Steered into the reply already running. Its timeline is under the message that started it.");
  });

  it("says a queued message the gateway dropped will not be answered, and why", () => {
    expect(describeHandoff({ kind: "queued", state: "cancelled" })).toBe("Not answered: the gateway cleared it from the queue when the session was stopped. Send it again to get an answer.");
    expect(describeHandoff({ kind: "queued", state: "interrupted" })).toBe("Not answered: the gateway stopped while it waited, and it will not run on its own. Send it again to get an answer.");
    expect(describeHandoff({ kind: "queued", state: "gone" })).toBe(
      "Not answered: the gateway no longer holds it and nothing is running (its queue was cleared or the session reset). Send it again to get an answer.",
    );
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

describe("waitsBehindAnotherRun", () => {
  const sent = (runId: string, at: number) => runTimeline(createRunFold(runId, { at, sessionKey: "s" }));
  const running = foldTimeline("first-steer", captureSignals("steer-default-mode.jsonl", "first-steer").filter((signal) => signal.kind !== "chat-final" && !signal.kind.startsWith("lifecycle-end")));
  const ended = liveRun("steer-default-mode.jsonl", "first-steer");

  it("is true for a message sent after a run of its session that is still going", () => {
    const second = sent("second-steer", running.createdAt + 5_000);
    expect(waitsBehindAnotherRun(second, [running, second])).toBe(true);
  });

  it("is false with no earlier run going: after it ended, or with none at all", () => {
    const second = sent("second-steer", ended.createdAt + 20_000);
    expect(waitsBehindAnotherRun(second, [ended, second])).toBe(false);
    expect(waitsBehindAnotherRun(second, [second])).toBe(false);
  });

  it("is false once the message's own run started", () => {
    expect(waitsBehindAnotherRun(running, [sent("older", running.createdAt - 1), running])).toBe(false);
  });
});

describe("the shared run's text on either side of the moment it took the steered message in", () => {
  const ANSWER = "Hello! I'm the scripted model that ships with Clawscope. You said: “Also, when done, say hi.”. Add a cue such as `fake:tool` or `fake:429x2` to your message to script a scenario.";
  const shared = liveRun("steer-default-mode.jsonl", "first-steer");
  const takenInAt = handedOnAt(liveRun("steer-default-mode.jsonl", "second-steer"));

  it("is when the steered message's run id got its bare final, live (after the tool ended)", () => {
    expect(takenInAt).toBe(Date.parse("2026-12-01T16:21:22.926Z"));
    expect(takenInAt).toBeGreaterThan(toolEndedAt(shared));
    expect(handedOnAt(shared)).toBeUndefined();
    expect(handedOnAt(undefined)).toBeUndefined();
  });

  it("after it: the answer to the steered message; before it: nothing (the first message got a tool call)", () => {
    expect(textBetween(shared, takenInAt ?? 0, undefined)).toBe(ANSWER);
    expect(textBetween(shared, undefined, takenInAt ?? 0)).toBe("");
  });
});

function toolEndedAt(run: ReturnType<typeof liveRun>): number {
  return run.steps.find((step) => step.kind === "tool")?.endedAt ?? Number.POSITIVE_INFINITY;
}

describe("one run that took two messages in (steer-twice.jsonl)", () => {
  // "Then talk for a while. fake:slow" (second-steer) was steered into first-steer after its tool, and "And after that,
  // say hi." (third-steer) while the slow reply streamed: the run answered each in turn, as the real gateway recorded.
  const SLOW = "This reply is streamed slowly, a few words at a time, so that you can watch the run inspector while the model is still talking. It keeps going for a while longer than a normal answer would, and then it finishes with a short closing sentence. Done.";
  const HI = "Hello! I'm the scripted model that ships with Clawscope. You said: “And after that, say hi.”. Add a cue such as `fake:tool` or `fake:429x2` to your message to script a scenario.";
  const signals = captureSignals("steer-twice.jsonl", "first-steer");
  const secondAt = handedOnAt(liveRun("steer-twice.jsonl", "second-steer"));
  const thirdAt = handedOnAt(liveRun("steer-twice.jsonl", "third-steer"));
  const before = (at: number) => foldTimeline("first-steer", signals.filter((signal) => signal.at <= at));

  it("took them in one after the other, the second while the first one's answer streamed", () => {
    expect(secondAt).toBe(Date.parse("2026-12-01T19:59:23.769Z"));
    expect(thirdAt).toBe(Date.parse("2026-12-01T19:59:33.335Z"));
    expect(thirdAt).toBeGreaterThan(secondAt ?? Infinity);
  });

  it("answers the first steered message with what it wrote until it took the second in, not with the second's answer", () => {
    const ended = liveRun("steer-twice.jsonl", "first-steer");
    expect(textBetween(ended, secondAt, thirdAt)).toBe(SLOW);
    expect(textBetween(ended, thirdAt, undefined)).toBe(HI);
    expect(textBetween(ended, undefined, secondAt)).toBe("");
    // The chat final's text is both answers joined; each text step of the timeline keeps its own.
    expect(ended.text).toBe(`${SLOW}\n\n${HI}`);
    expect(stepsOfKind(ended.steps, "text").map((step) => step.text)).toEqual([SLOW, HI]);
  });

  it("while the second steered message's answer streams, it is that message's alone", () => {
    const streaming = before((thirdAt ?? 0) + 400);
    expect(streaming.status).toBe("running");
    expect(textBetween(streaming, secondAt, thirdAt)).toBe(SLOW);
    expect(textBetween(streaming, thirdAt, undefined)).toBe(HI);
  });
});

describe("takeInMoment", () => {
  it("keeps the live moment and moves history's onto the browser's clock; nothing known is no moment", () => {
    expect(takeInMoment(1_000, 5_400, 5_000)).toEqual({ live: 1_000, history: 400 });
    expect(takeInMoment(undefined, 5_400, 5_000)).toEqual({ history: 400 });
    expect(takeInMoment(1_000, undefined, 5_000)).toEqual({ live: 1_000 });
    expect(takeInMoment(undefined, undefined, 5_000)).toBeUndefined();
  });
});
