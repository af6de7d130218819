/**
 * Connection events on a run's timeline: disconnects with their close code in
 * words, reconnects, gateway restarts. They arrive without a runId (the store
 * fans them out to open runs), so they only count when they happened while
 * the run was open, and they decide whether a run that never ended was
 * interrupted by a restart or simply lost.
 */
import { describeClose } from "@/gateway/close-codes";
import type { RunDraft } from "./fold-state";
import type { RunSignal } from "./run-signal";
import type { ConnectionEventKind, RunTimeline } from "./run-timeline";

export type ConnectionSignal = Extract<RunSignal, { kind: ConnectionEventKind }>;

export function foldConnectionSignal(run: RunDraft, signal: ConnectionSignal): boolean {
  // Only what happened while the run was open belongs on its timeline.
  if (run.terminal !== undefined && signal.at > run.terminal.at) return false;
  if (run.signals > 0 && signal.at < run.createdAt) return false;
  const id = `connection:${signal.kind}:${signal.at}`;
  if (run.steps.indexOf(id) >= 0) return false;
  const { words, code, reason } = connectionWords(signal);
  run.steps = run.steps.put({ id, kind: "connection", at: signal.at, source: signal.source, event: signal.kind, code, reason, words }, -1);
  run.restart = restartEvidence(run.restart, signal, words);
  if (signal.kind === "disconnected") run.disconnectedAt = Math.max(run.disconnectedAt ?? 0, signal.at);
  if (signal.kind === "reconnected" || signal.kind === "gateway-restarted") run.reconnectedAt = Math.max(run.reconnectedAt ?? 0, signal.at);
  return true;
}

function connectionWords(signal: ConnectionSignal): { words: string; code?: number; reason?: string } {
  switch (signal.kind) {
    case "disconnected":
      return { words: describeClose(signal.code, signal.reason), code: signal.code, reason: signal.reason || undefined };
    case "reconnected":
      return { words: signal.bootChanged ? "reconnected to a restarted gateway" : "reconnected" };
    case "gateway-restarting":
      return { words: `gateway restarting: ${signal.reason}`, reason: signal.reason };
    case "gateway-restarted":
      return { words: signal.bootChanged ? "gateway restarted" : "reconnected to the same gateway" };
  }
}

/**
 * 1012 and the `shutdown` event announce a restart; 1006 (no close frame) is
 * how a crash looks, but also how a network drop looks, so a later reconnect
 * to the same boot withdraws it.
 */
function restartEvidence(current: RunTimeline["restart"], signal: ConnectionSignal, words: string): RunTimeline["restart"] {
  switch (signal.kind) {
    case "gateway-restarting":
      return current ?? { at: signal.at, via: "shutdown", words };
    case "disconnected":
      if (signal.code === 1012 || signal.code === 1001 || signal.code === 1006) {
        return current ?? { at: signal.at, via: "close", code: signal.code, words };
      }
      return current;
    case "reconnected":
    case "gateway-restarted":
      if (signal.bootChanged === true) return current ?? { at: signal.at, via: "boot-changed", words };
      if (signal.bootChanged === false && current?.via === "close" && current.code === 1006) return undefined;
      return current;
  }
}
