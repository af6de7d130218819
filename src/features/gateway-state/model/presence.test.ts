import { describe, expect, it } from "vitest";
import { EMPTY_PRESENCE, presenceReceived, presenceVersionOf, readPresenceEntries } from "./presence";

// Shapes recorded from the pinned gateway (2026.9.6) with two Clawscope tabs connected.
const GATEWAY_SELF = {
  host: "vm",
  ip: "192.0.2.2",
  version: "2026.9.6",
  platform: "linux 6.18.44-fc-v769",
  deviceFamily: "Linux",
  mode: "gateway",
  reason: "self",
  instanceId: "83d072f4-c1ac-4fd2-aa44-835c51c78914",
  text: "Gateway: vm (192.0.2.2) · app 2026.9.6 · mode gateway · reason self",
  ts: 1_000,
};

function tab(instanceId: string, ts: number, reason = "connect") {
  return {
    clientId: "openclaw-control-ui",
    mode: "webchat",
    user: { id: "gateway-owner" },
    onlineSince: 500,
    roles: ["operator"],
    scopes: ["operator.admin", "operator.read"],
    ts,
    text: "Node: unknown · mode webchat",
    host: "Clawscope",
    version: "clawscope/0.1.0",
    platform: "web",
    deviceId: `device-of-${instanceId}`,
    instanceId,
    reason,
  };
}

describe("readPresenceEntries", () => {
  it("reads the bare list and the event payload alike", () => {
    const list = [GATEWAY_SELF, tab("tab-1", 2_000)];
    expect(readPresenceEntries(list)).toEqual(readPresenceEntries({ presence: list }));
    const [self, first] = readPresenceEntries(list);
    expect(self).toMatchObject({ key: GATEWAY_SELF.instanceId, mode: "gateway", reason: "self", host: "vm", ip: "192.0.2.2" });
    expect(first).toMatchObject({ key: "tab-1", clientId: "openclaw-control-ui", deviceId: "device-of-tab-1", roles: ["operator"], ts: 2_000 });
  });

  it("skips what is not an entry and keys entries without an instance by device, then host and mode", () => {
    const entries = readPresenceEntries([null, 3, "x", { host: "box", mode: "cli" }, { deviceId: "d1", ts: "soon" }, {}]);
    expect(entries.map((entry) => entry.key)).toEqual(["box|cli", "d1"]);
    expect(entries[1]?.ts).toBeUndefined();
    expect(readPresenceEntries({ nothing: true })).toEqual([]);
  });
});

describe("presenceReceived", () => {
  it("keeps the first ts seen as 'connected since', though the gateway moves ts when others come and go", () => {
    let state = presenceReceived(EMPTY_PRESENCE, readPresenceEntries([GATEWAY_SELF, tab("tab-1", 2_000)]), 2);
    state = presenceReceived(state, readPresenceEntries([GATEWAY_SELF, tab("tab-2", 5_000), tab("tab-1", 5_001)]), 3);
    expect(state.connectedSince).toMatchObject({ "tab-1": 2_000, "tab-2": 5_000 });
    expect(state.version).toBe(3);
  });

  it("ignores a list from an older stateVersion, and takes an unversioned answer keeping the version", () => {
    const newer = presenceReceived(EMPTY_PRESENCE, readPresenceEntries([GATEWAY_SELF, tab("tab-1", 2_000)]), 5);
    expect(presenceReceived(newer, readPresenceEntries([GATEWAY_SELF]), 4)).toBe(newer);
    const answered = presenceReceived(newer, readPresenceEntries([GATEWAY_SELF, tab("tab-1", 2_500), tab("tab-3", 2_600)]));
    expect(answered.version).toBe(5);
    expect(answered.entries).toHaveLength(3);
  });

  it("drops 'since' of a client that left and starts again when it comes back", () => {
    let state = presenceReceived(EMPTY_PRESENCE, readPresenceEntries([tab("tab-1", 2_000)]), 1);
    state = presenceReceived(state, readPresenceEntries([tab("tab-1", 3_000, "disconnect")]), 2);
    expect(state.connectedSince["tab-1"]).toBeUndefined();
    state = presenceReceived(state, readPresenceEntries([tab("tab-1", 4_000)]), 3);
    expect(state.connectedSince["tab-1"]).toBe(4_000);
  });

  it("reads the frame's presence stateVersion", () => {
    expect(presenceVersionOf({ stateVersion: { presence: 4, health: 3 } })).toBe(4);
    expect(presenceVersionOf({})).toBeUndefined();
  });
});
