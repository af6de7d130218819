/**
 * The one owner of every run of one gateway. Live events, `chat.history`
 * reads, this browser's run log and connection news all arrive here, and
 * views read one merged RunTimeline per run id; nothing outside merges or
 * reconciles runs.
 *
 * Live and local-log signals fold into one timeline (the fold drops what it
 * has already seen); history is folded on its own and merged on read, because
 * history wins on content and the local record on timing (merge-run-sources).
 * Whatever order the sources arrive in, the merged run is the same.
 */
import { foldRunSignal, foldRunSignals } from "../model/fold-run";
import { createRunFold, runTimeline, type RunFold } from "../model/fold-state";
import { runsFromHistory } from "../model/history-to-runs";
import { mergeRunSources } from "../model/merge-run-sources";
import { normalizeGatewayEvent, type GatewayEventFrame } from "../model/normalize-gateway-event";
import { signalsForRuns, type RunSignal } from "../model/run-signal";
import type { RunTimeline } from "../model/run-timeline";
import { sessionRunList, type SessionRunList } from "./session-run-list";

/** What one `chat.history` read says about a session's runs. */
export interface HistorySnapshot {
  /** When the read was asked for: runs created after it cannot be judged by it. */
  requestedAt: number;
  messages: readonly unknown[];
  activity: unknown;
  inFlightRunRaw: unknown;
  sessionInfoRaw: unknown;
  inFlightRun: { runId: string; text: string; startedAt?: number } | null;
  activeRunIds: readonly string[];
  hasActiveRun: boolean;
}

/** Connection news, as `GatewayConnection.onConnectionLog` reports it. */
export type ConnectionNews =
  | { type: "disconnected"; at: number; code: number; reason: string }
  | { type: "restarting"; at: number; reason: string }
  | { type: "connected"; at: number; restarted: boolean; firstConnect: boolean }
  | { type: "gap"; at: number; expected: number; received: number }
  | { type: "rejected-frame"; at: number };

/** A gateway event that names a run, and whether it ends that run. */
export interface RunEvent {
  frame: GatewayEventFrame;
  runEnded: boolean;
}

/** What a live event or connection news means for the rest of the page. */
export interface RunChange {
  /** History no longer tells the whole story: a run it does not have, a run that ended, a reconnect. */
  historyStale: boolean;
  /** The session to read again; undefined means every open session. */
  sessionKey?: string;
}

export interface RunRegistryOptions {
  /** This browser's record of a session's runs (already marked as local-log). */
  readLocalLog(sessionKey: string): Promise<RunSignal[]>;
  /** Keeps what was seen live, for a later reload. */
  recordLocalLog(signals: readonly RunSignal[]): void;
  /** Drops a session's runs from this browser's log (after a reset or delete on the gateway). */
  forgetLocalLog?(sessionKey: string): void;
  /** Live runs kept in memory; the oldest ended ones go first (history and the local log still have them). */
  maxRuns?: number;
}

const DEFAULT_MAX_RUNS = 400;

export class RunRegistry {
  /** Live and local-log signals folded per run. */
  private readonly seen = new Map<string, RunFold>();
  private readonly historyRuns = new Map<string, RunTimeline>();
  private readonly historyRunIdsBySession = new Map<string, readonly string[]>();
  private readonly lastHistory = new Map<string, HistorySnapshot>();
  private readonly merged = new Map<string, RunTimeline>();
  private readonly sessionLists = new Map<string, SessionRunList>();
  private readonly replayedSessions = new Set<string>();
  /** Runs of sessions reset or deleted since: their late events must not bring them back. */
  private readonly cleared = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private readonly options: RunRegistryOptions;

  constructor(options: RunRegistryOptions) {
    this.options = options;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The merged run, the same object until something about it changes. */
  getRun(runId: string): RunTimeline | undefined {
    const cached = this.merged.get(runId);
    if (cached) return cached;
    const fold = this.seen.get(runId);
    const live = fold && runTimeline(fold);
    const fromHistory = this.historyRuns.get(runId);
    const run = live && fromHistory ? mergeRunSources(fromHistory, live) : (live ?? fromHistory);
    if (run) this.merged.set(runId, run);
    return run;
  }

  /**
   * The session's runs this page saw itself (sent, live, or in its log),
   * oldest first, and the one still going; history-only runs are in the
   * transcript already. The same object until one of them changes.
   */
  sessionRuns(sessionKey: string): SessionRunList {
    const cached = this.sessionLists.get(sessionKey);
    if (cached) return cached;
    const runs: RunTimeline[] = [];
    for (const fold of this.seen.values()) if (fold.sessionKey === sessionKey) runs.push(this.getRun(fold.runId) ?? runTimeline(fold));
    const list = sessionRunList(runs);
    this.sessionLists.set(sessionKey, list);
    return list;
  }

  openRunIds(sessionKey?: string): string[] {
    const open: string[] = [];
    for (const run of this.seen.values()) {
      if (run.status !== "ended" && (sessionKey === undefined || run.sessionKey === sessionKey)) open.push(run.runId);
    }
    return open;
  }

  /** This tab sent a message: its run exists from now on, before the gateway says anything. */
  runSent(runId: string, sessionKey: string, at: number): void {
    if (this.seen.has(runId)) return;
    this.seen.set(runId, createRunFold(runId, { at, sessionKey }));
    this.changed([runId], [sessionKey]);
  }

  /** An event that names a run, as the event router classified it (`runEnded` is its one rule for a run's end). */
  runEventReceived(event: RunEvent, at: number): RunChange {
    const signals = normalizeGatewayEvent(event.frame, at);
    if (signals.length === 0) return { historyStale: false };
    const discovered = signals.some((signal) => !this.seen.has(signal.runId) && !this.historyRuns.has(signal.runId));
    this.liveSignalsReceived(signals);
    return { historyStale: discovered || event.runEnded, sessionKey: signals[0]?.sessionKey };
  }

  /** Connection news is a step on every run that was open when it happened. */
  connectionChanged(news: ConnectionNews): RunChange {
    const open = this.openRunIds();
    if (news.type === "disconnected") {
      this.liveSignalsReceived(signalsForRuns(open, { kind: "disconnected", code: news.code, reason: news.reason }, news.at));
    } else if (news.type === "restarting") {
      this.liveSignalsReceived(signalsForRuns(open, { kind: "gateway-restarting", reason: news.reason }, news.at));
    } else if (news.type === "connected" && !news.firstConnect) {
      this.liveSignalsReceived(signalsForRuns(open, { kind: "reconnected", bootChanged: news.restarted }, news.at));
      // What happened while away is in history now.
      return { historyStale: true };
    } else if (news.type === "gap") {
      const body = { kind: "seq-gap" as const, expected: news.expected, received: news.received };
      this.liveSignalsReceived(open.map((runId) => ({ ...body, runId, at: news.at, source: "live" as const })));
      return { historyStale: true };
    }
    return { historyStale: false };
  }

  /**
   * A session is on screen: replay this browser's run log once, so a reload
   * brings back what only this browser saw.
   */
  sessionOpened(sessionKey: string): void {
    if (this.replayedSessions.has(sessionKey)) return;
    this.replayedSessions.add(sessionKey);
    this.options
      .readLocalLog(sessionKey)
      .then((signals) => this.localLogRead(signals))
      .catch(() => this.replayedSessions.delete(sessionKey));
  }

  /** This browser's record of earlier runs, read back after a reload. */
  localLogRead(signals: readonly RunSignal[]): void {
    this.fold(signals);
  }

  /** The gateway reset or deleted the session: its runs leave the page and the log (or they would come back as turns). */
  sessionCleared(sessionKey: string): void {
    const runIds = [...this.seen.values()].filter((fold) => fold.sessionKey === sessionKey).map((fold) => fold.runId);
    for (const runId of [...runIds, ...(this.historyRunIdsBySession.get(sessionKey) ?? [])]) {
      this.cleared.add(runId);
      this.seen.delete(runId);
      this.historyRuns.delete(runId);
      this.merged.delete(runId);
    }
    this.historyRunIdsBySession.delete(sessionKey);
    this.lastHistory.delete(sessionKey);
    this.options.forgetLocalLog?.(sessionKey);
    this.changed([], [sessionKey]);
  }

  /** A `chat.history` read: its runs, a run still in flight, and which open runs it proves are over. */
  historyLoaded(sessionKey: string, history: HistorySnapshot): void {
    if (this.lastHistory.get(sessionKey) === history) return;
    this.lastHistory.set(sessionKey, history);
    const runs = runsFromHistory(history.messages, {
      sessionKey,
      activity: history.activity,
      inFlightRun: history.inFlightRunRaw,
      sessionInfo: history.sessionInfoRaw,
    });
    const previous = this.historyRunIdsBySession.get(sessionKey) ?? [];
    for (const runId of previous) this.historyRuns.delete(runId);
    for (const run of runs) this.historyRuns.set(run.runId, run);
    this.historyRunIdsBySession.set(
      sessionKey,
      runs.map((run) => run.runId),
    );
    this.changed([...previous, ...runs.map((run) => run.runId)], [sessionKey]);
    this.fold(reconciliationSignals(sessionKey, history, this.openRunIds(sessionKey), this.seen));
  }

  private liveSignalsReceived(signals: readonly RunSignal[]): void {
    if (signals.length === 0) return;
    // Connection news names no session; it belongs to the session of the run it was fanned out to.
    const placed = signals
      .filter((signal) => !this.cleared.has(signal.runId))
      .map((signal) => (signal.sessionKey ? signal : { ...signal, sessionKey: this.seen.get(signal.runId)?.sessionKey }));
    this.fold(placed);
    this.options.recordLocalLog(placed);
  }

  private fold(all: readonly RunSignal[]): void {
    const signals = all.filter((signal) => !this.cleared.has(signal.runId));
    if (signals.length === 0) return;
    const touched = new Set<string>();
    // A replay holds long stretches of one run's signals: each stretch folds as one batch (one state copy).
    for (let start = 0; start < signals.length; ) {
      const first = signals[start] as RunSignal;
      let end = start + 1;
      while (end < signals.length && signals[end]?.runId === first.runId) end += 1;
      const known = this.seen.get(first.runId);
      const base = known ?? createRunFold(first.runId, { at: first.at, sessionKey: first.sessionKey });
      const next = end - start === 1 ? foldRunSignal(base, first) : foldRunSignals(base, signals.slice(start, end));
      start = end;
      if (next === known) continue;
      this.seen.set(first.runId, next);
      touched.add(first.runId);
    }
    if (touched.size === 0) return;
    this.prune();
    this.changed(touched);
  }

  private prune(): void {
    const maxRuns = this.options.maxRuns ?? DEFAULT_MAX_RUNS;
    if (this.seen.size <= maxRuns) return;
    const ended = [...this.seen.values()].filter((run) => run.status === "ended").sort((a, b) => a.lastEventAt - b.lastEventAt);
    for (const run of ended.slice(0, this.seen.size - maxRuns)) {
      this.seen.delete(run.runId);
      this.merged.delete(run.runId);
      if (run.sessionKey) this.sessionLists.delete(run.sessionKey);
    }
  }

  private changed(runIds: Iterable<string>, sessionKeys: Iterable<string> = []): void {
    const sessions = new Set(sessionKeys);
    for (const runId of runIds) {
      this.merged.delete(runId);
      const sessionKey = this.seen.get(runId)?.sessionKey ?? this.historyRuns.get(runId)?.sessionKey;
      if (sessionKey) sessions.add(sessionKey);
    }
    for (const sessionKey of sessions) this.sessionLists.delete(sessionKey);
    for (const listener of this.listeners) listener();
  }
}

/**
 * After a history read: a run the gateway says is in flight is adopted (a
 * reload mid-run), and open runs the gateway no longer lists are settled —
 * but only runs that existed when history was asked for.
 */
export function reconciliationSignals(
  sessionKey: string,
  history: HistorySnapshot,
  openRunIds: readonly string[],
  seen: ReadonlyMap<string, Pick<RunFold, "createdAt">>,
): RunSignal[] {
  const loadedAt = history.requestedAt;
  const signals: RunSignal[] = [];
  const inFlight = history.inFlightRun;
  if (inFlight) {
    const at = inFlight.startedAt ?? loadedAt;
    signals.push({ kind: "lifecycle-start", startedAt: inFlight.startedAt, runId: inFlight.runId, at, source: "history", sessionKey });
    if (inFlight.text) signals.push({ kind: "assistant-text", text: inFlight.text, runId: inFlight.runId, at: loadedAt, source: "history", sessionKey });
  }
  const active = new Set([...history.activeRunIds, ...(inFlight ? [inFlight.runId] : [])]);
  // "Active, but no run ids" (after a crash) confirms nothing either way.
  if (history.hasActiveRun && active.size === 0) return signals;
  for (const runId of openRunIds) {
    if (active.has(runId) || (seen.get(runId)?.createdAt ?? Infinity) >= loadedAt) continue;
    signals.push({ kind: "run-inactive", via: "history", runId, at: loadedAt, source: "history", sessionKey });
  }
  return signals;
}
