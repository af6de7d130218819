// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { EmbeddedInfo } from "../api/embedded-info";
import { readLaunchParams } from "../model/launch-params";

const embedded: EmbeddedInfo = {
  mode: "embedded",
  phase: "ready",
  message: "",
  startedAt: 0,
  updatedAt: 0,
  gatewayUrl: "ws://127.0.0.1:19789",
  token: "embedded-token",
  instance: ".clawscope/embedded",
};

async function freshStore() {
  vi.resetModules();
  return (await import("./connection-settings-store")).connectionSettingsStore;
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

/** Everything this origin keeps in web storage, to check where a secret went. */
function storedText(): string {
  const all: string[] = [];
  for (const storage of [localStorage, sessionStorage]) {
    for (let i = 0; i < storage.length; i++) all.push(`${storage.key(i)}=${storage.getItem(storage.key(i)!)}`);
  }
  return all.join("\n");
}

describe("connection settings", () => {
  it("uses the embedded gateway when nothing else was chosen, and remembers it", async () => {
    const store = await freshStore();
    store.getState().embeddedGatewayReady(embedded);
    expect(store.getState()).toMatchObject({ gatewayUrl: embedded.gatewayUrl, token: "embedded-token", source: "embedded" });
    expect((await freshStore()).getState().gatewayUrl).toBe(embedded.gatewayUrl);
  });

  it("a link naming only a session keeps the embedded gateway and opens that session", async () => {
    const store = await freshStore();
    store.getState().launchLinkOpened(readLaunchParams("http://127.0.0.1:5173/?session=agent%3Amain%3Ae2e"));
    store.getState().embeddedGatewayReady(embedded);
    expect(store.getState()).toMatchObject({ gatewayUrl: embedded.gatewayUrl, sessionKey: "agent:main:e2e", source: "embedded" });
  });

  it("a gateway the user entered wins over the embedded one", async () => {
    const store = await freshStore();
    store.getState().connectionFormSubmitted({ gatewayUrl: "ws://10.0.0.5:18789", token: "mine", remember: false });
    store.getState().embeddedGatewayReady(embedded);
    expect(store.getState()).toMatchObject({ gatewayUrl: "ws://10.0.0.5:18789", token: "mine", source: "user" });
    store.getState().embeddedGatewayChosen(embedded);
    expect(store.getState()).toMatchObject({ gatewayUrl: embedded.gatewayUrl, token: "embedded-token", source: "embedded" });
  });

  it("a dashboard link sets gateway, token and session once the user accepts it", async () => {
    const store = await freshStore();
    store.getState().launchLinkOpened(readLaunchParams("http://x.test/?gatewayUrl=ws%3A%2F%2Fgw%3A1&session=s#token=t"));
    expect(store.getState()).toMatchObject({ gatewayUrl: null, token: "", pendingLaunch: { gatewayUrl: "ws://gw:1", token: "t", sessionKey: "s" } });
    store.getState().launchLinkAccepted();
    expect(store.getState()).toMatchObject({ gatewayUrl: "ws://gw:1", token: "t", sessionKey: "s", source: "link", pendingLaunch: null });
  });

  it("a link to another gateway waits for an answer, and Keep current keeps the embedded gateway", async () => {
    const store = await freshStore();
    store.getState().launchLinkOpened(readLaunchParams("http://127.0.0.1:5173/?gatewayUrl=wss%3A%2F%2Fattacker.example"));
    store.getState().embeddedGatewayReady(embedded);
    expect(store.getState()).toMatchObject({ gatewayUrl: embedded.gatewayUrl, pendingLaunch: { gatewayUrl: "wss://attacker.example" } });
    store.getState().launchLinkDeclined();
    expect(store.getState()).toMatchObject({ gatewayUrl: embedded.gatewayUrl, token: "embedded-token", source: "embedded", pendingLaunch: null });
    expect(storedText()).not.toContain("attacker.example");
  });

  it("a #token= link never replaces or stores the token without consent", async () => {
    const store = await freshStore();
    store.getState().embeddedGatewayReady(embedded);
    store.getState().launchLinkOpened(readLaunchParams("http://127.0.0.1:5173/#token=junk"));
    expect(store.getState()).toMatchObject({ token: "embedded-token", pendingLaunch: { token: "junk" } });
    expect(storedText()).not.toContain("junk");
    store.getState().launchLinkDeclined();
    expect((await freshStore()).getState().token).not.toBe("junk");
  });

  it("a link that changes nothing is followed without asking", async () => {
    const store = await freshStore();
    store.getState().embeddedGatewayReady(embedded);
    store.getState().launchLinkOpened(readLaunchParams("http://127.0.0.1:5173/?gatewayUrl=ws%3A%2F%2F127.0.0.1%3A19789&session=agent%3Amain%3Ax"));
    expect(store.getState()).toMatchObject({ gatewayUrl: embedded.gatewayUrl, sessionKey: "agent:main:x", pendingLaunch: null });
  });

  it("an accepted link lasts for this tab only: a new tab is back on the embedded gateway", async () => {
    const store = await freshStore();
    store.getState().embeddedGatewayReady(embedded);
    store.getState().launchLinkOpened(readLaunchParams("http://127.0.0.1:5173/?gatewayUrl=ws%3A%2F%2Fgw%3A1#token=link-token"));
    store.getState().launchLinkAccepted();
    expect(localStorage.getItem("clawscope.connection.v1") ?? "").not.toContain("link-token");
    expect((await freshStore()).getState()).toMatchObject({ gatewayUrl: "ws://gw:1", token: "link-token", source: "link" });
    sessionStorage.clear();
    const newTab = await freshStore();
    newTab.getState().embeddedGatewayReady(embedded);
    expect(newTab.getState()).toMatchObject({ gatewayUrl: embedded.gatewayUrl, token: "embedded-token", source: "embedded" });
  });

  it("keeps an entered token for this tab's session unless Remember on this device is checked", async () => {
    const store = await freshStore();
    store.getState().connectionFormSubmitted({ gatewayUrl: "ws://10.0.0.5:18789", token: "typed-token", remember: false });
    expect(localStorage.getItem("clawscope.connection.v1") ?? "").not.toContain("typed-token");
    expect((await freshStore()).getState().token).toBe("typed-token");
    sessionStorage.clear();
    expect((await freshStore()).getState()).toMatchObject({ gatewayUrl: "ws://10.0.0.5:18789", token: "", remember: false });

    const again = await freshStore();
    again.getState().connectionFormSubmitted({ gatewayUrl: "ws://10.0.0.5:18789", token: "typed-token", remember: true });
    sessionStorage.clear();
    expect((await freshStore()).getState()).toMatchObject({ gatewayUrl: "ws://10.0.0.5:18789", token: "typed-token", remember: true });
  });

  it("takes a token an older version left in localStorage out of it, and drops an unconfirmed link gateway", async () => {
    localStorage.setItem("clawscope.connection.v1", JSON.stringify({ gatewayUrl: "wss://attacker.example", token: "old", sessionKey: null, source: "link" }));
    const store = await freshStore();
    expect(store.getState()).toMatchObject({ gatewayUrl: null, token: "" });
    expect(storedText()).not.toContain("old");
    expect(storedText()).not.toContain("attacker.example");

    localStorage.setItem("clawscope.connection.v1", JSON.stringify({ gatewayUrl: "ws://10.0.0.5:18789", token: "legacy-token", sessionKey: "s", source: "user" }));
    sessionStorage.clear();
    const migrated = await freshStore();
    expect(migrated.getState()).toMatchObject({ gatewayUrl: "ws://10.0.0.5:18789", token: "legacy-token", remember: false });
    expect(localStorage.getItem("clawscope.connection.v1") ?? "").not.toContain("legacy-token");
  });

  it("forgetting the gateway wipes its settings and token from both storages", async () => {
    const store = await freshStore();
    store.getState().connectionFormSubmitted({ gatewayUrl: "ws://10.0.0.5:18789", token: "typed-token", remember: true });
    store.getState().gatewayForgotten("ws://10.0.0.5:18789");
    expect(store.getState()).toMatchObject({ gatewayUrl: null, token: "", sessionKey: null, source: null, remember: false, forgetNotice: { gatewayUrl: "ws://10.0.0.5:18789", summary: null } });
    expect(storedText()).toBe("");
  });
});
