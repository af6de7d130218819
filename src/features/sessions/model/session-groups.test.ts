import { describe, expect, it } from "vitest";
import { parseAgents } from "./agents";
import { groupSessions, matchesFilter } from "./session-groups";
import { parseSessionRows, type SessionRow } from "./session-row";

// The embedded gateway's answers (agents.list and sessions.list with two agents), trimmed to what is read.
const roster = parseAgents({
  defaultId: "main",
  agents: [
    { id: "main", model: { primary: "fake/fake-model" } },
    { id: "helper", name: "Helper" },
  ],
}).agents;
const rows = parseSessionRows({
  sessions: [
    { key: "agent:helper:mine-1", agentId: "helper", label: "Renamed", updatedAt: 30 },
    { key: "agent:main:fail-1", agentId: "main", updatedAt: 20, status: "failed" },
    { key: "agent:main:main", agentId: "main", updatedAt: 10, isMain: true },
    { key: "agent:ops:night", agentId: "ops", updatedAt: 5 },
  ],
});
const keysByAgent = (groups: ReturnType<typeof groupSessions>) => groups.map((group) => [group.agent.id, group.rows.map((row) => row.key)]);

describe("groupSessions", () => {
  it("puts every agent's sessions under it, default agent first, and keeps an agent the roster does not name", () => {
    expect(keysByAgent(groupSessions(rows, roster, "agent:main:main", ""))).toEqual([
      ["main", ["agent:main:fail-1", "agent:main:main"]],
      ["helper", ["agent:helper:mine-1"]],
      ["ops", ["agent:ops:night"]],
    ]);
  });

  it("lists the open session before the gateway knows it", () => {
    expect(keysByAgent(groupSessions(rows.slice(0, 1), roster, "agent:main:brand-new", ""))).toEqual([
      ["main", ["agent:main:brand-new"]],
      ["helper", ["agent:helper:mine-1"]],
    ]);
  });

  it("filters by the name shown, ignoring case, and drops agents left empty", () => {
    expect(keysByAgent(groupSessions(rows, roster, "agent:main:main", "RENAMED"))).toEqual([["helper", ["agent:helper:mine-1"]]]);
    expect(keysByAgent(groupSessions(rows, roster, "agent:main:main", "nothing like it"))).toEqual([]);
  });

  it("keeps an agent without sessions when no filter is typed, so it can be seen and started", () => {
    expect(keysByAgent(groupSessions(rows.slice(1, 3), roster, "agent:main:main", ""))).toEqual([
      ["main", ["agent:main:fail-1", "agent:main:main"]],
      ["helper", []],
    ]);
  });
});

describe("matchesFilter", () => {
  it("matches the key too (a session without a name is known by it)", () => {
    const failed = rows[1] as SessionRow;
    expect(matchesFilter(failed, "fail-1")).toBe(true);
    expect(matchesFilter(failed, "  ")).toBe(true);
    expect(matchesFilter(failed, "helper")).toBe(false);
  });
});
