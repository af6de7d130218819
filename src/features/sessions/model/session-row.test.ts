import { describe, expect, it } from "vitest";
import { agentIdOf } from "@/lib/session-key";
import { canonicalSessionKey, newSessionKey, parseSessionRows, shortKey, type SessionRow } from "./session-row";

describe("parseSessionRows", () => {
  it("reads rows as the real gateway sends them: pinned first, then newest", () => {
    const rows = parseSessionRows({
      sessions: [
        { key: "agent:main:main", displayName: "Say hi", updatedAt: 1, hasActiveRun: false, model: "fake-model", modelProvider: "fake", isMain: true, status: "done", lastRunId: "k3" },
        { key: "agent:main:e2e-401", updatedAt: 5, hasActiveRun: false, model: "fakeauth/fake-model", status: "failed", lastRunError: "⚠️ fakeauth/fake-model request failed (authentication failed, HTTP 401).", lastRunId: "k2" },
        { key: "agent:helper:mine-1", agentId: "helper", label: "Renamed", displayName: "Renamed", updatedAt: 2, pinned: true, pinnedAt: 2, status: "running" },
        { nonsense: true },
        "junk",
      ],
    });
    expect(rows).toEqual([
      { key: "agent:helper:mine-1", agentId: "helper", title: "Renamed", label: "Renamed", updatedAt: 2, hasActiveRun: true, model: undefined, pinned: true, pinnedAt: 2, lastRunFailed: false, lastRunStopped: false, lastRunError: undefined, lastRunId: undefined, isMain: false },
      {
        key: "agent:main:e2e-401",
        agentId: "main",
        title: "e2e-401",
        label: undefined,
        updatedAt: 5,
        hasActiveRun: false,
        model: "fakeauth/fake-model",
        pinned: false,
        pinnedAt: undefined,
        lastRunFailed: true,
        lastRunStopped: false,
        lastRunError: "⚠️ fakeauth/fake-model request failed (authentication failed, HTTP 401).",
        lastRunId: "k2",
        isMain: false,
      },
      { key: "agent:main:main", agentId: "main", title: "Say hi", label: undefined, updatedAt: 1, hasActiveRun: false, model: "fake/fake-model", pinned: false, pinnedAt: undefined, lastRunFailed: false, lastRunStopped: false, lastRunError: undefined, lastRunId: "k3", isMain: true },
    ]);
  });

  it("counts timed-out runs as failed, a killed (stopped) one as stopped, and a label over the gateway's own title", () => {
    const [killed, timeout, labelled] = parseSessionRows({
      sessions: [
        { key: "agent:main:a", status: "killed", updatedAt: 3 },
        { key: "agent:main:b", status: "timeout", updatedAt: 2 },
        { key: "agent:main:c", label: "Mine", derivedTitle: "Derived", updatedAt: 1 },
      ],
    }) as [SessionRow, SessionRow, SessionRow];
    expect([killed.lastRunFailed, timeout.lastRunFailed, labelled.lastRunFailed]).toEqual([false, true, false]);
    expect([killed.lastRunStopped, timeout.lastRunStopped, labelled.lastRunStopped]).toEqual([true, false, false]);
    expect(labelled.title).toBe("Mine");
  });

  it("keeps the most recent pin on top", () => {
    const rows = parseSessionRows({
      sessions: [
        { key: "agent:main:old-pin", pinned: true, pinnedAt: 1, updatedAt: 9 },
        { key: "agent:main:new-pin", pinned: true, pinnedAt: 5, updatedAt: 1 },
        { key: "agent:main:fresh", updatedAt: 10 },
      ],
    });
    expect(rows.map((row) => row.key)).toEqual(["agent:main:new-pin", "agent:main:old-pin", "agent:main:fresh"]);
  });

  it("survives a malformed answer", () => {
    expect(parseSessionRows(null)).toEqual([]);
    expect(parseSessionRows({ sessions: "x" })).toEqual([]);
  });
});

describe("session keys", () => {
  it("shortens agent keys and reads their agent", () => {
    expect(shortKey("agent:main:work:sub")).toBe("work:sub");
    expect(shortKey("main")).toBe("main");
    expect(agentIdOf("agent:helper:work")).toBe("helper");
    expect(agentIdOf("work")).toBe("main");
  });

  it("makes new keys under the chosen agent", () => {
    expect(newSessionKey("helper", new Date("2026-11-24T10:20:00Z"))).toMatch(/^agent:helper:chat-202611241020-[a-z0-9]{1,4}$/);
  });
});

describe("canonicalSessionKey", () => {
  it("puts a bare name under the main session's agent and leaves a full key alone", () => {
    expect(canonicalSessionKey("work", "agent:ops:main")).toBe("agent:ops:work");
    expect(canonicalSessionKey("agent:main:work", "agent:ops:main")).toBe("agent:main:work");
    expect(canonicalSessionKey("work", "")).toBe("agent:main:work");
  });
});
