import { describe, expect, it, vi } from "vitest";
import { boundedToString } from "../model/bounded-text";
import { captureEvents, captureRunId, historyPayloads } from "../model/capture-fixtures";
import { foldRunSignals } from "../model/fold-run";
import { createRunFold, type RunFold } from "../model/fold-state";
import { deriveRunOutcome } from "../model/run-outcome";
import type { RunSignal } from "../model/run-signal";
import type { RunTimeline } from "../model/run-timeline";
import type { EventFrame } from "@openclaw/gateway-protocol";
import { classifyEventFrame } from "@/gateway/event-router";
import type { GatewayEventFrame } from "../model/normalize-gateway-event";
import { historySnapshotOf } from "./history-snapshot-fixture";
import type { HistorySnapshot } from "./reconcile-history";
import { RunRegistry, type RunChange } from "./run-registry";
import { restoreStoredRun, storedRunOf } from "../store/stored-run";

const TOOL = "b-tool-call-exec.jsonl";
const RETRIED = "c-rate-limit-429-recovered.jsonl";
const SESSION = "agent:main:main";


function lastHistory(capture: string): HistorySnapshot {
  const payload = historyPayloads(capture).at(-1);
  if (!payload) throw new Error(`no history in ${capture}`);
  return historySnapshotOf(payload, Date.now());
}

/** The runs the local log stores for these live signals, as a reload reads them back (stored, cloned, restored). */
function loggedRuns(signals: readonly RunSignal[]): RunFold[] {
  const byRun = new Map<string, RunSignal[]>();
  for (const signal of signals) byRun.set(signal.runId, [...(byRun.get(signal.runId) ?? []), signal]);
  return [...byRun].map(([runId, own]) => {
    const fold = foldRunSignals(createRunFold(runId, { at: own[0]?.at, sessionKey: own[0]?.sessionKey }), own);
    return restoreStoredRun(structuredClone(storedRunOf(fold)));
  });
}

function makeRegistry(localLog: RunFold[] = []) {
  const recorded: RunSignal[] = [];
  const registry = new RunRegistry({ readLocalLog: () => Promise.resolve(localLog), recordLocalLog: (signals) => recorded.push(...signals) });
  return { registry, recorded };
}

/** A frame as the event router hands it on: only events that name a run reach the registry. */
function deliver(registry: RunRegistry, frame: GatewayEventFrame, at: number): RunChange | null {
  const notice = classifyEventFrame({ type: "event", ...frame } as EventFrame);
  return notice?.type === "run-event" ? registry.runEventReceived(notice, at) : null;
}

function feedLive(registry: RunRegistry, capture: string): void {
  for (const { frame, receivedAt } of captureEvents(capture)) deliver(registry, frame, receivedAt);
}

/** What a person sees of a run: its steps, text, end and outcome — not which source said it first. */
function seen(run: RunTimeline | undefined) {
  if (!run) return undefined;
  return {
    status: run.status,
    terminal: run.terminal?.kind,
    text: run.text,
    outcome: deriveRunOutcome(run, { now: run.lastEventAt, connection: "online" }).kind,
    steps: run.steps.map((step) => (step.kind === "tool" ? `${step.id}:${step.status}:${boundedToString(step.output)}` : `${step.kind}:${step.id}`)),
  };
}

describe("RunRegistry: one merged run whatever order its sources arrive in", () => {
  for (const capture of [TOOL, RETRIED]) {
    const runId = captureRunId(capture);
    const history = lastHistory(capture);
    const { registry: reference, recorded } = makeRegistry();
    feedLive(reference, capture);
    reference.historyLoaded(SESSION, history);
    const expected = seen(reference.getRun(runId));
    const logged = recorded.filter((signal) => signal.runId === runId);
    const localLog = loggedRuns(logged);

    it(`${capture}: live before history is a completed run with every step`, () => {
      expect(expected?.status).toBe("ended");
      expect(expected?.terminal).toBe("final");
      expect(expected?.steps.length).toBeGreaterThan(3);
    });

    it(`${capture}: history before live gives the same run`, () => {
      const { registry } = makeRegistry();
      registry.historyLoaded(SESSION, history);
      feedLive(registry, capture);
      expect(seen(registry.getRun(runId))).toEqual(expected);
    });

    it(`${capture}: the local log after both changes nothing`, () => {
      const { registry } = makeRegistry();
      feedLive(registry, capture);
      registry.historyLoaded(SESSION, history);
      registry.localLogRead(localLog);
      expect(seen(registry.getRun(runId))).toEqual(expected);
    });

    it(`${capture}: after a reload, local log then history gives the same run as seeing it live`, () => {
      const { registry } = makeRegistry();
      registry.localLogRead(localLog);
      registry.historyLoaded(SESSION, history);
      expect(seen(registry.getRun(runId))).toEqual(expected);
    });

    it(`${capture}: a reload mid-run resumes from the log: events before and after the log's read give the same run`, () => {
      const events = captureEvents(capture);
      const cut = Math.floor(events.length / 2);
      const { registry: before, recorded: beforeReload } = makeRegistry();
      for (const { frame, receivedAt } of events.slice(0, cut)) deliver(before, frame, receivedAt);
      const stored = loggedRuns(beforeReload.filter((signal) => signal.runId === runId));
      // The rest arrives live after the reload: some before this browser's log is read, some after.
      const { registry } = makeRegistry();
      const rest = events.slice(cut);
      const early = Math.floor(rest.length / 2);
      for (const { frame, receivedAt } of rest.slice(0, early)) deliver(registry, frame, receivedAt);
      registry.localLogRead(stored, SESSION);
      for (const { frame, receivedAt } of rest.slice(early)) deliver(registry, frame, receivedAt);
      registry.historyLoaded(SESSION, history);
      expect(seen(registry.getRun(runId))).toEqual(expected);
    });

    it(`${capture}: every live event delivered twice shows nothing twice`, () => {
      const { registry } = makeRegistry();
      for (const { frame, receivedAt } of captureEvents(capture)) {
        deliver(registry, frame, receivedAt);
        deliver(registry, frame, receivedAt);
      }
      registry.historyLoaded(SESSION, history);
      registry.historyLoaded(SESSION, { ...history });
      expect(seen(registry.getRun(runId))).toEqual(expected);
    });
  }

  it("a completed retried run is degraded, whichever source came first", () => {
    const runId = captureRunId(RETRIED);
    const { registry } = makeRegistry();
    registry.historyLoaded(SESSION, lastHistory(RETRIED));
    feedLive(registry, RETRIED);
    const run = registry.getRun(runId);
    expect(run && deriveRunOutcome(run, { now: run.lastEventAt, connection: "online" })).toMatchObject({ kind: "degraded", reasons: ["retried"] });
  });
});

describe("RunRegistry: history reconciliation", () => {
  it("adopts the run history says is in flight (a reload mid-run) with its text so far", () => {
    const { registry } = makeRegistry();
    registry.historyLoaded(SESSION, historySnapshotOf({ messages: [] }, 5_000, { inFlightRun: { runId: "r1", text: "Working on", startedAt: 4_000 }, hasActiveRun: true, activeRunIds: ["r1"] }));
    const run = registry.getRun("r1");
    expect(run).toMatchObject({ runId: "r1", sessionKey: SESSION, status: "running", startedAt: 4_000, text: "Working on" });
    expect(registry.sessionRuns(SESSION).activeRunId).toBe("r1");
  });

  it("settles an open run history no longer lists, but not one started after the read was asked for", () => {
    const { registry } = makeRegistry();
    registry.runSent("old", SESSION, 1_000);
    registry.runSent("new", SESSION, 9_000);
    registry.historyLoaded(SESSION, historySnapshotOf({ messages: [] }, 5_000));
    expect(registry.getRun("old")?.inactiveConfirmedAt).toBe(5_000);
    expect(registry.getRun("new")?.inactiveConfirmedAt).toBeUndefined();
    expect(registry.openRunIds(SESSION)).toEqual(["old", "new"]);
  });

  it("offers no Stop for a run history says is over, though it never got a terminal event (interrupted by a restart)", () => {
    const { registry } = makeRegistry();
    registry.runSent("killed", SESSION, 1_000);
    expect(registry.sessionRuns(SESSION).activeRunId).toBe("killed");
    registry.historyLoaded(SESSION, historySnapshotOf({ messages: [] }, 5_000));
    expect(registry.getRun("killed")?.status).not.toBe("ended");
    expect(registry.sessionRuns(SESSION).activeRunId).toBeNull();
  });

  it("settles nothing when the gateway says a run is active but names none (after a crash)", () => {
    const { registry } = makeRegistry();
    registry.runSent("r1", SESSION, 1_000);
    registry.historyLoaded(SESSION, historySnapshotOf({ messages: [] }, 5_000, { hasActiveRun: true }));
    expect(registry.getRun("r1")?.inactiveConfirmedAt).toBeUndefined();
  });

  it("keeps runs of another session out of a session's reconciliation", () => {
    const { registry } = makeRegistry();
    registry.runSent("elsewhere", "agent:main:other", 1_000);
    registry.historyLoaded(SESSION, historySnapshotOf({ messages: [] }, 5_000));
    expect(registry.getRun("elsewhere")?.inactiveConfirmedAt).toBeUndefined();
  });
});

describe("RunRegistry: live news", () => {
  it("says history is stale for a run it did not know and for a run that ended, not for one it follows", () => {
    const { registry } = makeRegistry();
    const events = captureEvents(TOOL);
    const changes = events.map(({ frame, receivedAt }) => deliver(registry, frame, receivedAt)).filter((change) => change !== null);
    const stale = changes.filter((change) => change.historyStale);
    expect(stale.length).toBeGreaterThanOrEqual(2);
    expect(changes[0]).toEqual({ historyStale: true, sessionKey: SESSION });
    expect(changes.filter((change) => !change.historyStale).length).toBeGreaterThan(10);
    expect(deliver(registry, { event: "tick", payload: { ts: 1 } }, 1)).toBeNull();
  });

  it("puts connection news on the runs that were open, in their session, and records it for a reload", () => {
    const { registry, recorded } = makeRegistry();
    registry.runSent("open", SESSION, 1_000);
    registry.runSent("done", SESSION, 1_000);
    deliver(registry, { event: "chat", payload: { runId: "done", sessionKey: SESSION, state: "final", seq: 1 } }, 2_000);
    recorded.length = 0;

    expect(registry.connectionChanged({ type: "disconnected", at: 3_000, code: 1012, reason: "service restart" })).toEqual({ historyStale: false });
    expect(registry.connectionChanged({ type: "connected", at: 4_000, restarted: true, firstConnect: false })).toEqual({ historyStale: true });

    expect(recorded.map((signal) => [signal.runId, signal.kind, signal.sessionKey])).toEqual([
      ["open", "disconnected", SESSION],
      ["open", "reconnected", SESSION],
    ]);
    expect(registry.getRun("open")?.restart).toBeDefined();
    expect(registry.getRun("done")?.restart).toBeUndefined();
  });

  it("marks a missed-events gap on every open run and asks for history", () => {
    const { registry } = makeRegistry();
    registry.runSent("open", SESSION, 1_000);
    expect(registry.connectionChanged({ type: "gap", at: 2_000, expected: 5, received: 9 })).toEqual({ historyStale: true });
    expect(registry.getRun("open")?.steps.map((step) => step.id)).toContain("gap:5-9");
  });
});

describe("RunRegistry: what views read", () => {
  it("hands out the same run object until that run changes, and tells subscribers when it does", () => {
    const { registry } = makeRegistry();
    const listener = vi.fn();
    registry.subscribe(listener);
    registry.runSent("r1", SESSION, 1_000);
    const first = registry.getRun("r1");
    expect(registry.getRun("r1")).toBe(first);
    registry.runSent("r2", SESSION, 1_500);
    expect(registry.getRun("r1")).toBe(first);
    deliver(registry, { event: "chat", payload: { runId: "r1", sessionKey: SESSION, state: "delta", seq: 1, message: { content: [{ type: "text", text: "hi" }] } } }, 2_000);
    expect(registry.getRun("r1")).not.toBe(first);
    expect(registry.getRun("r1")?.text).toBe("hi");
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it("lists the session's runs oldest first, the newest open one as active, and never history-only runs", () => {
    const { registry } = makeRegistry();
    registry.historyLoaded(SESSION, lastHistory(TOOL));
    registry.runSent("later", SESSION, 9e15);
    registry.runSent("earlier", SESSION, 1_000);
    registry.runSent("other-session", "agent:main:other", 1_000);
    const list = registry.sessionRuns(SESSION);
    expect(list.runs.map((run) => run.runId)).toEqual(["earlier", "later"]);
    expect(list.activeRunId).toBe("later");
    expect(registry.sessionRuns(SESSION)).toBe(list);
  });

  it("replays the local log once per session, and again after a failed read", async () => {
    const readLocalLog = vi.fn<(sessionKey: string) => Promise<RunFold[]>>().mockRejectedValueOnce(new Error("blocked"));
    readLocalLog.mockResolvedValue(loggedRuns([{ kind: "queued", runId: "logged", at: 1_000, source: "live", sessionKey: SESSION }]));
    const registry = new RunRegistry({ readLocalLog, recordLocalLog: () => {} });
    registry.sessionOpened(SESSION);
    await vi.waitFor(() => expect(readLocalLog).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    registry.sessionOpened(SESSION);
    await vi.waitFor(() => expect(registry.getRun("logged")?.sessionKey).toBe(SESSION));
    registry.sessionOpened(SESSION);
    expect(readLocalLog).toHaveBeenCalledTimes(2);
  });

  it("forgets a reset or deleted session's runs, in memory and in this browser's log, and leaves other sessions alone", () => {
    const forgetLocalLog = vi.fn<(sessionKey: string) => void>();
    const registry = new RunRegistry({ readLocalLog: () => Promise.resolve([]), recordLocalLog: () => {}, forgetLocalLog });
    feedLive(registry, TOOL);
    registry.historyLoaded(SESSION, lastHistory(TOOL));
    registry.runSent("other", "agent:main:other", 1_000);
    const runId = captureRunId(TOOL);
    expect(registry.sessionRuns(SESSION).runs.map((run) => run.runId)).toEqual([runId]);
    const listener = vi.fn();
    registry.subscribe(listener);

    registry.sessionCleared(SESSION);

    expect(registry.sessionRuns(SESSION)).toEqual({ runs: [], activeRunId: null });
    expect(registry.getRun(runId)).toBeUndefined();
    expect(registry.sessionRuns("agent:main:other").runs.map((run) => run.runId)).toEqual(["other"]);
    expect(forgetLocalLog).toHaveBeenCalledWith(SESSION);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("does not bring back a cleared session's run when its late events arrive (a reset right after a reply), nor log them", () => {
    const { registry, recorded } = makeRegistry();
    registry.runSent("r1", SESSION, 1_000);
    registry.sessionCleared(SESSION);
    deliver(registry, { event: "chat", payload: { runId: "r1", sessionKey: SESSION, state: "final", seq: 1 } }, 2_000);
    expect(registry.getRun("r1")).toBeUndefined();
    expect(recorded).toEqual([]);
    expect(registry.sessionRuns(SESSION).runs).toEqual([]);
    registry.runSent("r2", SESSION, 3_000);
    expect(registry.sessionRuns(SESSION).runs.map((run) => run.runId)).toEqual(["r2"]);
  });

  it("forgets the oldest ended runs past its bound, never an open one", () => {
    const registry = new RunRegistry({ readLocalLog: () => Promise.resolve([]), recordLocalLog: () => {}, maxRuns: 2 });
    registry.runSent("open", SESSION, 1);
    for (const [runId, at] of [["ended-old", 2], ["ended-new", 3]] as const) {
      deliver(registry, { event: "chat", payload: { runId, sessionKey: SESSION, state: "final", seq: 1 } }, at);
    }
    expect(registry.getRun("ended-old")).toBeUndefined();
    expect(registry.getRun("ended-new")?.status).toBe("ended");
    expect(registry.getRun("open")?.status).toBe("queued");
  });
});
