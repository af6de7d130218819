/**
 * The one IndexedDB database Clawscope keeps in the browser. Every store is
 * declared here so that schema upgrades happen in one place.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";

export interface StoredDeviceKey {
  id: "default";
  deviceId: string;
  publicKey: string;
  /** Non-extractable: the private key never leaves WebCrypto. */
  privateKey: CryptoKey;
  createdAt: number;
}

export interface StoredDeviceToken {
  key: string;
  token: string;
  scopes: string[];
  storedAt: number;
}

export interface StoredRunLog {
  /** `${gatewayScope}|${sessionKey}|${runId}` */
  key: string;
  gatewayScope: string;
  sessionKey: string;
  runId: string;
  updatedAt: number;
  /** Opaque to the database: the runs feature owns its shape. */
  signals: unknown[];
}

export interface StoredOutboxEntry {
  idempotencyKey: string;
  gatewayScope: string;
  sessionKey: string;
  message: string;
  createdAt: number;
  status: "waiting" | "sending" | "sent" | "failed";
  attempts: number;
  error?: string;
  /** Files sent with the message, base64: they survive a reload with it. Opaque here; the chat feature owns the shape. */
  attachments?: readonly unknown[];
}

interface ClawscopeDb extends DBSchema {
  "device-keys": { key: string; value: StoredDeviceKey };
  "device-tokens": { key: string; value: StoredDeviceToken };
  "run-logs": { key: string; value: StoredRunLog; indexes: { "by-session": [string, string]; "by-updated": number } };
  outbox: { key: string; value: StoredOutboxEntry; indexes: { "by-session": [string, string] } };
}

export type LocalDb = IDBPDatabase<ClawscopeDb>;

const DB_NAME = "clawscope";
const DB_VERSION = 1;

let dbPromise: Promise<LocalDb> | null = null;

export function openLocalDb(): Promise<LocalDb> {
  dbPromise ??= openDB<ClawscopeDb>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore("device-keys", { keyPath: "id" });
      db.createObjectStore("device-tokens", { keyPath: "key" });
      const runLogs = db.createObjectStore("run-logs", { keyPath: "key" });
      runLogs.createIndex("by-session", ["gatewayScope", "sessionKey"]);
      runLogs.createIndex("by-updated", "updatedAt");
      const outbox = db.createObjectStore("outbox", { keyPath: "idempotencyKey" });
      outbox.createIndex("by-session", ["gatewayScope", "sessionKey"]);
    },
  });
  return dbPromise;
}

/** Tests open a fresh fake IndexedDB per case; forget the cached handle with it. */
export function resetLocalDbForTests(): void {
  dbPromise = null;
}
