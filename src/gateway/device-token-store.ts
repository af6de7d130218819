/**
 * Device tokens the gateway issues in hello-ok, kept per gateway (URL scope),
 * client id, device and role, so a reconnect can authenticate as this device.
 */
import type { GatewayBrowserDeviceTokenStore } from "@openclaw/gateway-client/browser";
import { gatewayCredentialScope } from "@openclaw/gateway-client/browser";
import { openLocalDb } from "@/lib/local-db";

interface TokenKeyParts {
  clientId: string;
  deviceId: string;
  role: string;
}

export function createDeviceTokenStore(gatewayUrl: string): GatewayBrowserDeviceTokenStore {
  const scope = gatewayCredentialScope(gatewayUrl);
  const keyOf = (parts: TokenKeyParts) => [scope, parts.clientId, parts.deviceId, parts.role].join("|");
  return {
    async load(parts) {
      const record = await (await openLocalDb()).get("device-tokens", keyOf(parts));
      return record ? { token: record.token, scopes: record.scopes } : null;
    },
    async store(params) {
      await (await openLocalDb()).put("device-tokens", {
        key: keyOf(params),
        token: params.token,
        scopes: params.scopes,
        storedAt: Date.now(),
      });
    },
    async clear(parts) {
      await (await openLocalDb()).delete("device-tokens", keyOf(parts));
    },
  };
}

/** Forgets every device token this browser holds for one gateway; says how many there were. */
export async function forgetDeviceTokens(gatewayUrl: string): Promise<number> {
  const scope = gatewayCredentialScope(gatewayUrl);
  const db = await openLocalDb();
  const tx = db.transaction("device-tokens", "readwrite");
  let forgotten = 0;
  for (const key of await tx.store.getAllKeys()) {
    if (!key.startsWith(`${scope}|`)) continue;
    await tx.store.delete(key);
    forgotten += 1;
  }
  await tx.done;
  return forgotten;
}
