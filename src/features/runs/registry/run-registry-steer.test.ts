import { describe, expect, it } from "vitest";
import type { EventFrame } from "@openclaw/gateway-protocol";
import { classifyEventFrame } from "@/gateway/event-router";
import { readCapture } from "@/testing/capture-frames";
import { captureEvents, captureSignals, historyPayloads } from "../model/capture-fixtures";
import { foldTimeline } from "../model/fold-run";
import { handedOnAt, textBetween } from "../model/run-handoff";
import { historySnapshotOf } from "./history-snapshot-fixture";
import { RunRegistry } from "./run-registry";

// steer-slow-reply.jsonl: "Then talk for a while. fake:slow" was steered into the running "first-steer" after its
// tool; its bare final made the page read history while the shared run wrote its nine-second reply.
const CAPTURE = "steer-slow-reply.jsonl";
const SESSION = "agent:main:capture-steer";
const FULL = "This reply is streamed slowly, a few words at a time, so that you can watch the run inspector while the model is still talking. It keeps going for a while longer than a normal answer would, and then it finishes with a short closing sentence. Done.";

/** When the capture's third history read came back: mid-reply, with the reply's first words as in-flight text. */
function midReadAt(): number {
  const answers = readCapture(CAPTURE).filter((line) => line.dir === "in" && line.frame?.type === "res" && Array.isArray((line.frame.payload as { messages?: unknown })?.messages));
  const line = answers[2];
  if (!line) throw new Error("no mid-reply read");
  return Date.parse(line.ts);
}

function replay(until: number) {
  const registry = new RunRegistry({ readLocalLog: () => Promise.resolve([]), recordLocalLog: () => {} });
  registry.runSent("first-steer", SESSION, 0);
  registry.runSent("second-steer", SESSION, 1);
  const readAt = midReadAt();
  const mid = historyPayloads(CAPTURE)[2] ?? {};
  let read = false;
  for (const { frame, receivedAt } of captureEvents(CAPTURE)) {
    if (receivedAt > until) break;
    if (!read && receivedAt >= readAt) {
      const inFlight = mid.inFlightRun as { runId: string; text: string; startedAt: number };
      registry.historyLoaded(SESSION, historySnapshotOf(mid, readAt - 500, { inFlightRun: inFlight, hasActiveRun: true }));
      read = true;
    }
    const notice = classifyEventFrame({ type: "event", ...frame } as EventFrame);
    if (notice?.type === "run-event") registry.runEventReceived(notice, receivedAt);
  }
  return registry;
}

describe("RunRegistry: a read of history while a steered reply is written", () => {
  it("keeps the live reply growing past the read's in-flight text, and after the steer it is the steered message's", () => {
    const registry = replay(midReadAt() + 4_000);
    const shared = registry.getRun("first-steer");
    const takenInAt = handedOnAt(registry.getRun("second-steer"));
    expect(shared?.status).toBe("running");
    expect(takenInAt).toBeDefined();
    const inFlightText = (historyPayloads(CAPTURE)[2]?.inFlightRun as { text: string }).text;
    const after = shared && takenInAt !== undefined ? textBetween(shared, takenInAt, undefined) : "";
    expect(FULL.startsWith(after)).toBe(true);
    expect(after.length).toBeGreaterThan(inFlightText.length);
    expect(shared?.text).toBe(after);
  });

  it("ends with the whole reply", () => {
    expect(replay(Number.POSITIVE_INFINITY).getRun("first-steer")?.text).toBe(FULL);
  });
});

describe("RunRegistry: a reload in the middle of a reply", () => {
  // The page is opened at the capture's mid-reply read: it has nothing of the run, history's in-flight text is all
  // it has, and live deltas (ordered by the run's seq) carry the reply on from there.
  function reloadedAt(until: number) {
    const registry = new RunRegistry({ readLocalLog: () => Promise.resolve([]), recordLocalLog: () => {} });
    const readAt = midReadAt();
    const mid = historyPayloads(CAPTURE)[2] ?? {};
    const inFlight = mid.inFlightRun as { runId: string; text: string; startedAt: number };
    registry.historyLoaded(SESSION, historySnapshotOf(mid, readAt - 500, { inFlightRun: inFlight, hasActiveRun: true }));
    for (const { frame, receivedAt } of captureEvents(CAPTURE)) {
      if (receivedAt < readAt) continue;
      if (receivedAt > until) break;
      const notice = classifyEventFrame({ type: "event", ...frame } as EventFrame);
      if (notice?.type === "run-event") registry.runEventReceived(notice, receivedAt);
    }
    return registry;
  }

  it("shows the in-flight text at once", () => {
    const inFlightText = (historyPayloads(CAPTURE)[2]?.inFlightRun as { text: string }).text;
    expect(reloadedAt(midReadAt()).getRun("first-steer")?.text).toBe(inFlightText);
  });

  it("keeps the adopted reply growing with the live deltas after it, as far as a page that watched all along", () => {
    const until = midReadAt() + 4_000;
    const shared = reloadedAt(until).getRun("first-steer");
    const watched = foldTimeline("first-steer", captureSignals(CAPTURE, "first-steer").filter((signal) => signal.at <= until));
    const inFlightText = (historyPayloads(CAPTURE)[2]?.inFlightRun as { text: string }).text;
    expect(shared?.status).toBe("running");
    expect(watched.text.length).toBeGreaterThan(inFlightText.length);
    expect(shared?.text).toBe(watched.text);
  });
});

describe("RunRegistry: a read asked for before a message was steered in, answered after the steered reply began", () => {
  // The page asked for history just before the gateway took "Then talk…" in; the answer came back with the steered
  // reply's first words in flight, before their live deltas were folded. Those words are the steered message's.
  it("places the read's in-flight words after the steer, where the live reply then grows them", () => {
    const registry = new RunRegistry({ readLocalLog: () => Promise.resolve([]), recordLocalLog: () => {} });
    registry.runSent("first-steer", SESSION, 0);
    registry.runSent("second-steer", SESSION, 1);
    const mid = historyPayloads(CAPTURE)[2] ?? {};
    const inFlight = mid.inFlightRun as { runId: string; text: string; startedAt: number };
    let loaded = false;
    for (const { frame, receivedAt } of captureEvents(CAPTURE)) {
      const notice = classifyEventFrame({ type: "event", ...frame } as EventFrame);
      const takenInAt = handedOnAt(registry.getRun("second-steer"));
      if (!loaded && takenInAt !== undefined && notice?.type === "run-event" && notice.runId === "first-steer") {
        registry.historyLoaded(SESSION, historySnapshotOf(mid, takenInAt - 50, { inFlightRun: inFlight, hasActiveRun: true }), receivedAt);
        loaded = true;
      }
      if (notice?.type === "run-event") registry.runEventReceived(notice, receivedAt);
    }
    const shared = registry.getRun("first-steer");
    const takenInAt = handedOnAt(registry.getRun("second-steer"));
    expect(loaded).toBe(true);
    expect(shared && textBetween(shared, takenInAt, undefined)).toBe(FULL);
    expect(shared && textBetween(shared, undefined, takenInAt)).toBe("");
  });
});
