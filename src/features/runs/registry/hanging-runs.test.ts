/**
 * No run is left hanging: a run the page only heard of from a stray event
 * and that never started goes away, and a run whose agent ended without a
 * chat final stops holding the composer's Stop button.
 */
import { describe, expect, it } from "vitest";
import { deriveRunOutcome } from "../model/run-outcome";
import { LIFECYCLE_END_GRACE_MS, UNSTARTED_RUN_TTL_MS } from "./hanging-runs";
import { RunRegistry } from "./run-registry";

const SESSION = "agent:main:main";
const T0 = Date.parse("2026-11-24T04:23:30.000Z");

function makeRegistry() {
  return new RunRegistry({ readLocalLog: () => Promise.resolve([]), recordLocalLog: () => undefined });
}

function agent(runId: string, stream: string, data: Record<string, unknown>) {
  return { frame: { event: "agent", payload: { runId, sessionKey: SESSION, stream, data } }, runEnded: false };
}

describe("a run heard of only from a stray event", () => {
  it("holds Stop while fresh, and is dropped once it has not started for the bound", () => {
    const registry = makeRegistry();
    registry.runEventReceived({ frame: { event: "session.operation", payload: { runId: "ghost", sessionKey: SESSION } }, runEnded: false }, T0);
    expect(registry.getRun("ghost")?.status).toBe("queued");
    expect(registry.sessionRuns(SESSION).activeRunId).toBe("ghost");

    registry.sweep(T0 + UNSTARTED_RUN_TTL_MS - 1);
    expect(registry.sessionRuns(SESSION).activeRunId).toBe("ghost");
    registry.sweep(T0 + UNSTARTED_RUN_TTL_MS);
    expect(registry.getRun("ghost")).toBeUndefined();
    expect(registry.sessionRuns(SESSION)).toEqual({ runs: [], activeRunId: null });
    expect(registry.openRunIds()).toEqual([]);
  });

  it("is kept once it starts, and a run this tab sent is never dropped for waiting in the queue", () => {
    const registry = makeRegistry();
    registry.runEventReceived({ frame: { event: "session.operation", payload: { runId: "other-tab", sessionKey: SESSION } }, runEnded: false }, T0);
    registry.runEventReceived(agent("other-tab", "lifecycle", { phase: "start" }), T0 + 1_000);
    registry.runSent("mine", SESSION, T0);
    registry.sweep(T0 + 10 * UNSTARTED_RUN_TTL_MS);
    expect(registry.getRun("other-tab")?.status).toBe("running");
    expect(registry.getRun("mine")?.status).toBe("queued");
  });

  it("a run whose first event beat the send's acknowledgement is still this tab's", () => {
    const registry = makeRegistry();
    registry.runEventReceived({ frame: { event: "session.operation", payload: { runId: "early", sessionKey: SESSION } }, runEnded: false }, T0);
    registry.runSent("early", SESSION, T0 + 50);
    registry.sweep(T0 + 10 * UNSTARTED_RUN_TTL_MS);
    expect(registry.sessionRuns(SESSION).activeRunId).toBe("early");
  });
});

describe("a run whose agent ended without a chat final", () => {
  function ended() {
    const registry = makeRegistry();
    registry.runSent("r1", SESSION, T0);
    registry.runEventReceived(agent("r1", "lifecycle", { phase: "start" }), T0 + 100);
    registry.runEventReceived(agent("r1", "assistant", { text: "Done.", delta: "Done." }), T0 + 200);
    const change = registry.runEventReceived(agent("r1", "lifecycle", { phase: "end" }), T0 + 300);
    return { registry, change };
  }

  it("asks for history at once, so a history read can settle it", () => {
    expect(ended().change).toEqual({ historyStale: true, sessionKey: SESSION });
  });

  it("still shows Stop within the grace (the final usually follows at once), and not after it", () => {
    const { registry } = ended();
    registry.sweep(T0 + 300 + LIFECYCLE_END_GRACE_MS - 1);
    expect(registry.sessionRuns(SESSION).activeRunId).toBe("r1");
    registry.sweep(T0 + 300 + LIFECYCLE_END_GRACE_MS);
    expect(registry.sessionRuns(SESSION).activeRunId).toBeNull();
    const run = registry.getRun("r1")!;
    expect(run.inactiveConfirmedAt).toBe(T0 + 300 + LIFECYCLE_END_GRACE_MS);
    expect(deriveRunOutcome(run, { now: T0 + 60_000, connection: "online" })).toMatchObject({ kind: "completed", title: "Completed" });
  });

  it("a chat final within the grace ends it the ordinary way; the sweep adds nothing", () => {
    const { registry } = ended();
    registry.runEventReceived({ frame: { event: "chat", payload: { runId: "r1", sessionKey: SESSION, state: "final", message: { role: "assistant", content: [{ type: "text", text: "Done." }] } } }, runEnded: true }, T0 + 400);
    registry.sweep(T0 + 300 + LIFECYCLE_END_GRACE_MS);
    const run = registry.getRun("r1")!;
    expect(run.status).toBe("ended");
    expect(run.inactiveConfirmedAt).toBeUndefined();
  });
});
