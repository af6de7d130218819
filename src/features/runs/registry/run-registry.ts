/**
 * The one owner of every run of one gateway. Live events, `chat.history`
 * reads, this browser's run log and connection news all arrive here, and
 * views read one merged RunTimeline per run id; nothing outside merges or
 * reconciles runs.
 *
 * Live signals fold into one timeline per run (the fold drops what it has
 * already seen), on top of the run this browser's log restored (before-log.ts);
 * history is folded on its own and merged on read, because
 * history wins on content and the local record on timing (merge-run-sources).
 * Whatever order the sources arrive in, the merged run is the same.
 */
import type { ApprovalChange } from "@/gateway/exec-approvals";
import { createRunFold, runTimeline, type RunFold } from "../model/fold-state";
import { runsFromHistory } from "../model/history-to-runs";
import { mergeRunSources } from "../model/merge-run-sources";
import { withApprovalChange } from "../model/run-approvals";
import { normalizeGatewayEvent, type GatewayEventFrame } from "../model/normalize-gateway-event";
import type { RunSignal } from "../model/run-signal";
import type { RunApproval, RunTimeline } from "../model/run-timeline";
import { findHangingRuns } from "./hanging-runs";
import { reconciliationSignals, type HistorySnapshot } from "./reconcile-history";
import type { SpawnedRun } from "../model/subagents";
import { BeforeLog } from "./before-log";
import { connectionNewsSignals, type ConnectionNews } from "./connection-news";
import { foldIntoRuns } from "./fold-into-runs";
import { sessionRunList, type SessionRunList } from "./session-run-list";
import { SpawnLinks } from "./spawn-links";

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
  /** This browser's record of a session's runs, restored as fold states. */
  readLocalLog(sessionKey: string): Promise<RunFold[]>;
  /** Keeps what was seen live, for a later reload. */
  recordLocalLog(signals: readonly RunSignal[]): void;
  /** Drops a session's runs from this browser's log (after a reset or delete on the gateway). */
  forgetLocalLog?(sessionKey: string): void;
  /** Live runs kept in memory; the oldest ended ones go first (history and the local log still have them). */
  maxRuns?: number;
}

const DEFAULT_MAX_RUNS = 400;

export class RunRegistry {
  /** Live signals folded per run, on top of the run the local log restored. */
  private readonly seen = new Map<string, RunFold>();
  private readonly beforeLog = new BeforeLog();
  private readonly historyRuns = new Map<string, RunTimeline>();
  private readonly historyRunIdsBySession = new Map<string, readonly string[]>();
  private readonly lastHistory = new Map<string, HistorySnapshot>();
  private readonly merged = new Map<string, RunTimeline>();
  private readonly sessionLists = new Map<string, SessionRunList>();
  private readonly replayedSessions = new Set<string>();
  /** Exec approvals per run: facts from the approval events and the pending list, beside the fold. */
  private readonly approvals = new Map<string, readonly RunApproval[]>();
  /** Runs first heard of from an event: not sent by this tab, not in history or the log (hanging-runs.ts). */
  private readonly unexpected = new Set<string>();
  /** Runs of sessions reset or deleted since: their late events must not bring them back. */
  private readonly cleared = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private readonly options: RunRegistryOptions;
  /** Which children each run spawned; the registry is the one owner of that link. */
  private readonly spawnLinks = new SpawnLinks((runId) => this.getRun(runId));

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
    const merged = live && fromHistory ? mergeRunSources(fromHistory, live) : (live ?? fromHistory);
    const approvals = this.approvals.get(runId);
    const run = merged && approvals ? { ...merged, approvals } : merged;
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

  /** The newest `chat.history` read of a session: what it says about messages still queued (queue-state.ts). */
  lastHistoryOf(sessionKey: string): HistorySnapshot | undefined {
    return this.lastHistory.get(sessionKey);
  }

  /** The sub-agents a run spawned, with their own runs and announce runs as far as known. */
  spawnedRuns(parentRunId: string): readonly SpawnedRun[] {
    return this.spawnLinks.of(parentRunId);
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
    // Its first event may have come before the acknowledgement: it is this tab's all the same.
    this.unexpected.delete(runId);
    if (this.seen.has(runId)) return;
    this.seen.set(runId, createRunFold(runId, { at, sessionKey }));
    this.changed([runId], [sessionKey]);
  }

  /** An event that names a run, as the event router classified it (`runEnded` is its one rule for a run's end). */
  runEventReceived(event: RunEvent, at: number): RunChange {
    const signals = normalizeGatewayEvent(event.frame, at);
    if (signals.length === 0) return { historyStale: false };
    const discovered = signals.filter((signal) => !this.seen.has(signal.runId) && !this.historyRuns.has(signal.runId));
    for (const signal of discovered) this.unexpected.add(signal.runId);
    this.liveSignalsReceived(signals);
    // A lifecycle end without the chat final: a history read may settle it before the sweep's grace runs out.
    const agentEnded = signals.some((signal) => signal.kind === "lifecycle-end");
    return { historyStale: discovered.length > 0 || event.runEnded || agentEnded, sessionKey: signals[0]?.sessionKey };
  }

  /** Called every few seconds: drops runs that never started and settles runs whose chat final never came. */
  sweep(now: number): void {
    const { drop, settle } = findHangingRuns(this.seen.values(), this.unexpected, now);
    for (const runId of drop) this.forget(runId);
    if (drop.length > 0) this.changed(drop);
    this.fold(settle.map((runId) => ({ kind: "run-inactive", via: "lifecycle-end", runId, at: now, source: "live", sessionKey: this.seen.get(runId)?.sessionKey })));
  }

  /** An exec approval was asked for or decided (an event, or the pending list read again after a reload): part of its run. */
  approvalSeen(change: ApprovalChange): void {
    const runId = change.kind === "requested" ? change.approval.runId : change.resolution.runId;
    if (!runId || this.cleared.has(runId)) return;
    const known = this.approvals.get(runId) ?? [];
    const next = withApprovalChange(known, change);
    if (next === known) return;
    this.approvals.set(runId, next);
    this.changed([runId]);
  }

  /** Connection news is a step on every run that was open when it happened. */
  connectionChanged(news: ConnectionNews): RunChange {
    const { signals, historyStale } = connectionNewsSignals(news, this.openRunIds());
    this.liveSignalsReceived(signals);
    return { historyStale };
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
      .then((runs) => this.localLogRead(runs, sessionKey))
      .catch(() => this.replayedSessions.delete(sessionKey));
  }

  /** This browser's record of a session's earlier runs, read back after a reload: a run still live resumes from it. */
  localLogRead(runs: readonly RunFold[], sessionKey?: string): void {
    const touched: string[] = [];
    for (const logged of runs) {
      const next = this.beforeLog.restore(logged, this.seen.get(logged.runId));
      if (next === undefined) continue;
      this.seen.set(logged.runId, next);
      touched.push(logged.runId);
    }
    if (sessionKey !== undefined) this.beforeLog.sessionRead(sessionKey, (runId) => this.seen.get(runId)?.sessionKey);
    if (touched.length === 0) return;
    this.prune();
    this.changed(touched);
  }

  /** The gateway reset or deleted the session: its runs leave the page and the log (or they would come back as turns). */
  sessionCleared(sessionKey: string): void {
    const runIds = [...this.seen.values()].filter((fold) => fold.sessionKey === sessionKey).map((fold) => fold.runId);
    for (const runId of [...runIds, ...(this.historyRunIdsBySession.get(sessionKey) ?? [])]) {
      this.cleared.add(runId);
      this.seen.delete(runId);
      this.historyRuns.delete(runId);
      this.approvals.delete(runId);
      this.merged.delete(runId);
    }
    this.historyRunIdsBySession.delete(sessionKey);
    this.lastHistory.delete(sessionKey);
    this.options.forgetLocalLog?.(sessionKey);
    this.changed([], [sessionKey]);
  }

  /** A `chat.history` read: its runs, a run still in flight, and which open runs it proves are over. */
  historyLoaded(sessionKey: string, history: HistorySnapshot, receivedAt = Date.now()): void {
    if (this.lastHistory.get(sessionKey) === history) return;
    this.lastHistory.set(sessionKey, history);
    const runs = runsFromHistory(history.messages, {
      sessionKey,
      activity: history.activity,
      inFlightRun: history.inFlightRunRaw,
      sessionInfo: history.sessionInfoRaw,
      clockOffsetMs: history.clockOffsetMs,
    });
    const previous = this.historyRunIdsBySession.get(sessionKey) ?? [];
    for (const runId of previous) this.historyRuns.delete(runId);
    for (const run of runs) this.historyRuns.set(run.runId, run);
    this.historyRunIdsBySession.set(
      sessionKey,
      runs.map((run) => run.runId),
    );
    this.changed([...previous, ...runs.map((run) => run.runId)], [sessionKey]);
    this.fold(reconciliationSignals(sessionKey, history, this.openRunIds(sessionKey), this.seen, receivedAt));
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
    const touched = foldIntoRuns(this.seen, signals, (runId, sessionKey, stretch) => this.beforeLog.hold(runId, sessionKey, stretch));
    if (touched.size === 0) return;
    this.prune();
    this.changed(touched);
  }

  private prune(): void {
    const maxRuns = this.options.maxRuns ?? DEFAULT_MAX_RUNS;
    if (this.seen.size <= maxRuns) return;
    const ended = [...this.seen.values()].filter((run) => run.status === "ended").sort((a, b) => a.lastEventAt - b.lastEventAt);
    for (const run of ended.slice(0, this.seen.size - maxRuns)) this.forget(run.runId);
  }

  private forget(runId: string): void {
    const sessionKey = this.seen.get(runId)?.sessionKey;
    this.seen.delete(runId);
    this.merged.delete(runId);
    // Its approvals go with it: they are facts about this run, and the registry's bound holds for them too.
    this.approvals.delete(runId);
    this.unexpected.delete(runId);
    this.beforeLog.forget(runId);
    if (sessionKey) this.sessionLists.delete(sessionKey);
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
