/**
 * A gateway whose clock is 10 minutes off the browser's: live events are
 * timed by the browser, history rows by the gateway. Once history is moved
 * onto the browser's clock, a running run that goes quiet still gets its
 * "no activity" warning.
 */
import { describe, expect, it } from "vitest";
import { deriveRunOutcome, STALL_AFTER_MS } from "../model/run-outcome";
import type { HistorySnapshot } from "./reconcile-history";
import { RunRegistry } from "./run-registry";

const SESSION = "agent:main:main";
const RUN = "run-skew-1";
const T0 = Date.parse("2026-11-24T04:23:30.000Z");
const SKEW = 10 * 60_000;

function history(gatewayNow: number, clockOffsetMs?: number): HistorySnapshot {
  const meta = (id: string, extra: Record<string, unknown> = {}) => ({ id, recordTimestampMs: gatewayNow, ...extra });
  return {
    requestedAt: T0 + 2_000,
    messages: [
      { role: "user", content: "run a slow tool", timestamp: gatewayNow - 1_000, idempotencyKey: RUN, __openclaw: meta(`${RUN}:user`, { idempotencyKey: RUN }) },
    ],
    activity: undefined,
    inFlightRunRaw: { runId: RUN, text: "Working on it", startedAt: gatewayNow },
    sessionInfoRaw: undefined,
    inFlightRun: { runId: RUN, text: "Working on it", startedAt: gatewayNow },
    activeRunIds: [RUN],
    hasActiveRun: true,
    ...(clockOffsetMs === undefined ? {} : { clockOffsetMs }),
  };
}

function registryWithLiveStart() {
  const registry = new RunRegistry({ readLocalLog: () => Promise.resolve([]), recordLocalLog: () => undefined });
  registry.runSent(RUN, SESSION, T0);
  registry.runEventReceived(
    { frame: { event: "agent", payload: { runId: RUN, sessionKey: SESSION, stream: "lifecycle", data: { phase: "start" }, seq: 1, ts: T0 + SKEW + 500 } }, runEnded: false },
    T0 + 500,
  );
  return registry;
}

describe("a gateway clock 10 minutes ahead of the browser", () => {
  it("history times are moved onto the browser's clock, so the run is as old as it really is", () => {
    const registry = registryWithLiveStart();
    registry.historyLoaded(SESSION, history(T0 + SKEW + 1_000, SKEW), T0 + 2_000);
    const run = registry.getRun(RUN)!;
    expect(run.createdAt).toBe(T0);
    // The newest history time (in-flight text) is T0 + 1 s on the browser's clock; the read itself was at T0 + 2 s.
    expect(run.lastEventAt).toBe(T0 + 2_000);
  });

  it("a run that goes quiet is warned about after 45 s, skew or not", () => {
    const registry = registryWithLiveStart();
    registry.historyLoaded(SESSION, history(T0 + SKEW + 1_000, SKEW), T0 + 2_000);
    const outcome = deriveRunOutcome(registry.getRun(RUN)!, { now: T0 + 2_000 + STALL_AFTER_MS, connection: "online", gatewayConfirmedIdle: false });
    expect(outcome).toMatchObject({ kind: "running", stalled: true, title: "No activity", silentForMs: STALL_AFTER_MS });
  });

  it("without the offset, the gateway's future times would keep the run looking fresh (the fault this guards)", () => {
    const registry = registryWithLiveStart();
    registry.historyLoaded(SESSION, history(T0 + SKEW + 1_000));
    const outcome = deriveRunOutcome(registry.getRun(RUN)!, { now: T0 + 2_000 + STALL_AFTER_MS, connection: "online", gatewayConfirmedIdle: false });
    expect(outcome).toMatchObject({ kind: "running", stalled: false });
  });
});
