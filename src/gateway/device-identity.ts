/**
 * This browser's Ed25519 device identity, which the gateway requires from any
 * Control-UI/webchat client. The key pair is made once with WebCrypto and kept
 * in IndexedDB; the private key is non-extractable, so no script (nor an
 * export) can read it.
 */
import type { GatewayBrowserDeviceIdentity } from "@openclaw/gateway-client/browser";
import { openLocalDb, type StoredDeviceKey } from "@/lib/local-db";

export class DeviceIdentityUnavailableError extends Error {
  constructor(cause: string) {
    super(
      `This browser cannot make a device key (${cause}). Open Clawscope over https or from localhost/127.0.0.1, where WebCrypto Ed25519 is available.`,
    );
    this.name = "DeviceIdentityUnavailableError";
  }
}

export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function subtleCrypto(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new DeviceIdentityUnavailableError("WebCrypto needs a secure context");
  return subtle;
}

async function createDeviceKey(): Promise<StoredDeviceKey> {
  const subtle = subtleCrypto();
  let pair: CryptoKeyPair;
  try {
    pair = (await subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"])) as CryptoKeyPair;
  } catch (error) {
    throw new DeviceIdentityUnavailableError(error instanceof Error ? error.message : "Ed25519 unsupported");
  }
  const rawPublic = await subtle.exportKey("raw", pair.publicKey);
  return {
    id: "default",
    // The gateway derives the device id the same way and rejects a mismatch.
    deviceId: hex(await subtle.digest("SHA-256", rawPublic)),
    publicKey: base64UrlEncode(new Uint8Array(rawPublic)),
    privateKey: pair.privateKey,
    createdAt: Date.now(),
  };
}

function toIdentity(stored: StoredDeviceKey): GatewayBrowserDeviceIdentity {
  return {
    deviceId: stored.deviceId,
    publicKey: stored.publicKey,
    async sign(payload: string) {
      const signature = await subtleCrypto().sign({ name: "Ed25519" }, stored.privateKey, new TextEncoder().encode(payload));
      return base64UrlEncode(new Uint8Array(signature));
    },
  };
}

let identityPromise: Promise<GatewayBrowserDeviceIdentity> | null = null;

/** Loads the stored identity, creating it on first use. Concurrent callers share one key. */
export function loadDeviceIdentity(): Promise<GatewayBrowserDeviceIdentity> {
  identityPromise ??= (async () => {
    const db = await openLocalDb();
    const existing = await db.get("device-keys", "default");
    if (existing) return toIdentity(existing);
    const created = await createDeviceKey();
    // A second tab may have raced us; keep whichever key landed first.
    const tx = db.transaction("device-keys", "readwrite");
    const winner = (await tx.store.get("default")) ?? created;
    if (winner === created) await tx.store.put(created);
    await tx.done;
    return toIdentity(winner);
  })().catch((error: unknown) => {
    identityPromise = null;
    throw error;
  });
  return identityPromise;
}

export function resetDeviceIdentityCacheForTests(): void {
  identityPromise = null;
}
