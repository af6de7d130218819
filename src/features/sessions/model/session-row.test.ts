import { describe, expect, it } from "vitest";
import { canonicalSessionKey, newSessionKey, parseSessionRows, shortKey } from "./session-row";

describe("parseSessionRows", () => {
  it("reads rows, titles and active runs, newest first", () => {
    const rows = parseSessionRows({
      sessions: [
        { key: "agent:main:main", displayName: "Say hi", updatedAt: 1, hasActiveRun: false, model: "fake-model", modelProvider: "fake" },
        { key: "agent:main:e2e-401", updatedAt: 5, hasActiveRun: true, model: "fakeauth/fake-model" },
        { nonsense: true },
        "junk",
      ],
    });
    expect(rows).toEqual([
      { key: "agent:main:e2e-401", title: "e2e-401", updatedAt: 5, hasActiveRun: true, model: "fakeauth/fake-model" },
      { key: "agent:main:main", title: "Say hi", updatedAt: 1, hasActiveRun: false, model: "fake/fake-model" },
    ]);
  });

  it("survives a malformed answer", () => {
    expect(parseSessionRows(null)).toEqual([]);
    expect(parseSessionRows({ sessions: "x" })).toEqual([]);
  });
});

describe("session keys", () => {
  it("shortens agent keys", () => {
    expect(shortKey("agent:main:work:sub")).toBe("work:sub");
    expect(shortKey("main")).toBe("main");
  });

  it("makes new keys under the same agent", () => {
    expect(newSessionKey("agent:main:main", new Date("2026-11-24T10:20:00Z"))).toMatch(/^agent:main:chat-202611241020-[a-z0-9]{1,4}$/);
  });
});

describe("canonicalSessionKey", () => {
  it("puts a bare name under the main session's agent and leaves a full key alone", () => {
    expect(canonicalSessionKey("work", "agent:ops:main")).toBe("agent:ops:work");
    expect(canonicalSessionKey("agent:main:work", "agent:ops:main")).toBe("agent:main:work");
    expect(canonicalSessionKey("work", "")).toBe("agent:main:work");
  });
});
