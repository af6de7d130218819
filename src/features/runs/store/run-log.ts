/**
 * This browser's own record of each run, kept in IndexedDB per gateway and
 * session: what only the client saw (retries that succeeded, fallbacks,
 * connection events, exact timings, live tool output). Replayed after a
 * reload and merged with `chat.history`. Bounded per run and per session.
 */
import { openLocalDb } from "@/lib/local-db";
import type { RunSignal } from "../model/run-signal";

/** Signals kept per run: the first ones (how it started) and the most recent. */
export const MAX_SIGNALS_PER_RUN = 1_500;
const KEEP_HEAD = 200;
/** Runs kept per session; the oldest logs go first. */
export const MAX_RUNS_PER_SESSION = 200;
const FLUSH_DELAY_MS = 400;

/**
 * Kinds whose newest signal says all the older ones did: streamed text is
 * cumulative, a pre-output status only sets the phase the next one replaces,
 * and an activity signal only proves the run was alive at that moment. They
 * are most of a run's signals (retry ladders repeat the status walk), so
 * keeping the newest of each makes the log, and a reload's replay, half as long.
 */
const LATEST_ONLY = new Set<RunSignal["kind"]>(["assistant-text", "thinking-text", "status", "activity"]);

export function compactSignals(signals: readonly RunSignal[]): RunSignal[] {
  const lastIndexOfKind = new Map<string, number>();
  signals.forEach((signal, index) => {
    if (LATEST_ONLY.has(signal.kind)) lastIndexOfKind.set(signal.kind, index);
  });
  const kept = signals.filter((signal, index) => !LATEST_ONLY.has(signal.kind) || lastIndexOfKind.get(signal.kind) === index);
  if (kept.length <= MAX_SIGNALS_PER_RUN) return kept;
  return [...kept.slice(0, KEEP_HEAD), ...kept.slice(kept.length - (MAX_SIGNALS_PER_RUN - KEEP_HEAD))];
}

const logKey = (gatewayScope: string, sessionKey: string, runId: string) => `${gatewayScope}|${sessionKey}|${runId}`;

export interface RunLogWriter {
  record(signals: readonly RunSignal[]): void;
  flush(): Promise<void>;
}

export function createRunLogWriter(gatewayScope: string, onError: (error: unknown) => void = () => {}): RunLogWriter {
  const pending = new Map<string, { sessionKey: string; runId: string; signals: RunSignal[] }>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = async () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.size === 0) return;
    const batch = [...pending.values()];
    pending.clear();
    try {
      const db = await openLocalDb();
      const tx = db.transaction("run-logs", "readwrite");
      const sessions = new Set<string>();
      for (const entry of batch) {
        const key = logKey(gatewayScope, entry.sessionKey, entry.runId);
        const existing = await tx.store.get(key);
        const signals = compactSignals([...((existing?.signals as RunSignal[] | undefined) ?? []), ...entry.signals]);
        await tx.store.put({ key, gatewayScope, sessionKey: entry.sessionKey, runId: entry.runId, updatedAt: Date.now(), signals });
        sessions.add(entry.sessionKey);
      }
      for (const sessionKey of sessions) {
        const keys = await tx.store.index("by-session").getAllKeys([gatewayScope, sessionKey]);
        if (keys.length <= MAX_RUNS_PER_SESSION) continue;
        const rows = await Promise.all(keys.map((key) => tx.store.get(key)));
        const oldest = rows
          .filter((row): row is NonNullable<typeof row> => row !== undefined)
          .sort((a, b) => a.updatedAt - b.updatedAt)
          .slice(0, keys.length - MAX_RUNS_PER_SESSION);
        for (const row of oldest) await tx.store.delete(row.key);
      }
      await tx.done;
    } catch (error) {
      onError(error);
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
      if (pending.size > 0 && timer === undefined) timer = setTimeout(() => void flush(), FLUSH_DELAY_MS);
    },
    flush,
  };
}

/** Every logged run of one session, as signals marked as coming from the local log. */
export async function readSessionRunLogs(gatewayScope: string, sessionKey: string): Promise<RunSignal[]> {
  const db = await openLocalDb();
  const rows = await db.getAllFromIndex("run-logs", "by-session", [gatewayScope, sessionKey]);
  return rows.flatMap((row) => (row.signals as RunSignal[]).map((signal) => ({ ...signal, source: "local-log" as const })));
}
