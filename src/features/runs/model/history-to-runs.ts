/**
 * `chat.history` transcript → one RunTimeline per turn, so a refresh shows every
 * turn's tool calls, results and failures again.
 *
 * Rows are translated into RunSignals (source "history") and folded with the
 * same fold as live events, so a restored run and a live run cannot disagree
 * about what a tool step or a failure looks like. What history never stores —
 * retries that succeeded, fallbacks, connection events, exact timings — comes
 * from the local log via merge-run-sources.ts.
 */
import { usageOfRow } from "@/lib/token-usage";
import { foldTimeline } from "./fold-run";
import { capText, readCappedText } from "./bounded-text";
import { idOfRow, isRestartRecoveryNote, roleOfRow, textAsStreamed, timeOfRow } from "@/lib/history-rows";
import { splitHistoryTurns, turnsByRun } from "@/lib/history-turns";
import { isRecord, readNumber, readRecord, readString, readText, type UnknownRecord } from "@/lib/read-untrusted";
import type { RunSignal, RunSignalBody } from "./run-signal";
import type { RunTimeline } from "./run-timeline";
import { exitCodeInResult } from "./tool-title";
import { isNestedToolRow, nestedToolSignals } from "./history-nested-tool";
import { lastRunEnd, withHistoryEnd } from "./history-run-end";

export interface HistoryOptions {
  sessionKey?: string;
  /** `activity` from the chat.history result: readable tool titles per message. */
  activity?: unknown;
  /** `inFlightRun` from the result: the newest turn is still running under this runId. */
  inFlightRun?: unknown;
  /**
   * `sessionInfo` from the result. Its `activeRunIds` is the exact set of active
   * runs (`[]` proves idle), which settles turns that never got a terminal row.
   */
  sessionInfo?: unknown;
  /**
   * Gateway clock minus browser clock. History rows carry the gateway's times, live events the browser's;
   * the runs come out on the browser's clock so the two can be merged and compared with now.
   */
  clockOffsetMs?: number;
}

const FAILED_BEFORE_REPLY = "run-failed-before-reply";
const ENDED_BEFORE_REPLY_PREFIX = /^This turn ended before a reply:\s*/;

interface Turn {
  runId?: string;
  at: number;
  trigger: "user" | "restart-recovery";
  rows: UnknownRecord[];
}

export function runsFromHistory(messages: readonly unknown[], options: HistoryOptions = {}): RunTimeline[] {
  const turns = splitTurns(messages);
  const inFlight = readInFlight(options.inFlightRun);
  const last = turns.at(-1);
  if (inFlight && last && last.runId === undefined) last.runId = inFlight.runId;
  const titles = toolTitles(options.activity);
  const active = activeRuns(options.sessionInfo);
  const lastRun = lastRunEnd(options.sessionInfo);

  const settledAt = laterOutputTimes(turns);
  const offset = options.clockOffsetMs ?? 0;

  const runs = turns.map((turn, index) => {
    const runId = turn.runId ?? `history:${index}:${turn.at}`;
    const signals = turnSignals(turn, runId, options.sessionKey, titles);
    const next = turns[index + 1];
    // A resumed turn means the gateway restarted while this one was open.
    if (next?.trigger === "restart-recovery") signals.push(signal(runId, next.at, options.sessionKey, { kind: "gateway-restarted", bootChanged: true }));
    // Turns run one at a time per session: once a later turn produced output, this one is over.
    const laterOutputAt = settledAt[index];
    if (laterOutputAt !== undefined && runId !== inFlight?.runId) {
      signals.push(signal(runId, laterOutputAt, options.sessionKey, { kind: "run-inactive", via: "history" }));
    }
    if (active && !active.ids.has(runId) && runId !== inFlight?.runId) {
      signals.push(signal(runId, Math.max(active.at ?? 0, turn.at), options.sessionKey, { kind: "run-inactive", via: "session-info" }));
    }
    if (inFlight?.runId === runId && inFlight.text) {
      signals.push(signal(runId, inFlight.startedAt ?? turn.at, options.sessionKey, { kind: "assistant-text", text: inFlight.text }));
    }
    const folded = foldTimeline(runId, onBrowserClock(signals, offset), { at: turn.at - offset, sessionKey: options.sessionKey, trigger: turn.trigger });
    return withHistoryEnd(folded, lastRun, offset);
  });

  if (inFlight && !runs.some((run) => run.runId === inFlight.runId)) {
    const at = inFlight.startedAt ?? 0;
    const text: RunSignal[] = inFlight.text ? [signal(inFlight.runId, at, options.sessionKey, { kind: "assistant-text", text: inFlight.text })] : [];
    const signals = onBrowserClock([signal(inFlight.runId, at, options.sessionKey, { kind: "lifecycle-start" }), ...text], offset);
    runs.push(foldTimeline(inFlight.runId, signals, { at: at - offset, sessionKey: options.sessionKey }));
  }
  return runs;
}

/** Moves signals made from history (gateway times) onto the browser's clock; they are this module's own objects. */
function onBrowserClock(signals: RunSignal[], offset: number): RunSignal[] {
  if (offset !== 0) for (const stamped of signals) stamped.at -= offset;
  return signals;
}

/** One turn per run: a message steered into a running reply has no run of its own, its rows are that run's. */
function splitTurns(messages: readonly unknown[]): Turn[] {
  return turnsByRun(splitHistoryTurns(messages)).map((turn): Turn => ({
    runId: turn.runId,
    at: turn.at ?? 0,
    trigger: turn.userRow && isRestartRecoveryNote(turn.userRow) ? "restart-recovery" : "user",
    rows: turn.replies,
  }));
}

/** For each turn, when a later turn first showed output (or a restart resumed), if one did. */
function laterOutputTimes(turns: readonly Turn[]): Array<number | undefined> {
  const times: Array<number | undefined> = new Array<number | undefined>(turns.length);
  let earliest: number | undefined;
  for (let index = turns.length - 1; index >= 0; index -= 1) {
    times[index] = earliest;
    const turn = turns[index];
    if (turn && (turn.rows.length > 0 || turn.trigger === "restart-recovery")) {
      earliest = turn.rows[0] ? rowTime(turn.rows[0], turn.at) : turn.at;
    }
  }
  return times;
}

function rowTime(row: UnknownRecord, fallback: number): number {
  return timeOfRow(row) ?? fallback;
}

/**
 * Stamps the run fields onto a body made for this one signal (every caller
 * passes a fresh literal): spreading it into a new object costs microseconds a
 * signal in Node 20, and a reload rebuilds thousands.
 */
function signal(runId: string, at: number, sessionKey: string | undefined, body: RunSignalBody): RunSignal {
  const stamped = body as RunSignal;
  stamped.runId = runId;
  stamped.at = at;
  stamped.sessionKey = sessionKey;
  stamped.source = "history";
  return stamped;
}

function turnSignals(turn: Turn, runId: string, sessionKey: string | undefined, titles: ReadonlyMap<string, string>): RunSignal[] {
  const out: RunSignal[] = [signal(runId, turn.at, sessionKey, { kind: "queued" })];
  const emit = (at: number, body: RunSignalBody): void => {
    out.push(signal(runId, at, sessionKey, body));
  };
  let terminal: { at: number; body: RunSignalBody } | undefined;

  for (const row of turn.rows) {
    const at = rowTime(row, turn.at);
    const role = roleOfRow(row);
    const rowId = idOfRow(row) ?? `${at}`;
    if (role === "toolResult") {
      const toolCallId = readText(row, "toolCallId");
      if (toolCallId === undefined) continue;
      const details = readRecord(row, "details");
      const name = readText(row, "toolName");
      const resultText = textAsStreamed(row.content);
      emit(at, {
        kind: "tool-result",
        toolCallId,
        name,
        isError: row.isError === true,
        resultText,
        // The gateway's history drops `details` today; the exec tool's own words keep a non-zero exit.
        exitCode: (details ? readNumber(details, "exitCode") : undefined) ?? exitCodeInResult(name, resultText),
        durationMs: details ? readNumber(details, "durationMs") : undefined,
      });
      terminal = undefined;
      continue;
    }
    if (role === "custom") {
      if (isNestedToolRow(row)) {
        for (const nested of nestedToolSignals(row, at, titles)) emit(nested.at, nested.body);
        continue;
      }
      const ended = customTerminal(row);
      if (ended) terminal = { at, body: ended };
      continue;
    }
    terminal = assistantRow(row, at, rowId, emit, titles);
  }
  if (terminal) emit(terminal.at, terminal.body);
  return out;
}

/** Emits an assistant row's steps; returns the terminal it implies if it is the turn's last row. */
function assistantRow(
  row: UnknownRecord,
  at: number,
  rowId: string,
  emit: (at: number, body: RunSignalBody) => void,
  titles: ReadonlyMap<string, string>,
): { at: number; body: RunSignalBody } | undefined {
  const provider = readText(row, "provider");
  const model = readText(row, "model");
  if (model !== undefined) emit(at, { kind: "model-selected", provider, model });

  let text = "";
  let thinking = "";
  const content = Array.isArray(row.content) ? row.content : [];
  const toolCalls: UnknownRecord[] = [];
  for (const part of content) {
    if (!isRecord(part)) continue;
    if (part.type === "text" && typeof part.text === "string") text += part.text;
    if (part.type === "thinking" && typeof part.thinking === "string") thinking += part.thinking;
    if (part.type === "toolCall") toolCalls.push(part);
  }
  if (typeof row.content === "string") text = row.content;
  const stopReason = readText(row, "stopReason");
  const errorMessage = readCappedText(row, "errorMessage");
  // One row's parts share its time; they are emitted in the order they happened: the model call thought, wrote and
  // finished, then the tools it asked for ran (the steps keep equal times in this order).
  if (thinking !== "") emit(at, { kind: "thinking-text", text: thinking, segmentId: `${rowId}:thinking` });
  // A failed row's content is the gateway's error notice, not a reply; it belongs in the failure banner.
  if (text !== "" && stopReason !== "error") emit(at, { kind: "assistant-text", text, segmentId: rowId });
  const usage = usageOfRow(row);
  // A failed call's row carries zero counts: no model call answered.
  if (usage && !(stopReason === "error" && usage.output === 0 && !usage.input)) emit(at, { kind: "model-usage", callId: rowId, ...usage });
  for (const part of toolCalls) {
    const toolCallId = readText(part, "id");
    if (toolCallId === undefined) continue;
    emit(at, { kind: "tool-start", toolCallId, name: readText(part, "name") ?? "tool", args: part.arguments });
    const title = titles.get(toolCallId);
    if (title) emit(at, { kind: "item", phase: "update", itemId: `tool:${toolCallId}`, itemKind: "tool", toolCallId, title });
  }

  const detail = provider !== undefined || model !== undefined ? { provider, model } : undefined;
  switch (stopReason) {
    case "toolUse":
      return undefined;
    case "error":
      return { at, body: { kind: "chat-error", errorMessage: errorMessage ?? (text ? capText(text) : undefined), errorDetail: detail, stopReason } };
    case "aborted":
      if (errorMessage === undefined) return { at, body: { kind: "chat-aborted", stopReason } };
      // An internal abort (idle timeout) is a failed attempt; the gateway may have retried after it.
      emit(at, { kind: "lifecycle-finishing", error: errorMessage, observation: detail });
      return { at, body: { kind: "chat-error", errorMessage, errorDetail: detail, stopReason } };
    default:
      return { at, body: { kind: "chat-final", stopReason, text } };
  }
}

/** `custom` `run-failed-before-reply`: "This turn ended before a reply: aborted | …" or the error text. */
function customTerminal(row: UnknownRecord): RunSignalBody | undefined {
  if (readString(row, "customType") !== FAILED_BEFORE_REPLY) return undefined;
  const reason = (textAsStreamed(row.content) ?? "").replace(ENDED_BEFORE_REPLY_PREFIX, "").trim();
  if (/^aborted\b/i.test(reason)) return { kind: "chat-aborted", stopReason: "aborted" };
  return { kind: "chat-error", errorMessage: reason ? capText(reason) : "The turn ended before a reply." };
}

function readInFlight(value: unknown): { runId: string; text?: string; startedAt?: number } | undefined {
  if (!isRecord(value)) return undefined;
  const runId = readText(value, "runId");
  if (runId === undefined) return undefined;
  return { runId, text: readString(value, "text"), startedAt: readNumber(value, "startedAt") };
}

/** The runs the gateway says are active, when it says so definitively. */
function activeRuns(sessionInfo: unknown): { ids: ReadonlySet<string>; at?: number } | undefined {
  if (!isRecord(sessionInfo)) return undefined;
  const at = readNumber(sessionInfo, "snapshotAt") ?? readNumber(sessionInfo, "updatedAt");
  const ids = sessionInfo.activeRunIds;
  if (Array.isArray(ids)) return { ids: new Set(ids.filter((id): id is string => typeof id === "string")), at };
  // After a crash the gateway can report hasActiveRun:true with no ids; only a definite "no" settles anything.
  if (sessionInfo.hasActiveRun === false) return { ids: new Set(), at };
  return undefined;
}

/** `activity: [{messageId, items:[{toolCallId, title}]}]` → toolCallId → title. */
function toolTitles(activity: unknown): ReadonlyMap<string, string> {
  const titles = new Map<string, string>();
  if (!Array.isArray(activity)) return titles;
  for (const entry of activity) {
    const items = isRecord(entry) && Array.isArray(entry.items) ? entry.items : [];
    for (const item of items) {
      if (!isRecord(item)) continue;
      const toolCallId = readText(item, "toolCallId");
      const title = readText(item, "title");
      if (toolCallId && title && !titles.has(toolCallId)) titles.set(toolCallId, title);
    }
  }
  return titles;
}
