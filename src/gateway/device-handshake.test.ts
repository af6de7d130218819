import type { GatewayBrowserDeviceAuthPlan } from "@openclaw/gateway-client/browser";
import { describe, expect, it } from "vitest";
import { clientInfo, connectParams } from "./device-handshake";

const device = { id: "device-1", publicKey: "pk", signature: "sig", signedAt: 1_795_000_000_000, nonce: "n-1" };
const plan: GatewayBrowserDeviceAuthPlan = {
  clientId: "openclaw-control-ui",
  role: "operator",
  identity: null,
  selectedAuth: { authToken: "right-token", signatureToken: "right-token" },
  scopes: ["operator.read", "operator.write"],
  auth: { token: "right-token" },
  device,
};

describe("clientInfo", () => {
  it("presents the tab as a Control UI-compatible webchat client", () => {
    expect(clientInfo("0.1.0", "tab-1")).toEqual({
      id: "openclaw-control-ui",
      displayName: "Clawscope",
      version: "clawscope/0.1.0",
      platform: "web",
      mode: "webchat",
      instanceId: "tab-1",
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  });
});

describe("connectParams", () => {
  it("asks for protocol 4 as an operator with the plan's scopes, credential and device, and the tool-events capability", () => {
    const client = clientInfo("0.1.0", "tab-1");
    expect(connectParams(plan, client, { locale: "de-DE", userAgent: "test-agent" })).toEqual({
      minProtocol: 4,
      maxProtocol: 4,
      client,
      role: "operator",
      scopes: ["operator.read", "operator.write"],
      caps: ["tool-events"],
      auth: { token: "right-token" },
      device,
      locale: "de-DE",
      userAgent: "test-agent",
    });
  });

  it("sends neither credential nor device when the plan has none", () => {
    const params = connectParams({ ...plan, auth: undefined, device: undefined }, clientInfo("0.1.0", "tab-1"), { locale: "en-US", userAgent: "x" });
    expect(params).not.toHaveProperty("auth");
    expect(params).not.toHaveProperty("device");
  });
});
