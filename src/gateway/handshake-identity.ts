/**
 * Who this tab said it was on its last handshake: client id, mode, device and
 * which credential it presented. A failed handshake shows it, so "wrong token"
 * can be told apart from "stale device token" or "no device identity".
 * Holds no secret: only the kind of credential, never its value.
 */
import type { GatewayBrowserDeviceAuthPlan } from "@openclaw/gateway-client/browser";

export type HandshakeAuthMethod = "token" | "device-token" | "password" | "bootstrap-token" | "device-signature";

export interface HandshakeIdentity {
  clientId: string;
  displayName?: string;
  mode: string;
  instanceId?: string;
  role: string;
  deviceId?: string;
  authMethod: HandshakeAuthMethod;
}

export interface HandshakeClientInfo {
  id: string;
  displayName?: string;
  mode: string;
  instanceId?: string;
}

export function describeHandshakeIdentity(plan: GatewayBrowserDeviceAuthPlan, client: HandshakeClientInfo): HandshakeIdentity {
  return {
    clientId: client.id,
    ...(client.displayName ? { displayName: client.displayName } : {}),
    mode: client.mode,
    ...(client.instanceId ? { instanceId: client.instanceId } : {}),
    role: plan.role,
    ...(plan.identity ? { deviceId: plan.identity.deviceId } : {}),
    authMethod: authMethodOf(plan.selectedAuth),
  };
}

function authMethodOf(selected: GatewayBrowserDeviceAuthPlan["selectedAuth"]): HandshakeAuthMethod {
  // The library sends a stored device token in the `token` slot too; `usingStoredDeviceToken` says which it was.
  if (selected.usingStoredDeviceToken || selected.authDeviceToken) return "device-token";
  if (selected.authToken) return "token";
  if (selected.authPassword) return "password";
  if (selected.authBootstrapToken) return "bootstrap-token";
  return "device-signature";
}

const AUTH_METHOD_WORDS: Record<HandshakeAuthMethod, string> = {
  token: "gateway token",
  "device-token": "this browser's device token",
  password: "password",
  "bootstrap-token": "bootstrap token",
  "device-signature": "device signature only (no token)",
};

export function describeAuthMethod(method: HandshakeAuthMethod): string {
  return AUTH_METHOD_WORDS[method];
}

/** The gateway's name in hello (`auth.method`) for how it let this tab in, in words when it is one this tab knows. */
export function describeGatewayAuthMethod(method: string): string {
  return Object.hasOwn(AUTH_METHOD_WORDS, method) ? AUTH_METHOD_WORDS[method as HandshakeAuthMethod] : method.replace(/[-_]/g, " ");
}

/** Device ids are public-key hashes (64 hex): the ends are enough to tell two apart. */
export function shortDeviceId(deviceId: string): string {
  return deviceId.length > 14 ? `${deviceId.slice(0, 6)}…${deviceId.slice(-6)}` : deviceId;
}
