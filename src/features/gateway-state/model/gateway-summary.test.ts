import { describe, expect, it } from "vitest";
import { readHello } from "@/gateway/hello";
import { formatUptime, gatewaySummaryOf, healthReceived, healthVersionOf, readHealth, shortBootId, uptimeAt, UNKNOWN_HEALTH } from "./gateway-summary";

const HELLO = {
  type: "hello-ok",
  server: { version: "2026.9.6", buildId: "2026.9.6-release-eb377ac59e6c", bootId: "6c419fc3-3251-4916-b3a1-a2edeb676443", connId: "c1" },
  snapshot: { presence: [], health: {}, stateVersion: { presence: 1, health: 1 }, uptimeMs: 18_137 },
};

// The pinned gateway's health answer on a busy 2-core machine (trimmed).
const BUSY_HEALTH = {
  ok: true,
  ts: 1_795_494_209_202,
  durationMs: 34,
  modelRuntime: { degraded: false, pendingAgents: [] },
  eventLoop: { degraded: true, degradedSinceMs: 2365, reasons: ["cpu"], delayP99Ms: 448.2, utilization: 0.895 },
};

describe("gatewaySummaryOf and uptime", () => {
  it("reads version, build, boot id and the uptime at hello", () => {
    expect(gatewaySummaryOf(readHello(HELLO), 10_000)).toEqual({
      version: "2026.9.6",
      buildId: "2026.9.6-release-eb377ac59e6c",
      bootId: "6c419fc3-3251-4916-b3a1-a2edeb676443",
      uptimeMs: 18_137,
      helloAt: 10_000,
    });
    expect(gatewaySummaryOf(readHello(null), 1)).toEqual({ helloAt: 1 });
  });

  it("counts uptime on from hello", () => {
    const summary = gatewaySummaryOf(readHello(HELLO), 10_000);
    expect(uptimeAt(summary, 70_000)).toBe(78_137);
    expect(uptimeAt(summary, 5_000)).toBe(18_137);
    expect(uptimeAt(gatewaySummaryOf(readHello({}), 0), 1)).toBeUndefined();
  });

  it("formats uptimes with two units and boot ids by their first block", () => {
    expect(formatUptime(12_400)).toBe("12 s");
    expect(formatUptime(247_000)).toBe("4 min 07 s");
    expect(formatUptime(2 * 3_600_000 + 5 * 60_000)).toBe("2 h 05 min");
    expect(formatUptime(3 * 86_400_000 + 4 * 3_600_000)).toBe("3 d 4 h");
    expect(shortBootId("6c419fc3-3251-4916-b3a1-a2edeb676443")).toBe("6c419fc3");
  });
});

describe("readHealth", () => {
  it("says degraded with the event loop's reasons in words", () => {
    expect(readHealth(BUSY_HEALTH, 3)).toEqual({
      status: "degraded",
      reasons: ["Event loop degraded (cpu; p99 delay 448 ms)"],
      checkedAt: 1_795_494_209_202,
      version: 3,
    });
  });

  it("is ok when nothing is degraded, failing when the gateway says not ok, unknown for the empty snapshot", () => {
    expect(readHealth({ ok: true, ts: 5, eventLoop: { degraded: false } }).status).toBe("ok");
    expect(readHealth({ ok: true, eventLoop: { degraded: true, reasons: ["event_loop_delay", "event_loop_utilization"] } }).reasons).toEqual([
      "Event loop degraded (event loop delay, event loop utilization)",
    ]);
    expect(readHealth({ ok: false, ts: 5 })).toMatchObject({ status: "failing", reasons: ["The gateway reports its health check as failing"] });
    expect(readHealth({ ok: true, modelRuntime: { degraded: true, pendingAgents: ["main"] } }).reasons).toEqual(["Model runtime degraded (waiting: main)"]);
    expect(readHealth({}, 1)).toEqual({ status: "unknown", reasons: [], version: 1 });
  });

  it("ignores an older health report and keeps a known one over an empty one", () => {
    const current = readHealth(BUSY_HEALTH, 3);
    expect(healthReceived(current, readHealth({ ok: true }, 2))).toBe(current);
    expect(healthReceived(current, readHealth({}, 4))).toBe(current);
    expect(healthReceived(current, readHealth({ ok: true }))).toMatchObject({ status: "ok", version: 3 });
    expect(healthReceived(UNKNOWN_HEALTH, readHealth({ ok: true }, 4))).toMatchObject({ status: "ok", version: 4 });
    expect(healthVersionOf({ stateVersion: { presence: 1, health: 7 } })).toBe(7);
  });
});
