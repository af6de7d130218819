import type { EventFrame } from "@openclaw/gateway-protocol";
import { describe, expect, it, vi } from "vitest";
import { classifyEventFrame, eventRouterOf, transcriptRowOf, type GatewayNotice } from "./event-router";
import type { ConnectionLogEntry } from "./connection-log";

const frame = (event: string, payload?: unknown): EventFrame => ({ type: "event", event, payload }) as EventFrame;

describe("classifyEventFrame", () => {
  it("makes every event that names a run a run event, ended only by a final, aborted or error chat state", () => {
    const notices = [
      frame("chat", { runId: "r1", sessionKey: "agent:main:main", state: "delta" }),
      frame("chat", { runId: "r1", state: "final" }),
      frame("chat", { runId: "r1", state: "aborted" }),
      frame("chat", { runId: "r1", state: "error" }),
      frame("agent", { runId: "r1", stream: "lifecycle", data: { phase: "end" } }),
      frame("session.tool", { runId: "r2", state: "final" }),
    ].map(classifyEventFrame);
    expect(notices.map((notice) => notice?.type === "run-event" && [notice.runId, notice.sessionKey, notice.runEnded])).toEqual([
      ["r1", "agent:main:main", false],
      ["r1", undefined, true],
      ["r1", undefined, true],
      ["r1", undefined, true],
      ["r1", undefined, false],
      ["r2", undefined, false],
    ]);
  });

  it("tells session changes, presence and health apart, and passes over what names nothing it knows", () => {
    expect(classifyEventFrame(frame("sessions.changed", {}))?.type).toBe("sessions-changed");
    expect(classifyEventFrame(frame("session.message", { sessionKey: "agent:main:main" }))?.type).toBe("sessions-changed");
    expect(classifyEventFrame(frame("sessions.changed", { runId: "r1" }))?.type).toBe("run-event");
    expect(classifyEventFrame(frame("presence", { entries: [] }))?.type).toBe("presence");
    expect(classifyEventFrame(frame("health", {}))?.type).toBe("health");
    expect(classifyEventFrame(frame("tick", { ts: 1 }))).toBeNull();
    expect(classifyEventFrame(frame("chat", { runId: "  ", state: "final" }))).toBeNull();
    expect(classifyEventFrame(frame("chat", "not an object"))).toBeNull();
  });
});

describe("GatewayEventRouter", () => {
  it("reads the connection once and hands each subscriber only the notices of its type, until it unsubscribes", () => {
    let onEvent: (frame: EventFrame) => void = () => {};
    let onLog: (entry: ConnectionLogEntry) => void = () => {};
    const source = {
      onEvent: vi.fn((listener: (frame: EventFrame) => void) => ((onEvent = listener), () => {})),
      onConnectionLog: vi.fn((listener: (entry: ConnectionLogEntry) => void) => ((onLog = listener), () => {})),
    };
    const router = eventRouterOf(source);
    expect(eventRouterOf(source)).toBe(router);
    const runs: GatewayNotice[] = [];
    const connection: GatewayNotice[] = [];
    const offRuns = router.on("run-event", (notice) => runs.push(notice));
    router.on("connection", (notice) => connection.push(notice));

    onEvent(frame("chat", { runId: "r1", state: "final" }));
    onEvent(frame("presence", {}));
    onLog({ type: "gap", at: 5, expected: 3, received: 7 });
    offRuns();
    onEvent(frame("chat", { runId: "r2", state: "delta" }));

    expect(source.onEvent).toHaveBeenCalledTimes(1);
    expect(source.onConnectionLog).toHaveBeenCalledTimes(1);
    expect(runs.map((notice) => notice.type === "run-event" && notice.runId)).toEqual(["r1"]);
    expect(connection).toEqual([{ type: "connection", entry: { type: "gap", at: 5, expected: 3, received: 7 } }]);
  });
});

describe("transcriptRowOf", () => {
  it("hands on a session.message row with its session, also when the row names a run, and nothing else", () => {
    const row = { role: "user", content: "Also, when done, say hi.", __openclaw: { id: "m4", seq: 4, steerTargetRunId: "first-steer" } };
    expect(transcriptRowOf(frame("session.message", { sessionKey: "agent:main:s", runId: "first-steer", message: row }))).toEqual({ type: "transcript-row", sessionKey: "agent:main:s", row });
    expect(transcriptRowOf(frame("session.message", { sessionKey: "agent:main:s" }))).toBeNull();
    expect(transcriptRowOf(frame("session.message", { message: row }))).toBeNull();
    expect(transcriptRowOf(frame("sessions.changed", { sessionKey: "agent:main:s", message: row }))).toBeNull();
  });

  it("reaches transcript-row subscribers beside the frame's own notice", () => {
    let onEvent: (frame: EventFrame) => void = () => {};
    const router = eventRouterOf({ onEvent: (listener) => ((onEvent = listener), () => {}), onConnectionLog: () => () => {} });
    const seen: string[] = [];
    router.on("run-event", (notice) => seen.push(`run ${notice.runId}`));
    router.on("transcript-row", (notice) => seen.push(`row ${notice.sessionKey}`));
    onEvent(frame("session.message", { sessionKey: "agent:main:s", runId: "r1", message: { role: "assistant", content: "hi" } }));
    expect(seen).toEqual(["run r1", "row agent:main:s"]);
  });
});
