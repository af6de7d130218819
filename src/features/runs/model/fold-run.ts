/**
 * The run fold: RunFold × RunSignal → RunFold, pure.
 *
 * It must give the same run whatever order, duplication or source the signals
 * come in, because live events, local-log replays and history rebuilds all
 * feed it:
 * - duplicates: recent `kind:runSeq` keys drop re-deliveries (fold-dedupe.ts),
 *   and every merge is idempotent for signals without a seq;
 * - order: steps are placed by time, text only moves forward (per-run seq),
 *   and connection events count only when they happened before the run ended;
 * - the gateway's second terminal `error` only adds detail to the first.
 * A signal that changes nothing returns the same state, and the same state
 * gives the same `runTimeline` snapshot, so React and the store can compare
 * by reference. The cost of a signal does not grow with the run's length.
 *
 * The parts: lifecycle and terminal events (fold-lifecycle.ts), attempts
 * (fold-attempts.ts), text (fold-text.ts), tools (fold-tool.ts), connection
 * events (fold-connection.ts).
 */
import { fallback, fallbackCleared, fallbackStep, providerError, retry } from "./fold-attempts";
import { foldConnectionSignal } from "./fold-connection";
import { dedupeKey } from "./fold-dedupe";
import { addLifecycleStep, chatTerminal, lifecycleEnd, lifecycleError, lifecycleStart, modelSelected, PHASE, preparing, running } from "./fold-lifecycle";
import { copyFold, createRunFold, runTimeline, type CreateRunInit, type RunDraft, type RunFold } from "./fold-state";
import { assistantText, note, thinkingText } from "./fold-text";
import { foldToolItem, foldToolSignal } from "./fold-tool";
import type { RunSignal } from "./run-signal";
import type { RunTimeline } from "./run-timeline";

/** Connection news is not run activity; counting it would hide a silent run behind a reconnect. */
const NOT_RUN_ACTIVITY: ReadonlySet<RunSignal["kind"]> = new Set([
  "disconnected",
  "reconnected",
  "gateway-restarting",
  "gateway-restarted",
  "run-inactive",
]);

export function foldRunSignal(run: RunFold, signal: RunSignal): RunFold {
  if (ignores(run, signal)) return run;
  const next = copyFold(run);
  return foldInto(next, signal) ? next : run;
}

/**
 * Folds many signals: history rebuilds, replays, tests. One draft takes them
 * all, since the states between two of them are never seen.
 */
export function foldRunSignals(run: RunFold, signals: Iterable<RunSignal>): RunFold {
  let draft: RunDraft | undefined;
  for (const signal of signals) {
    if (ignores(draft ?? run, signal)) continue;
    const next = draft ?? copyFold(run);
    if (foldInto(next, signal)) draft = next;
  }
  return draft ?? run;
}

/** Another run's signal, or a re-delivery: a seq the run has already passed, with its key among the recent ones. */
function ignores(run: RunFold, signal: RunSignal): boolean {
  if (signal.runId !== run.runId) return true;
  const runSeq = signal.runSeq;
  if (runSeq === undefined || runSeq > run.newestSeq) return false;
  const key = dedupeKey(signal.kind, runSeq);
  return key !== undefined && run.seenKeys.seenRecently(run.seenCount, key);
}

/** Edits the draft for one signal; says whether the run changed (or a keyed signal proved it alive). */
function foldInto(run: RunDraft, signal: RunSignal): boolean {
  const key = dedupeKey(signal.kind, signal.runSeq);
  if (!apply(run, signal) && key === undefined) return false;
  touch(run, signal, key);
  return true;
}

/** A run folded from its first signal and read at once: history rebuilds and tests. */
export function foldTimeline(runId: string, signals: Iterable<RunSignal>, init?: CreateRunInit): RunTimeline {
  // No one else holds the new state before it is read: it is the draft.
  const run: RunDraft = createRunFold(runId, init);
  for (const signal of signals) if (!ignores(run, signal)) foldInto(run, signal);
  return runTimeline(run);
}

function modelUsage(run: RunDraft, signal: Extract<RunSignal, { kind: "model-usage" }>): boolean {
  const { callId, input, output, cacheRead, cacheWrite, total, costUsd, at, source } = signal;
  const id = `usage:${callId ?? `live-${signal.runSeq ?? at}`}`;
  if (run.steps.indexOf(id) >= 0) return false;
  if (callId !== undefined) {
    run.steps = run.steps.put({ id, kind: "usage", at, source, input, output, cacheRead, cacheWrite, total, costUsd }, -1);
    return true;
  }
  // A live count is the run's total so far: this call's share is what it adds to the previous one.
  const previous = run.steps.at(run.steps.findLastIndex((step) => step.kind === "usage" && step.runOutput !== undefined));
  const before = previous?.kind === "usage" ? (previous.runOutput ?? 0) : 0;
  run.steps = run.steps.put({ id, kind: "usage", at, source, output: Math.max(0, output - before), runOutput: output }, -1);
  return true;
}

function touch(run: RunDraft, signal: RunSignal, key: number | undefined): void {
  // Each field read once: signals of every kind pass here.
  const { at, kind, runSeq } = signal;
  if (key !== undefined) {
    run.seenKeys = run.seenKeys.remember(run.seenCount, key);
    run.seenCount = run.seenKeys.size;
    if (runSeq !== undefined && runSeq > run.newestSeq) run.newestSeq = runSeq;
  }
  run.sessionKey ??= signal.sessionKey;
  run.createdAt = run.signals === 0 && run.createdAt === 0 ? at : Math.min(run.createdAt, at);
  if (at >= run.lastEventAt && !NOT_RUN_ACTIVITY.has(kind)) {
    run.lastEventAt = at;
    run.lastEventLabel = kind;
  }
  run.signals += 1;
}

/** Edits the draft for one signal; says whether anything changed. */
function apply(run: RunDraft, signal: RunSignal): boolean {
  switch (signal.kind) {
    case "queued":
      return addLifecycleStep(run, signal, "queued", "queued");
    case "status":
      return preparing(run, signal.phase);
    case "lifecycle-start":
      return lifecycleStart(run, signal);
    case "model-selected":
      return modelSelected(run, signal, signal.provider, signal.model);
    case "lifecycle-finishing": {
      if (signal.error !== undefined) return providerError(run, signal);
      const moved = running(run, PHASE.finishing);
      return addLifecycleStep(run, signal, "finishing", "finishing") || moved;
    }
    case "lifecycle-end":
      return lifecycleEnd(run, signal);
    case "lifecycle-error":
      return lifecycleError(run, signal);
    case "fallback":
      return fallback(run, signal);
    case "fallback-cleared":
      return fallbackCleared(run, signal);
    case "fallback-step":
      return fallbackStep(run, signal);
    case "retry":
      return retry(run, signal);
    case "assistant-text":
      return assistantText(run, signal);
    case "thinking-text":
      return thinkingText(run, signal);
    case "tool-start":
    case "tool-update":
    case "tool-result":
    case "command-output":
      return foldToolSignal(run, signal);
    case "item":
      return signal.itemKind === "tool" ? foldToolItem(run, signal) : note(run, signal);
    case "chat-final":
    case "chat-aborted":
    case "chat-error":
      return chatTerminal(run, signal);
    case "disconnected":
    case "reconnected":
    case "gateway-restarting":
    case "gateway-restarted":
      return foldConnectionSignal(run, signal);
    case "run-inactive":
      if (run.inactiveConfirmedAt !== undefined && run.inactiveConfirmedAt <= signal.at) return false;
      run.inactiveConfirmedAt = signal.at;
      return true;
    case "seq-gap": {
      const id = `gap:${signal.expected}-${signal.received}`;
      if (run.steps.indexOf(id) >= 0) return false;
      run.steps = run.steps.put({ id, kind: "gap", at: signal.at, source: signal.source, expected: signal.expected, received: signal.received }, -1);
      return true;
    }
    case "model-usage":
      return modelUsage(run, signal);
    case "activity":
      return false;
    case "unknown":
      run.unknownSignals += 1;
      return true;
  }
}
