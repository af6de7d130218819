/**
 * The one IndexedDB database Clawscope keeps in the browser. Every store is
 * declared here so that schema upgrades happen in one place, one version step
 * at a time (`upgrade` reads `oldVersion`), and so that a tab never hangs on
 * another tab's schema: an upgrade this tab blocks closes this tab's handle,
 * an upgrade another tab blocks gives up after a moment, and both say so.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from "idb";
import { isRecord } from "./read-untrusted";
import { createLogger } from "./logger";

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
  /** Last written or read by this browser: the least recently used go first when the budget is full. */
  usedAt: number;
  /** Estimated size (JSON length), counted against the gateway's budget. */
  bytes: number;
  /** Changes on every write, so a writer can tell its own last write from another tab's. */
  stamp: string;
  /**
   * 1: `signals`, as the first schema wrote them (converted by the runs
   * feature when read); 2: `run`, the compacted run. Both opaque here: the
   * runs feature owns their shape and validates them.
   */
  format: 1 | 2;
  signals?: unknown[];
  run?: unknown;
}

/** What one gateway's run logs take, and what the budget made this browser forget. */
export interface StoredRunLogUsage {
  gatewayScope: string;
  bytes: number;
  budgetBytes: number;
  evictedRuns: number;
  lastEvictedAt?: number;
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
  "run-logs": {
    key: string;
    value: StoredRunLog;
    indexes: { "by-session": [string, string]; "by-updated": number; "by-gateway-use": [string, number] };
  };
  "run-log-usage": { key: string; value: StoredRunLogUsage };
  outbox: { key: string; value: StoredOutboxEntry; indexes: { "by-session": [string, string] } };
}

export type LocalDb = IDBPDatabase<ClawscopeDb>;
type UpgradeTransaction = IDBPTransaction<ClawscopeDb, StoreNames<ClawscopeDb>[], "versionchange">;

export const DB_NAME = "clawscope";
export const DB_VERSION = 2;
/** How long a tab waits for other tabs to let go of an older schema before it carries on without storage. */
export const BLOCKED_TIMEOUT_MS = 3_000;

const logger = createLogger("local-db");

/** Why storage is unavailable to this tab, in words for the user; null while it works. */
export type LocalDbNotice = { kind: "blocked"; words: string } | { kind: "closed-for-upgrade"; words: string };
export const BLOCKED_WORDS = "Storage is waiting for Clawscope's other tabs to close: reload or close them.";
export const CLOSED_WORDS = "Clawscope was updated in another tab: reload this tab to keep saving runs.";

let notice: LocalDbNotice | null = null;
const noticeListeners = new Set<() => void>();

function setNotice(next: LocalDbNotice | null): void {
  notice = next;
  for (const listener of noticeListeners) listener();
}

export function localDbNotice(): LocalDbNotice | null {
  return notice;
}

export function onLocalDbNotice(listener: () => void): () => void {
  noticeListeners.add(listener);
  return () => noticeListeners.delete(listener);
}

export class LocalDbUnavailableError extends Error {
  constructor(readonly reason: LocalDbNotice["kind"]) {
    super(reason === "blocked" ? BLOCKED_WORDS : CLOSED_WORDS);
    this.name = "LocalDbUnavailableError";
  }
}

function createV1Stores(db: LocalDb): void {
  db.createObjectStore("device-keys", { keyPath: "id" });
  db.createObjectStore("device-tokens", { keyPath: "key" });
  const runLogs = db.createObjectStore("run-logs", { keyPath: "key" });
  runLogs.createIndex("by-session", ["gatewayScope", "sessionKey"]);
  runLogs.createIndex("by-updated", "updatedAt");
  const outbox = db.createObjectStore("outbox", { keyPath: "idempotencyKey" });
  outbox.createIndex("by-session", ["gatewayScope", "sessionKey"]);
}

/**
 * v1 → v2: run logs get a size, a last use and a format, and each gateway a
 * usage record. A v1 record (a signal array) keeps its signals as format 1
 * (the runs feature compacts it on first read: this layer does not know runs);
 * one that is not even that is dropped with a warning.
 */
async function migrateRunLogsToV2(tx: UpgradeTransaction): Promise<void> {
  const runLogs = tx.objectStore("run-logs");
  runLogs.createIndex("by-gateway-use", ["gatewayScope", "usedAt"]);
  const usage = new Map<string, number>();
  for (let cursor = await runLogs.openCursor(); cursor; cursor = await cursor.continue()) {
    const value: unknown = cursor.value;
    const v1 = isRecord(value) ? value : undefined;
    const strings = v1 && ["key", "gatewayScope", "sessionKey", "runId"].every((field) => typeof v1[field] === "string");
    if (!v1 || !strings || !Array.isArray(v1.signals)) {
      logger.warn("dropped a stored run log the first schema could not have written", { runLog: cursor.key });
      await cursor.delete();
      continue;
    }
    const gatewayScope = v1.gatewayScope as string;
    const updatedAt = typeof v1.updatedAt === "number" && Number.isFinite(v1.updatedAt) ? v1.updatedAt : 0;
    const bytes = JSON.stringify(v1.signals).length;
    usage.set(gatewayScope, (usage.get(gatewayScope) ?? 0) + bytes);
    await cursor.update({
      key: v1.key as string,
      gatewayScope,
      sessionKey: v1.sessionKey as string,
      runId: v1.runId as string,
      updatedAt,
      usedAt: updatedAt,
      bytes,
      stamp: "v1",
      format: 1,
      signals: v1.signals as unknown[],
    });
  }
  const usageStore = tx.objectStore("run-log-usage");
  for (const [gatewayScope, bytes] of usage) await usageStore.put({ gatewayScope, bytes, budgetBytes: 0, evictedRuns: 0 });
}

let dbPromise: Promise<LocalDb> | null = null;

function open(): Promise<LocalDb> {
  let settled = false;
  let giveUp: ReturnType<typeof setTimeout> | undefined;
  const opening = openDB<ClawscopeDb>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) createV1Stores(db);
      if (oldVersion < 2) {
        db.createObjectStore("run-log-usage", { keyPath: "gatewayScope" });
        void migrateRunLogsToV2(tx).catch((error: unknown) => {
          logger.warn("could not migrate the run logs; they are dropped", error);
          tx.abort();
        });
      }
    },
    blocked() {
      setNotice({ kind: "blocked", words: BLOCKED_WORDS });
      giveUp ??= setTimeout(() => fail(new LocalDbUnavailableError("blocked")), BLOCKED_TIMEOUT_MS);
    },
    blocking() {
      // Another tab runs a newer schema: let it, and never reopen the old one.
      void opening.then((db) => db.close());
      dbPromise = Promise.reject(new LocalDbUnavailableError("closed-for-upgrade"));
      dbPromise.catch(() => {});
      setNotice({ kind: "closed-for-upgrade", words: CLOSED_WORDS });
    },
    terminated() {
      dbPromise = null;
    },
  });
  let fail: (error: Error) => void = () => {};
  const raced = new Promise<LocalDb>((resolve, reject) => {
    fail = (error) => {
      if (settled) return;
      settled = true;
      if (dbPromise === raced) dbPromise = null;
      // The open goes on; whenever it succeeds, this stale handle is let go.
      void opening.then((db) => db.close(), () => {});
      reject(error);
    };
    opening.then(
      (db) => {
        clearTimeout(giveUp);
        if (settled) return;
        settled = true;
        if (notice?.kind === "blocked") setNotice(null);
        resolve(db);
      },
      (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
    );
  });
  return raced;
}

export function openLocalDb(): Promise<LocalDb> {
  dbPromise ??= open();
  return dbPromise;
}

/** One gateway's run-log usage, or undefined before anything was logged for it. */
export async function readRunLogUsage(gatewayScope: string): Promise<StoredRunLogUsage | undefined> {
  return (await openLocalDb()).get("run-log-usage", gatewayScope);
}

/** Tests open a fresh fake IndexedDB per case; forget the cached handle with it. */
export function resetLocalDbForTests(): void {
  dbPromise = null;
  notice = null;
}

let persisting: Promise<boolean> | undefined;

/**
 * Asks the browser, once per page, to keep this origin's storage under
 * pressure (`navigator.storage.persist()`); says whether it is persistent.
 */
export function persistStorageOnce(): Promise<boolean> {
  persisting ??= (async () => {
    const storage = globalThis.navigator?.storage;
    if (!storage?.persist) return false;
    try {
      return (await storage.persisted?.()) || (await storage.persist());
    } catch {
      return false;
    }
  })();
  return persisting;
}
