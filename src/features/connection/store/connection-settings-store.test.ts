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

beforeEach(() => localStorage.clear());

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
    store.getState().connectionFormSubmitted({ gatewayUrl: "ws://10.0.0.5:18789", token: "mine" });
    store.getState().embeddedGatewayReady(embedded);
    expect(store.getState()).toMatchObject({ gatewayUrl: "ws://10.0.0.5:18789", token: "mine", source: "user" });
    store.getState().embeddedGatewayChosen(embedded);
    expect(store.getState()).toMatchObject({ gatewayUrl: embedded.gatewayUrl, token: "embedded-token", source: "embedded" });
  });

  it("a dashboard link sets gateway, token and session", async () => {
    const store = await freshStore();
    store.getState().launchLinkOpened(readLaunchParams("http://x.test/?gatewayUrl=ws%3A%2F%2Fgw%3A1&session=s#token=t"));
    expect(store.getState()).toMatchObject({ gatewayUrl: "ws://gw:1", token: "t", sessionKey: "s", source: "link" });
  });
});
