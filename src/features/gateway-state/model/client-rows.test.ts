import { describe, expect, it } from "vitest";
import { buildClientList, kindOf } from "./client-rows";
import type { FailingClient } from "./handshake-failures";
import { EMPTY_PRESENCE, presenceReceived, readPresenceEntries } from "./presence";

const OWN = { instanceId: "tab-1", deviceId: "device-a" };

const SELF = { host: "vm", ip: "192.0.2.2", version: "2026.9.6", platform: "linux", mode: "gateway", reason: "self", instanceId: "gw", ts: 900 };
const webchat = (instanceId: string, deviceId: string, ts: number, reason = "connect") => ({
  clientId: "openclaw-control-ui",
  mode: "webchat",
  host: "Clawscope",
  version: "clawscope/0.1.0",
  platform: "web",
  roles: ["operator"],
  deviceId,
  instanceId,
  reason,
  ts,
});

function presence(list: unknown[]) {
  return presenceReceived(EMPTY_PRESENCE, readPresenceEntries(list), 1);
}

function failing(overrides: Partial<FailingClient>): FailingClient {
  return { key: "bad", clientId: "openclaw-control-ui", displayName: "Clawscope", mode: "webchat", cause: "unauthorized: token_mismatch", authProvided: "token", failures: 3, firstAt: 1_000, lastAt: 3_000, origin: "http://localhost:5273", ...overrides };
}

describe("kindOf", () => {
  it("tells this tab, the gateway, dashboards, nodes and backends apart", () => {
    const entry = (fields: object) => ({ roles: [], ...fields });
    expect(kindOf(entry({ instanceId: "tab-1", mode: "webchat" }), OWN)).toBe("this-tab");
    expect(kindOf(entry({ mode: "gateway", reason: "self" }), OWN)).toBe("gateway");
    expect(kindOf(entry({ instanceId: "tab-2", mode: "webchat" }), OWN)).toBe("dashboard");
    expect(kindOf(entry({ mode: "ui" }), OWN)).toBe("dashboard");
    expect(kindOf(entry({ clientId: "webchat-ui" }), OWN)).toBe("dashboard");
    expect(kindOf(entry({ mode: "node" }), OWN)).toBe("node");
    expect(kindOf({ roles: ["node"], clientId: "openclaw-macos" }, OWN)).toBe("node");
    expect(kindOf(entry({ clientId: "gateway-client", mode: "backend" }), OWN)).toBe("backend");
    expect(kindOf(entry({ mode: "cli" }), OWN)).toBe("backend");
    expect(kindOf(entry({}), OWN)).toBe("other");
  });
});

describe("buildClientList", () => {
  it("lists this tab first, then the gateway and other dashboards, and marks another tab of this browser", () => {
    const list = buildClientList(presence([SELF, webchat("tab-2", "device-a", 2_000), webchat("tab-1", "device-a", 1_000), webchat("other", "device-b", 1_500)]), [], OWN);
    expect(list.connected.map((row) => [row.key, row.kind, row.sameBrowser])).toEqual([
      ["tab-1", "this-tab", false],
      ["gw", "gateway", false],
      ["other", "dashboard", false],
      ["tab-2", "dashboard", true],
    ]);
    expect(list.connected[0]).toMatchObject({ name: "Clawscope", mode: "webchat", clientId: "openclaw-control-ui", version: "clawscope/0.1.0", where: "web", since: 1_000 });
    expect(list.connected[1]).toMatchObject({ name: "vm", where: "linux · 192.0.2.2", since: 900 });
  });

  it("puts clients that left apart, newest first, with when they left", () => {
    const list = buildClientList(presence([webchat("tab-1", "device-a", 1_000), webchat("old", "device-b", 1_200, "disconnect"), webchat("older", "device-c", 1_100, "disconnect")]), [], OWN);
    expect(list.connected.map((row) => row.key)).toEqual(["tab-1"]);
    expect(list.departed.map((row) => [row.key, row.since])).toEqual([
      ["old", 1_200],
      ["older", 1_100],
    ]);
  });

  it("adds clients that only fail their handshake, after the connected ones", () => {
    const list = buildClientList(presence([webchat("tab-1", "device-a", 1_000)]), [failing({ instanceId: "ac89757f-6889-4a37-a7fc-9ee7e7b86774" })], OWN);
    expect(list.connected.at(-1)).toEqual({
      key: "failing:bad",
      kind: "dashboard",
      name: "Clawscope",
      clientId: "openclaw-control-ui",
      mode: "webchat",
      where: "http://localhost:5273 · instance ac89757f",
      since: 1_000,
      sameBrowser: false,
      failing: { failures: 3, lastAt: 3_000, cause: "unauthorized: token_mismatch", authProvided: "token" },
    });
  });

  it("marks a connected client whose instance fails again, and clears one that got in after failing", () => {
    const failingAgain = buildClientList(presence([webchat("tab-1", "device-a", 1_000), webchat("flaky", "device-b", 2_000)]), [failing({ key: "flaky", instanceId: "flaky", lastAt: 2_500 })], OWN);
    expect(failingAgain.connected).toHaveLength(2);
    expect(failingAgain.connected[1]?.failing?.failures).toBe(3);

    const recovered = buildClientList(presence([webchat("tab-1", "device-a", 4_000)]), [failing({ key: "tab-1", instanceId: "tab-1", lastAt: 3_000 })], OWN);
    expect(recovered.connected).toHaveLength(1);
    expect(recovered.connected[0]?.failing).toBeUndefined();
  });
});
