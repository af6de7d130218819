/**
 * This browser's own record of each run, kept in IndexedDB per gateway and
 * session: what only the client saw (retries that succeeded, fallbacks,
 * connection events, exact timings, live tool output). Replayed after a
 * reload and merged with `chat.history`. Bounded per run and per session.
 */
import { openLocalDb } from "@/lib/local-db";
import { EMPTY_TEXT } from "../model/bounded-text";
import { toolCallKeyOf } from "../model/fold-tool";
import { addOutputPiece, type LiveOutput, type OutputPiece } from "../model/live-output";
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
  const superseded = supersededOutput(signals);
  // The first signal stays whatever its kind: it dates the run.
  const kept = signals.filter(
    (signal, index) => index === 0 || (!superseded.has(index) && (!LATEST_ONLY.has(signal.kind) || lastIndexOfKind.get(signal.kind) === index)),
  );
  if (kept.length <= MAX_SIGNALS_PER_RUN) return kept;
  return [...kept.slice(0, KEEP_HEAD), ...kept.slice(kept.length - (MAX_SIGNALS_PER_RUN - KEEP_HEAD))];
}

type LivePiece = { key: string; piece: OutputPiece };

/** A live output signal as the tool fold reads it (fold-tool.ts); final output is kept whole. */
function livePiece(signal: RunSignal): LivePiece | undefined {
  if (signal.kind === "tool-update") return signal.partialText === undefined ? undefined : { key: signal.toolCallId, piece: { mode: "snapshot", text: signal.partialText } };
  if (signal.kind !== "command-output" || signal.phase !== "delta") return undefined;
  const key = toolCallKeyOf(signal);
  // Both halves of one signal are read together, so it is only dropped when neither counts.
  if (key === undefined || (signal.output !== undefined) === (signal.chunk !== undefined)) return undefined;
  return signal.output !== undefined ? { key, piece: { mode: "snapshot", text: signal.output } } : { key, piece: { mode: "chunk", text: signal.chunk ?? "" } };
}

/**
 * Live output signals a replay does not need: those before the last snapshot
 * that replaced a tool's output (that snapshot alone rebuilds it), and those
 * that changed nothing (older or trimmed copies, repeats, pieces after the
 * result). Each snapshot holds the whole output so far, so without this a
 * command's log would hold it once per frame. What a replay still needs stays:
 * output that dates a step no other signal dates, and the newest signal,
 * whose time says when the run was last heard from.
 */
function supersededOutput(signals: readonly RunSignal[]): Set<number> {
  const tools = new Map<string, { output: LiveOutput; ended: boolean; dated: boolean; applied: number[] }>();
  const tool = (key: string) => {
    let state = tools.get(key);
    if (state === undefined) {
      state = { output: { text: EMPTY_TEXT, fromSnapshots: false }, ended: false, dated: false, applied: [] };
      tools.set(key, state);
    }
    return state;
  };
  const seen = new Set<string>();
  const dropped = new Set<number>();
  signals.forEach((signal, index) => {
    const live = livePiece(signal);
    if (live === undefined) {
      const key = toolCallKeyOf(signal);
      if (key === undefined) return;
      const state = tool(key);
      state.dated = true;
      if (signal.kind === "tool-result" || (signal.kind === "item" && signal.phase === "end")) state.ended = true;
      return;
    }
    const state = tool(live.key);
    if (!state.dated) return;
    // The fold drops a repeat of the same frame (fold-dedupe.ts) and ignores live output once the call has ended.
    const repeat = signal.runSeq !== undefined && seen.has(`${signal.kind}:${signal.runSeq}`);
    if (signal.runSeq !== undefined) seen.add(`${signal.kind}:${signal.runSeq}`);
    const next = repeat || state.ended ? state.output : addOutputPiece(state.output, live.piece);
    if (next === state.output) {
      dropped.add(index);
      return;
    }
    if (live.piece.mode === "snapshot") for (const earlier of state.applied.splice(0)) dropped.add(earlier);
    state.output = next;
    state.applied.push(index);
  });
  let newestKeptAt = Number.NEGATIVE_INFINITY;
  for (let index = signals.length - 1; index >= 0; index -= 1) {
    const at = (signals[index] as RunSignal).at;
    if (dropped.has(index) && at > newestKeptAt) dropped.delete(index);
    if (!dropped.has(index)) newestKeptAt = Math.max(newestKeptAt, at);
  }
  return dropped;
}

const logKey = (gatewayScope: string, sessionKey: string, runId: string) => `${gatewayScope}|${sessionKey}|${runId}`;

export interface RunLogWriter {
  record(signals: readonly RunSignal[]): void;
  flush(): Promise<void>;
  /** The session was reset or deleted on the gateway: its runs are no longer its story. */
  forget(sessionKey: string): Promise<void>;
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
    async forget(sessionKey) {
      for (const [key, entry] of pending) if (entry.sessionKey === sessionKey) pending.delete(key);
      try {
        const db = await openLocalDb();
        const tx = db.transaction("run-logs", "readwrite");
        for (const key of await tx.store.index("by-session").getAllKeys([gatewayScope, sessionKey])) await tx.store.delete(key);
        await tx.done;
      } catch (error) {
        onError(error);
      }
    },
  };
}

/** Every logged run of one session, as signals marked as coming from the local log. */
export async function readSessionRunLogs(gatewayScope: string, sessionKey: string): Promise<RunSignal[]> {
  const db = await openLocalDb();
  const rows = await db.getAllFromIndex("run-logs", "by-session", [gatewayScope, sessionKey]);
  return rows.flatMap((row) => (row.signals as RunSignal[]).map((signal) => ({ ...signal, source: "local-log" as const })));
}
