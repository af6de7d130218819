/**
 * This browser's own record of each run, kept in IndexedDB per gateway and
 * session: what only the client saw (retries that succeeded, fallbacks,
 * connection events, exact timings, live tool output). Each run is stored
 * compacted, as its fold state (stored-run.ts), so a reload restores it
 * without folding its signals again; it is merged with `chat.history` there.
 *
 * One writer per record: a write reads the stored run, folds the new signals
 * onto it and puts it back inside one readwrite transaction, which IndexedDB
 * runs one at a time per store across tabs, so two tabs logging one run add
 * up instead of overwriting each other. Each gateway's logs stay under a byte
 * budget: the least recently used runs go first, and the gateway's usage
 * record says how many went.
 */
import { openLocalDb, type LocalDb, type StoredRunLog, type StoredRunLogUsage } from "@/lib/local-db";
import { createLogger } from "@/lib/logger";
import { foldRunSignals } from "../model/fold-run";
import { createRunFold, type RunFold } from "../model/fold-state";
import type { RunSignal } from "../model/run-signal";
import { runFromStoredSignals, restoreStoredRun, storedRunOf, storedRunProblem, type StoredRun } from "./stored-run";

/** Runs kept per session; the least recently used logs go first. */
export const MAX_RUNS_PER_SESSION = 200;
/** What one gateway's run logs may take in this browser (estimated as JSON length). */
export const RUN_LOG_BUDGET_BYTES = 8 * 1024 * 1024;
/** Steps kept per stored run: the first ones (how it started) and the most recent. */
export const MAX_STEPS_PER_RUN = 2_000;
const KEEP_HEAD_STEPS = 200;
/** Signals held for a write that failed, per run, until a later write takes them. */
export const MAX_UNSAVED_SIGNALS = 20_000;
const FLUSH_DELAY_MS = 400;
const RETRY_DELAY_MS = 5_000;
/** A run read again after this long counts as used again (so a read does not rewrite every record every time). */
const TOUCH_AFTER_MS = 60 * 60_000;
/** Fold states this tab wrote last, so its next write need not restore them from the record. */
const CACHED_FOLDS = 32;

const logger = createLogger("run-log");

const logKey = (gatewayScope: string, sessionKey: string, runId: string) => `${gatewayScope}|${sessionKey}|${runId}`;

/** Whether this browser holds a run's log: after a failed write it only lives in this tab. */
export type SaveResult = { status: "saved" } | { status: "not-saved"; reason: "quota" | "unavailable" | "error" };

export function saveFailure(error: unknown): SaveResult {
  const name = error instanceof Error || error instanceof DOMException ? error.name : "";
  if (name === "QuotaExceededError") return { status: "not-saved", reason: "quota" };
  if (name === "LocalDbUnavailableError") return { status: "not-saved", reason: "unavailable" };
  return { status: "not-saved", reason: "error" };
}

/** The stored run cut to its first and newest steps when it grew past the bound. */
function boundedStoredRun(fold: RunFold): StoredRun {
  const stored = storedRunOf(fold);
  if (stored.steps.length <= MAX_STEPS_PER_RUN) return stored;
  const steps = stored.steps;
  return { ...stored, steps: [...steps.slice(0, KEEP_HEAD_STEPS), ...steps.slice(steps.length - (MAX_STEPS_PER_RUN - KEEP_HEAD_STEPS))] };
}

/** The run a record holds, or undefined (with a warning) when it cannot be read. */
export function runOfRecord(record: StoredRunLog): RunFold | undefined {
  if (record.format === 1 && Array.isArray(record.signals)) {
    return runFromStoredSignals(record.runId, record.sessionKey, record.signals, (problem) =>
      logger.warn("dropped a stored signal this version cannot fold", { runLog: record.key, problem }),
    );
  }
  const problem = record.format === 2 ? storedRunProblem(record.run) : `format ${JSON.stringify(record.format)}`;
  if (problem === undefined) return restoreStoredRun(record.run as StoredRun);
  logger.warn("dropped a stored run this version cannot read", { runLog: record.key, problem });
  return undefined;
}

function lastHeardOf(record: StoredRunLog): number {
  const at = (record.run as { lastEventAt?: unknown } | undefined)?.lastEventAt;
  return typeof at === "number" ? at : record.updatedAt;
}

interface PendingRun {
  sessionKey: string;
  runId: string;
  signals: RunSignal[];
}

type FoldCache = Map<string, { stamp: string; fold: RunFold }>;

let stamps = 0;
const newStamp = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${(stamps += 1)}`;

function emptyUsage(gatewayScope: string, budgetBytes: number): StoredRunLogUsage {
  return { gatewayScope, bytes: 0, budgetBytes, evictedRuns: 0 };
}

/** One read-merge-write transaction: each run's new signals folded onto what is stored now, then the bounds. */
async function writeBatch(db: LocalDb, gatewayScope: string, batch: readonly PendingRun[], cache: FoldCache, budgetBytes: number): Promise<void> {
  const now = Date.now();
  const tx = db.transaction(["run-logs", "run-log-usage"], "readwrite");
  const logs = tx.objectStore("run-logs");
  const usageStore = tx.objectStore("run-log-usage");
  const usage = { ...((await usageStore.get(gatewayScope)) ?? emptyUsage(gatewayScope, budgetBytes)), budgetBytes };
  const written = new Set<string>();
  const sessions = new Set<string>();
  for (const entry of batch) {
    const key = logKey(gatewayScope, entry.sessionKey, entry.runId);
    const existing = await logs.get(key);
    const cached = cache.get(key);
    const base =
      (existing && (cached?.stamp === existing.stamp ? cached.fold : runOfRecord(existing))) ??
      createRunFold(entry.runId, { at: entry.signals[0]?.at, sessionKey: entry.sessionKey });
    const fold = foldRunSignals(base, entry.signals);
    const run = boundedStoredRun(fold);
    const bytes = JSON.stringify(run).length;
    const stamp = newStamp();
    await logs.put({ key, gatewayScope, sessionKey: entry.sessionKey, runId: entry.runId, updatedAt: now, usedAt: now, bytes, stamp, format: 2, run });
    usage.bytes += bytes - (existing?.bytes ?? 0);
    cache.delete(key);
    cache.set(key, { stamp, fold });
    if (cache.size > CACHED_FOLDS) cache.delete(cache.keys().next().value as string);
    written.add(key);
    sessions.add(entry.sessionKey);
  }
  let evicted = 0;
  const evict = async (record: StoredRunLog) => {
    await logs.delete(record.key);
    usage.bytes -= record.bytes;
    evicted += 1;
  };
  for (const sessionKey of sessions) {
    const count = await logs.index("by-session").count([gatewayScope, sessionKey]);
    if (count <= MAX_RUNS_PER_SESSION) continue;
    const rows = await logs.index("by-session").getAll([gatewayScope, sessionKey]);
    // Runs written together were used together: the one heard from last stays.
    rows.sort((a, b) => a.usedAt - b.usedAt || lastHeardOf(a) - lastHeardOf(b));
    for (const row of rows.slice(0, count - MAX_RUNS_PER_SESSION)) await evict(row);
  }
  if (usage.bytes > budgetBytes) {
    const range = IDBKeyRange.bound([gatewayScope, Number.NEGATIVE_INFINITY], [gatewayScope, Number.POSITIVE_INFINITY]);
    for (let cursor = await logs.index("by-gateway-use").openCursor(range); cursor && usage.bytes > budgetBytes; cursor = await cursor.continue()) {
      if (!written.has(cursor.value.key)) await evict(cursor.value);
    }
  }
  if (evicted > 0) {
    usage.evictedRuns += evicted;
    usage.lastEvictedAt = now;
  }
  usage.bytes = Math.max(0, usage.bytes);
  await usageStore.put(usage);
  await tx.done;
}

export interface RunLogWriter {
  record(signals: readonly RunSignal[]): void;
  flush(): Promise<void>;
  /** The session was reset or deleted on the gateway: its runs are no longer its story. */
  forget(sessionKey: string): Promise<void>;
}

export interface RunLogWriterOptions {
  onError?(error: unknown): void;
  /** Which runs a write just saved, or could not. */
  onSaveResult?(runIds: readonly string[], result: SaveResult): void;
  budgetBytes?: number;
}

export function createRunLogWriter(gatewayScope: string, options: RunLogWriterOptions = {}): RunLogWriter {
  const pending = new Map<string, PendingRun>();
  const cache: FoldCache = new Map();
  const budgetBytes = options.budgetBytes ?? RUN_LOG_BUDGET_BYTES;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delay: number) => {
    if (pending.size > 0 && timer === undefined) timer = setTimeout(() => void flush(), delay);
  };

  const flush = async () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.size === 0) return;
    const batch = [...pending.values()];
    pending.clear();
    const runIds = batch.map((entry) => entry.runId);
    try {
      await writeBatch(await openLocalDb(), gatewayScope, batch, cache, budgetBytes);
      options.onSaveResult?.(runIds, { status: "saved" });
    } catch (error) {
      // Nothing of the batch was stored: its signals wait for the next write, ahead of newer ones.
      for (const entry of batch) {
        const key = logKey(gatewayScope, entry.sessionKey, entry.runId);
        const newer = pending.get(key)?.signals ?? [];
        pending.set(key, { ...entry, signals: [...entry.signals, ...newer].slice(-MAX_UNSAVED_SIGNALS) });
      }
      schedule(RETRY_DELAY_MS);
      options.onSaveResult?.(runIds, saveFailure(error));
      options.onError?.(error);
    }
  };

  return {
    record(signals) {
      for (const signal of signals) {
        // Only what the browser saw is worth keeping; history can always be asked again.
        if (signal.source !== "live" || !signal.sessionKey) continue;
        const key = logKey(gatewayScope, signal.sessionKey, signal.runId);
        const entry = pending.get(key) ?? { sessionKey: signal.sessionKey, runId: signal.runId, signals: [] };
        entry.signals.push(signal);
        pending.set(key, entry);
      }
      schedule(FLUSH_DELAY_MS);
    },
    flush,
    async forget(sessionKey) {
      for (const [key, entry] of pending) if (entry.sessionKey === sessionKey) pending.delete(key);
      try {
        const tx = (await openLocalDb()).transaction(["run-logs", "run-log-usage"], "readwrite");
        const logs = tx.objectStore("run-logs");
        let freed = 0;
        for (const row of await logs.index("by-session").getAll([gatewayScope, sessionKey])) {
          freed += row.bytes ?? 0;
          cache.delete(row.key);
          await logs.delete(row.key);
        }
        // The budget counts what is stored, so what went is given back.
        const usage = await tx.objectStore("run-log-usage").get(gatewayScope);
        if (usage && freed > 0) await tx.objectStore("run-log-usage").put({ ...usage, bytes: Math.max(0, usage.bytes - freed) });
        await tx.done;
      } catch (error) {
        options.onError?.(error);
      }
    },
  };
}

/**
 * Every logged run of one session, restored. Records this version cannot
 * read are left out with a warning (and removed); records of the first
 * schema are compacted; records not used for a while count as used again.
 */
export async function readSessionRunLogs(gatewayScope: string, sessionKey: string): Promise<RunFold[]> {
  const db = await openLocalDb();
  const rows = await db.getAllFromIndex("run-logs", "by-session", [gatewayScope, sessionKey]);
  const runs: RunFold[] = [];
  const tidy: Array<{ row: StoredRunLog; run: RunFold | undefined }> = [];
  const now = Date.now();
  for (const row of rows) {
    const run = runOfRecord(row);
    if (run) runs.push(run);
    if (!run || row.format === 1 || now - row.usedAt > TOUCH_AFTER_MS) tidy.push({ row, run });
  }
  if (tidy.length > 0) void tidyRecords(db, gatewayScope, tidy, now).catch((error: unknown) => logger.warn("could not tidy the run log", error));
  return runs;
}

async function tidyRecords(db: LocalDb, gatewayScope: string, tidy: ReadonlyArray<{ row: StoredRunLog; run: RunFold | undefined }>, now: number): Promise<void> {
  const tx = db.transaction(["run-logs", "run-log-usage"], "readwrite");
  const logs = tx.objectStore("run-logs");
  const usageStore = tx.objectStore("run-log-usage");
  const usage = { ...((await usageStore.get(gatewayScope)) ?? emptyUsage(gatewayScope, RUN_LOG_BUDGET_BYTES)) };
  for (const { row, run } of tidy) {
    // Another tab may have written it since it was read: then that write stands.
    if ((await logs.get(row.key))?.stamp !== row.stamp) continue;
    if (!run) {
      await logs.delete(row.key);
      usage.bytes -= row.bytes;
      continue;
    }
    const stored = row.format === 1 ? boundedStoredRun(run) : (row.run as StoredRun);
    const bytes = row.format === 1 ? JSON.stringify(stored).length : row.bytes;
    const { key, sessionKey, runId, updatedAt } = row;
    await logs.put({ key, gatewayScope, sessionKey, runId, updatedAt, usedAt: now, bytes, stamp: newStamp(), format: 2, run: stored });
    usage.bytes += bytes - row.bytes;
  }
  usage.bytes = Math.max(0, usage.bytes);
  await usageStore.put(usage);
  await tx.done;
}
