/**
 * A synthetic 200-turn session as a reload sees it: the `chat.history`
 * response and this browser's local run log.
 *
 * The history is the real one recorded in history-after-sigterm-restart.jsonl
 * (10 turns: text, tool call, 429s, retries, 401, idle timeouts, a turn that
 * ended before a reply) repeated with fresh ids (every UUID and tool-call id
 * renamed per copy) and shifted times. The local log of each turn is what the
 * recordings captured live for that same runId (the captures and the history
 * come from the same gateway session), renamed and shifted the same way: what
 * the log writer was handed live (the bench stores it as the writer does).
 * Turns no recording saw live have no local log, as in a browser that did not
 * witness them.
 */
import type { RunSignal } from "@/features/runs/model/run-signal";
import { isRec, parseCapture, signalsOf, type Rec } from "./captures";

export interface LongSession {
  sessionKey: string;
  /** The `chat.history` response payload as the socket delivers it. */
  payloadJson: string;
  turns: number;
  messages: number;
  /** The live signals of every logged run, as the page handed them to the run log. */
  localLog: RunSignal[];
  loggedRuns: number;
}

const SESSION_KEY = "agent:main:main";
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const CALL_ID = /call_fake_[a-z0-9]+/g;
const TIME_KEYS = new Set(["timestamp", "recordTimestampMs", "startedAt", "endedAt"]);

function renameIds(text: string, copy: number): string {
  if (copy === 0) return text;
  const suffix = copy.toString(16).padStart(4, "0");
  return text.replace(UUID, (uuid) => `${uuid.slice(0, 32)}${suffix}`).replace(CALL_ID, (id) => `${id}_${suffix}`);
}

function shiftTimes(value: unknown, delta: number): void {
  if (Array.isArray(value)) {
    for (const item of value) shiftTimes(item, delta);
    return;
  }
  if (!isRec(value)) return;
  for (const key of Object.keys(value)) {
    const inner = value[key];
    if (typeof inner === "number" && TIME_KEYS.has(key)) value[key] = inner + delta;
    else shiftTimes(inner, delta);
  }
}

function historyPayload(text: string): Rec {
  const payloads = parseCapture(text)
    .filter((line) => line.dir === "in" && line.frame?.type === "res" && isRec(line.frame.payload) && Array.isArray(line.frame.payload.messages))
    .map((line) => line.frame?.payload as Rec);
  const last = payloads.at(-1);
  if (!last) throw new Error("bench: no chat.history response in the history capture");
  return last;
}

function runIdOf(message: unknown): string | undefined {
  if (!isRec(message)) return undefined;
  const meta = isRec(message.__openclaw) ? message.__openclaw : undefined;
  const key = typeof message.idempotencyKey === "string" ? message.idempotencyKey : undefined;
  if (message.role === "user" && key) return key.replace(/:user$/, "");
  return typeof meta?.runId === "string" ? meta.runId : undefined;
}

export function buildLongSession(historyCapture: string, liveCaptures: readonly string[], turns = 200): LongSession {
  const template = historyPayload(historyCapture);
  const templateMessages = template.messages as unknown[];
  const templateTurns = templateMessages.filter((message) => isRec(message) && message.role === "user").length;
  const times = templateMessages.map((message) => (isRec(message) && typeof message.timestamp === "number" ? message.timestamp : 0));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = last - first + 60_000;

  // Live signals of the template's runs, by runId.
  const templateRunIds = new Set(templateMessages.map(runIdOf).filter((id): id is string => id !== undefined));
  const liveByRun = new Map<string, RunSignal[]>();
  for (const capture of liveCaptures) {
    for (const signal of signalsOf(capture)) {
      if (!templateRunIds.has(signal.runId)) continue;
      const list = liveByRun.get(signal.runId) ?? [];
      list.push(signal);
      liveByRun.set(signal.runId, list);
    }
  }

  const messages: unknown[] = [];
  const activity: unknown[] = [];
  const localLog: RunSignal[] = [];
  const included = new Set<string>();
  let loggedRuns = 0;
  let userRows = 0;
  for (let copy = 0; userRows < turns; copy += 1) {
    const delta = copy * span;
    const copied = JSON.parse(renameIds(JSON.stringify(templateMessages), copy)) as unknown[];
    shiftTimes(copied, delta);
    for (const message of copied) {
      if (isRec(message) && message.role === "user") {
        if (userRows === turns) break;
        userRows += 1;
      }
      messages.push(message);
      const runId = runIdOf(message);
      if (runId !== undefined) included.add(runId);
    }
    if (Array.isArray(template.activity)) activity.push(...(JSON.parse(renameIds(JSON.stringify(template.activity), copy)) as unknown[]));
    for (const [runId, signals] of liveByRun) {
      if (!included.has(renameIds(runId, copy))) continue;
      const renamed = JSON.parse(renameIds(JSON.stringify(signals), copy)) as RunSignal[];
      localLog.push(...renamed.map((signal) => ({ ...signal, at: signal.at + delta, sessionKey: SESSION_KEY, source: "live" as const })));
      loggedRuns += 1;
    }
  }

  const lastAt = first + Math.ceil(turns / templateTurns) * span;
  const sessionInfo = isRec(template.sessionInfo) ? { ...template.sessionInfo, snapshotAt: lastAt, updatedAt: lastAt, activeRunIds: [], hasActiveRun: false } : undefined;
  const payload = { ...template, messages, activity, totalMessages: messages.length, sessionInfo };
  return { sessionKey: SESSION_KEY, payloadJson: JSON.stringify(payload), turns: userRows, messages: messages.length, localLog, loggedRuns };
}
