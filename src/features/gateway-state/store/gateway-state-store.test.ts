import { describe, expect, it } from "vitest";
import { readHealth } from "../model/gateway-summary";
import { readPresenceEntries } from "../model/presence";
import { createGatewayStateStore } from "./gateway-state-store";

const URL = "ws://127.0.0.1:19889";
const SELF = { host: "vm", mode: "gateway", reason: "self", instanceId: "gw", ts: 1 };
const TAB = { host: "Clawscope", clientId: "openclaw-control-ui", mode: "webchat", instanceId: "tab-1", reason: "connect", ts: 5 };

function hello(bootId: string, presence: unknown[] = [SELF], uptimeMs = 1_000) {
  return {
    server: { version: "2026.9.6", bootId },
    snapshot: { presence, health: {}, stateVersion: { presence: 1, health: 1 }, uptimeMs },
  };
}

describe("gateway state store", () => {
  it("takes the summary and presence from hello and follows newer presence events only", () => {
    const store = createGatewayStateStore();
    store.getState().helloReceived({ url: URL, hello: hello("boot-1"), at: 100 });
    expect(store.getState().summary).toMatchObject({ version: "2026.9.6", bootId: "boot-1", uptimeMs: 1_000, helloAt: 100 });
    expect(store.getState().restart).toBeUndefined();

    store.getState().presenceReceived(readPresenceEntries({ presence: [SELF, TAB] }), 3);
    store.getState().presenceReceived(readPresenceEntries({ presence: [SELF] }), 2);
    expect(store.getState().presence.entries.map((entry) => entry.key)).toEqual(["gw", "tab-1"]);
  });

  it("notices a restart while the page is open, and one that happened while it was away", () => {
    const store = createGatewayStateStore();
    store.getState().helloReceived({ url: URL, hello: hello("boot-1"), at: 100, remembered: { bootId: "boot-0", seenAt: 10 } });
    expect(store.getState().restart).toMatchObject({ previousBootId: "boot-0", bootId: "boot-1", noticed: "while-away" });

    // A reconnect to the same boot keeps the note; a new boot replaces it.
    store.getState().helloReceived({ url: URL, hello: hello("boot-1"), at: 200, remembered: { bootId: "boot-1", seenAt: 100 } });
    expect(store.getState().restart).toMatchObject({ bootId: "boot-1", noticed: "while-away" });
    store.getState().helloReceived({ url: URL, hello: hello("boot-2"), at: 300, remembered: { bootId: "boot-1", seenAt: 200 } });
    expect(store.getState().restart).toMatchObject({ previousBootId: "boot-1", bootId: "boot-2", noticed: "while-open" });
  });

  it("starts presence again from each hello, since versions restart with the connection, keeping 'since' across a reconnect", () => {
    const store = createGatewayStateStore();
    store.getState().helloReceived({ url: URL, hello: hello("boot-1"), at: 100 });
    store.getState().presenceReceived(readPresenceEntries({ presence: [SELF, TAB] }), 9);
    store.getState().helloReceived({ url: URL, hello: hello("boot-1", [SELF, { ...TAB, ts: 50 }]), at: 200 });
    expect(store.getState().presence.version).toBe(1);
    expect(store.getState().presence.connectedSince["tab-1"]).toBe(5);
    store.getState().presenceReceived(readPresenceEntries({ presence: [SELF, { ...TAB, ts: 60 }] }), 2);
    expect(store.getState().presence.entries[1]?.ts).toBe(60);

    store.getState().helloReceived({ url: URL, hello: hello("boot-2", [SELF, { ...TAB, ts: 70 }]), at: 300 });
    expect(store.getState().presence.connectedSince["tab-1"]).toBe(70);
  });

  it("forgets another gateway's restart note when the page switches gateways", () => {
    const store = createGatewayStateStore();
    store.getState().helloReceived({ url: URL, hello: hello("boot-1"), at: 100, remembered: { bootId: "boot-0", seenAt: 10 } });
    store.getState().helloReceived({ url: "ws://other", hello: hello("boot-x"), at: 200 });
    expect(store.getState().restart).toBeUndefined();
  });

  it("remembers when the connection was lost, the first moment only, until the next hello", () => {
    const store = createGatewayStateStore();
    store.getState().connectionLost(50);
    // Nothing was heard yet: there is nothing "last known" to date.
    expect(store.getState().lostAt).toBeUndefined();
    store.getState().helloReceived({ url: URL, hello: hello("boot-1"), at: 100 });
    store.getState().connectionLost(400);
    store.getState().connectionLost(900);
    expect(store.getState().lostAt).toBe(400);
    store.getState().helloReceived({ url: URL, hello: hello("boot-1"), at: 1_000 });
    expect(store.getState().lostAt).toBeUndefined();
  });

  it("keeps the health report with the newest stateVersion", () => {
    const store = createGatewayStateStore();
    store.getState().helloReceived({ url: URL, hello: hello("boot-1"), at: 100 });
    expect(store.getState().health.status).toBe("unknown");
    store.getState().healthReceived(readHealth({ ok: true, eventLoop: { degraded: true, reasons: ["cpu"] } }, 4));
    store.getState().healthReceived(readHealth({ ok: true }, 3));
    expect(store.getState().health).toMatchObject({ status: "degraded", reasons: ["Event loop degraded (cpu)"] });
  });
});
