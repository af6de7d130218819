import { describe, expect, it } from "vitest";
import type { EventFrame } from "@openclaw/gateway-protocol";
import { classifyEventFrame } from "@/gateway/event-router";
import { readPendingInputs } from "@/lib/pending-inputs";
import { readCapture } from "@/testing/capture-frames";
import { handoffState } from "../model/queue-state";
import { historySnapshotOf } from "./history-snapshot-fixture";
import type { HistorySnapshot } from "./reconcile-history";
import { RunRegistry } from "./run-registry";

/**
 * The page that sent `sent` (run ids, in order), fed a real recording: its events as they came, and each
 * `chat.history` answer as the chat query hands it to the registry (asked when the request went out).
 */
function replay(capture: string, sessionKey: string, sent: readonly string[], registry = newRegistry(), until = Number.POSITIVE_INFINITY) {
  const asked = new Map<string, number>();
  const lines = readCapture(capture);
  sent.forEach((runId, index) => registry.runSent(runId, sessionKey, Date.parse(lines[0]?.ts ?? "") + index));
  for (const line of lines) {
    const frame = line.frame;
    const at = Date.parse(line.ts);
    if (at > until) break;
    if (line.dir === "out" && frame?.method === "chat.history" && typeof frame.id === "string") asked.set(frame.id, at);
    if (line.dir !== "in" || !frame) continue;
    if (frame.type === "res" && typeof frame.id === "string" && asked.has(frame.id)) {
      registry.historyLoaded(sessionKey, snapshotOf(frame.payload as Record<string, unknown>, asked.get(frame.id) ?? at));
    } else if (frame.type === "event") {
      const notice = classifyEventFrame(frame as EventFrame);
      if (notice?.type === "run-event") registry.runEventReceived(notice, at);
    }
  }
  return registry;
}

/** A read as the chat query hands it on (chat-history-query.ts): a message still waiting is not the run in flight. */
function snapshotOf(payload: Record<string, unknown>, requestedAt: number): HistorySnapshot {
  const info = (payload.sessionInfo ?? {}) as { hasActiveRun?: boolean };
  const pendingInputs = readPendingInputs(payload.pendingInputs);
  const inFlight = payload.inFlightRun as { runId: string; text: string; startedAt?: number } | undefined;
  const running = inFlight && !pendingInputs?.some((input) => input.runId === inFlight.runId) ? inFlight : null;
  return historySnapshotOf(payload, requestedAt, { pendingInputs, hasActiveRun: info.hasActiveRun === true, inFlightRun: running, inFlightRunRaw: running ?? undefined });
}

function newRegistry() {
  return new RunRegistry({ readLocalLog: () => Promise.resolve([]), recordLocalLog: () => {} });
}

function stateOf(registry: RunRegistry, sessionKey: string, runId: string): ReturnType<typeof handoffState> {
  const run = registry.getRun(runId);
  if (!run) throw new Error(`no run ${runId}`);
  return handoffState(run, registry.sessionRuns(sessionKey).runs, registry.lastHistoryOf(sessionKey));
}

describe("RunRegistry: a message queued behind a running reply, on the real gateway's word", () => {
  it("waits while a read lists it as queued, and is no longer handed on once history holds its answer (steer-followup-mode.jsonl)", () => {
    const session = "agent:main:capture-followup";
    const sent = ["first-followup", "second-followup"];
    const lines = readCapture("steer-followup-mode.jsonl");
    const firstRead = lines.find((line) => line.dir === "in" && line.frame?.type === "res" && Array.isArray((line.frame.payload as { messages?: unknown }).messages));
    const duringTool = replay("steer-followup-mode.jsonl", session, sent, newRegistry(), Date.parse(firstRead?.ts ?? ""));
    expect(duringTool.lastHistoryOf(session)?.pendingInputs).toEqual([{ runId: "second-followup", state: "queued" }]);
    expect(stateOf(duringTool, session, "second-followup")).toBe("waiting");
    expect(stateOf(replay("steer-followup-mode.jsonl", session, sent), session, "second-followup")).toBeNull();
  });

  it("is cancelled once the whole session is stopped (chat.abort without a run id), in followup mode", () => {
    const session = "agent:main:capture-followup-stop-session";
    const registry = replay("queue-followup-stop-session.jsonl", session, ["first-followup-fss", "second-followup-fss"]);
    expect(registry.lastHistoryOf(session)?.pendingInputs).toEqual([{ runId: "second-followup-fss", state: "cancelled" }]);
    expect(stateOf(registry, session, "second-followup-fss")).toBe("cancelled");
  });

  it("is cancelled in steer mode too, stopped before the run took it in (its run id got its bare final at the stop)", () => {
    const session = "agent:main:capture-steer-stop-session";
    const registry = replay("queue-steer-stop-session.jsonl", session, ["first-steer-sss", "second-steer-sss"]);
    expect(stateOf(registry, session, "second-steer-sss")).toBe("cancelled");
  });

  it("is cancelled too when its own run id was closed as stopped rather than handed on", () => {
    const session = "agent:main:capture-followup-stop-session";
    const registry = replay("queue-followup-stop-session.jsonl", session, ["first-followup-fss", "second-followup-fss"]);
    const stoppedAt = registry.getRun("first-followup-fss")?.endedAt ?? 0;
    const aborted = { type: "event", event: "chat", payload: { runId: "second-followup-fss", sessionKey: session, seq: 2, state: "aborted", stopReason: "rpc" } } as EventFrame;
    const fresh = newRegistry();
    fresh.runSent("second-followup-fss", session, stoppedAt - 5_000);
    const notice = classifyEventFrame(aborted);
    if (notice?.type === "run-event") fresh.runEventReceived(notice, stoppedAt);
    fresh.historyLoaded(session, historySnapshotOf({ messages: [] }, stoppedAt + 1_000, { pendingInputs: [{ runId: "second-followup-fss", state: "cancelled" }] }));
    expect(fresh.getRun("second-followup-fss")?.terminal?.kind).toBe("aborted");
    expect(stateOf(fresh, session, "second-followup-fss")).toBe("cancelled");
  });

  it("is interrupted after the gateway was killed while it waited and came back", () => {
    const session = "agent:main:capture-followup-restart";
    const before = replay("queue-followup-restart-before.jsonl", session, ["first-followup-fr", "second-followup-fr"]);
    expect(stateOf(before, session, "second-followup-fr")).toBe("waiting");
    const after = replay("queue-followup-restart-after.jsonl", session, [], before);
    expect(after.lastHistoryOf(session)?.pendingInputs).toEqual([{ runId: "second-followup-fr", state: "interrupted" }]);
    expect(stateOf(after, session, "second-followup-fr")).toBe("interrupted");
  });

  it("runs after all when only the running reply is stopped (Clawscope's Stop names its run id): never dropped", () => {
    const session = "agent:main:capture-followup-stop-run";
    const registry = replay("queue-followup-stop-run.jsonl", session, ["first-followup", "second-followup"]);
    expect(stateOf(registry, session, "second-followup")).toBeNull();
    expect(registry.getRun("second-followup")?.text).toBe("Hello! I'm the scripted model that ships with Clawscope. You said: “Also, when done, say hi.”. Add a cue such as `fake:tool` or `fake:429x2` to your message to script a scenario.");
  });

  it("is gone when an idle session's read has it neither queued nor in the transcript (the session was reset)", () => {
    const session = "agent:main:capture-followup-stop-session";
    const registry = replay("queue-followup-stop-session.jsonl", session, ["first-followup-fss", "second-followup-fss"]);
    const emptied = historySnapshotOf({ messages: [], pendingInputs: { items: [], total: 0 } }, Date.now(), { pendingInputs: [] });
    registry.historyLoaded(session, emptied);
    expect(stateOf(registry, session, "second-followup-fss")).toBe("gone");
  });
});
