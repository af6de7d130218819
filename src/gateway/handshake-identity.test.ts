import { describe, expect, it } from "vitest";
import type { GatewayBrowserDeviceAuthPlan } from "@openclaw/gateway-client/browser";
import { describeAuthMethod, describeHandshakeIdentity, shortDeviceId } from "./handshake-identity";

const DEVICE_ID = "201f3541e0dcb0815b4cb44765937a9e83c1eb5232e7573575509e8e6fcfebcb";
const client = { id: "openclaw-control-ui", displayName: "Clawscope", mode: "webchat", instanceId: "tab-1" };

function plan(selectedAuth: GatewayBrowserDeviceAuthPlan["selectedAuth"], withDevice = true): GatewayBrowserDeviceAuthPlan {
  return {
    clientId: client.id,
    role: "operator",
    identity: withDevice ? { deviceId: DEVICE_ID, publicKey: "pk", sign: async () => "sig" } : null,
    selectedAuth,
    scopes: ["operator.read"],
  };
}

describe("describeHandshakeIdentity", () => {
  it("names the client, the device and a shared gateway token", () => {
    expect(describeHandshakeIdentity(plan({ authToken: "secret-token", signatureToken: "secret-token" }), client)).toEqual({
      clientId: "openclaw-control-ui",
      displayName: "Clawscope",
      mode: "webchat",
      instanceId: "tab-1",
      role: "operator",
      deviceId: DEVICE_ID,
      authMethod: "token",
    });
  });

  it("tells a stored device token from the gateway token, though both travel in the token slot", () => {
    const identity = describeHandshakeIdentity(plan({ authToken: "stored", resolvedDeviceToken: "stored", storedToken: "stored", usingStoredDeviceToken: true }), client);
    expect(identity.authMethod).toBe("device-token");
    expect(describeHandshakeIdentity(plan({ authToken: "given", authDeviceToken: "stored" }), client).authMethod).toBe("device-token");
  });

  it("says when no credential but the device signature was sent, and when there was no device", () => {
    const identity = describeHandshakeIdentity(plan({}, false), client);
    expect(identity.authMethod).toBe("device-signature");
    expect(identity.deviceId).toBeUndefined();
    expect(describeHandshakeIdentity(plan({ authPassword: "pw" }), client).authMethod).toBe("password");
    expect(describeHandshakeIdentity(plan({ authBootstrapToken: "b" }), client).authMethod).toBe("bootstrap-token");
  });

  it("never carries a credential's value", () => {
    const identity = describeHandshakeIdentity(plan({ authToken: "secret-token", storedToken: "stored-secret" }), client);
    expect(JSON.stringify(identity)).not.toMatch(/secret/);
  });
});

describe("words", () => {
  it("describes methods and shortens device ids", () => {
    expect(describeAuthMethod("device-token")).toBe("this browser's device token");
    expect(shortDeviceId(DEVICE_ID)).toBe("201f35…cfebcb");
    expect(shortDeviceId("short")).toBe("short");
  });
});
