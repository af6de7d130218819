/**
 * What a stored run record may hold, checked field by field when it is read:
 * IndexedDB gives back whatever an older version, another tab or a broken
 * write left there, and the fold and the views trust their input's types. A
 * record that does not fit is dropped (with a warning) before it reaches them.
 *
 * A shape maps each field to its type (compiled once, `shape`): `s` string, `n` finite number, `b`
 * boolean, `r` object, `S` list of strings, `m` model ({ model: string }),
 * `t` bounded text, `x` anything, `e:a|b` one of those strings; `?` after the
 * type: may be absent.
 */
import { isRecord, type UnknownRecord } from "@/lib/read-untrusted";
import type { RunSignal } from "../model/run-signal";
import type { StepKind } from "../model/run-timeline";

const CODES = { s: 0, n: 1, b: 2, r: 3, S: 4, m: 5, t: 6, x: 7, e: 8 } as const;

/**
 * A shape compiled once into parallel lists (field, type code, optional,
 * allowed strings): a read checks each field with one switch, not a parse of
 * type strings or a call per field (a reload checks thousands of steps).
 */
export interface Shape {
  fields: readonly string[];
  codes: readonly number[];
  optional: readonly boolean[];
  allowed: ReadonlyArray<ReadonlySet<string> | undefined>;
}

type Fields = Readonly<Record<string, string>>;

export function shape(...parts: Fields[]): Shape {
  const compiled = { fields: [] as string[], codes: [] as number[], optional: [] as boolean[], allowed: [] as Array<Set<string> | undefined> };
  for (const [field, written] of parts.flatMap((part) => Object.entries(part))) {
    const optional = written.endsWith("?");
    const type = optional ? written.slice(0, -1) : written;
    const code = type.startsWith("e:") ? CODES.e : CODES[type as keyof typeof CODES];
    if (code === undefined) throw new Error(`stored-shape: unknown type ${type}`);
    compiled.fields.push(field);
    compiled.codes.push(code);
    compiled.optional.push(optional);
    compiled.allowed.push(code === CODES.e ? new Set(type.slice(2).split("|")) : undefined);
  }
  return compiled;
}

function shapes<K extends string>(byKind: Record<K, Fields>, base: Fields): Record<K, Shape> {
  return Object.fromEntries(Object.entries<Fields>(byKind).map(([kind, fields]) => [kind, shape(base, fields)])) as Record<K, Shape>;
}

function fits(value: unknown, code: number, allowed: ReadonlySet<string> | undefined): boolean {
  switch (code) {
    case CODES.s:
      return typeof value === "string";
    case CODES.n:
      return typeof value === "number" && Number.isFinite(value);
    case CODES.b:
      return typeof value === "boolean";
    case CODES.r:
      return isRecord(value);
    case CODES.S:
      return Array.isArray(value) && value.every((item) => typeof item === "string");
    case CODES.m:
      return isRecord(value) && typeof value.model === "string" && (value.provider === undefined || typeof value.provider === "string");
    case CODES.t:
      return isRecord(value) && typeof value.head === "string" && typeof value.tail === "string" && typeof value.totalChars === "number";
    case CODES.e:
      return typeof value === "string" && allowed !== undefined && allowed.has(value);
    default:
      return true;
  }
}

/** Whether `value` is an object with every field of `shape` of its type; other fields are left alone. */
export function matches(value: unknown, { fields, codes, optional, allowed }: Shape): value is UnknownRecord {
  if (!isRecord(value)) return false;
  for (let index = 0; index < fields.length; index += 1) {
    const fieldValue = value[fields[index] as string];
    if (fieldValue === undefined ? !optional[index] : !fits(fieldValue, codes[index] as number, allowed[index])) return false;
  }
  return true;
}

const TOKEN_USAGE: Fields = { input: "n?", output: "n", cacheRead: "n?", cacheWrite: "n?", total: "n?", costUsd: "n?" };

const SIGNAL_BASE: Fields = { runId: "s", at: "n", sessionKey: "s?", frameSeq: "n?", runSeq: "n?", serverAt: "n?" };

/** Every signal kind's fields; the Record type makes a new kind a compile error here. */
const SIGNAL_FIELDS: Record<RunSignal["kind"], Fields> = {
  queued: {},
  status: { phase: "s" },
  "lifecycle-start": { startedAt: "n?" },
  "model-selected": { provider: "s?", model: "s" },
  "lifecycle-finishing": { error: "s?", observation: "r?", stopReason: "s?" },
  "lifecycle-end": { stopReason: "s?", aborted: "b", status: "s?", replyText: "s?", successfulToolNames: "S?" },
  "lifecycle-error": { error: "s?", observation: "r?", aborted: "b", stopReason: "s?", timeoutPhase: "s?" },
  fallback: { from: "m?", to: "m?", reason: "s?", attempts: "S" },
  "fallback-cleared": { to: "m?" },
  "fallback-step": { fromModel: "s?", toModel: "s?", reason: "s?", detail: "s?", position: "n?", outcome: "s?" },
  retry: { attempt: "n?", maxAttempts: "n?", reason: "s?", delayMs: "n?", message: "s?" },
  "assistant-text": { text: "s?", delta: "s?", replace: "b?", segmentId: "s?" },
  "thinking-text": { text: "s?", delta: "s?", segmentId: "s?" },
  "tool-start": { toolCallId: "s", name: "s", args: "x?", parentToolCallId: "s?" },
  "tool-update": { toolCallId: "s", name: "s?", partialText: "s?" },
  "tool-result": { toolCallId: "s", name: "s?", isError: "b", resultText: "s?", exitCode: "n?", durationMs: "n?", errorText: "s?" },
  item: {
    phase: "e:start|update|end",
    itemId: "s",
    itemKind: "s",
    title: "s?",
    name: "s?",
    toolCallId: "s?",
    status: "s?",
    progressText: "s?",
    error: "s?",
    startedAt: "n?",
    endedAt: "n?",
  },
  "command-output": { phase: "e:delta|end", toolCallId: "s?", itemId: "s?", name: "s?", output: "s?", chunk: "s?", exitCode: "n?", durationMs: "n?" },
  "chat-final": { stopReason: "s?", text: "s?" },
  "chat-aborted": { stopReason: "s?", text: "s?", errorMessage: "s?" },
  "chat-error": { errorKind: "s?", errorDetail: "r?", errorMessage: "s?", stopReason: "s?" },
  disconnected: { code: "n", reason: "s" },
  reconnected: { bootChanged: "b?" },
  "gateway-restarting": { reason: "s", restartExpectedMs: "n?" },
  "gateway-restarted": { bootChanged: "b" },
  "run-inactive": { via: "e:session-info|history|agent-wait" },
  "seq-gap": { expected: "n", received: "n" },
  activity: { label: "s" },
  "model-usage": { callId: "s?", ...TOKEN_USAGE },
  unknown: { event: "s", detail: "s?" },
};

const SIGNAL_SHAPES = shapes(SIGNAL_FIELDS, SIGNAL_BASE);

/** Why a stored signal cannot be folded, or undefined when it can. */
export function signalProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return "not an object";
  const kind = value.kind;
  const shape = typeof kind === "string" && Object.hasOwn(SIGNAL_SHAPES, kind) ? SIGNAL_SHAPES[kind as RunSignal["kind"]] : undefined;
  if (!shape) return `unknown kind ${JSON.stringify(kind)}`;
  if (!matches(value, shape)) return `a ${kind} signal with a field of the wrong type`;
  return undefined;
}

const STEP_BASE: Fields = { id: "s", at: "n", endedAt: "n?", durationMs: "n?", source: "e:live|history|local-log" };

const STEP_FIELDS: Record<StepKind, Fields> = {
  lifecycle: { event: "s", label: "s", model: "m?" },
  tool: {
    toolCallId: "s",
    name: "s",
    title: "s?",
    output: "t",
    outputFrom: "e:chunks|snapshots|result?",
    result: "t?",
    exitCode: "n?",
    isError: "b",
    error: "s?",
    status: "e:running|done|error",
    parentToolCallId: "s?",
    serverStartedAt: "n?",
    confirmedByHistory: "b?",
  },
  text: { segmentId: "s", text: "s" },
  thinking: { segmentId: "s", text: "s" },
  note: { itemKind: "s", title: "s?", text: "s?" },
  retry: { attempt: "n?", maxAttempts: "n?", reason: "s?", delayMs: "n?", message: "s?" },
  fallback: { from: "s?", to: "s?", reason: "s?", detail: "s?", outcome: "s?", attempts: "S" },
  "provider-error": { provider: "s?", model: "s?", httpStatus: "n?", retryAfterMs: "n?", failoverReason: "s?", message: "s" },
  connection: { event: "e:disconnected|reconnected|gateway-restarting|gateway-restarted", code: "n?", reason: "s?", words: "s" },
  gap: { expected: "n", received: "n" },
  usage: { runOutput: "n?", ...TOKEN_USAGE },
};

const STEP_SHAPES = shapes(STEP_FIELDS, STEP_BASE);

export function isStoredStep(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const kind = value.kind;
  const shape = typeof kind === "string" && Object.hasOwn(STEP_SHAPES, kind) ? STEP_SHAPES[kind as StepKind] : undefined;
  return shape !== undefined && matches(value, shape);
}

const PHASE_KINDS = "queued|preparing|starting-model|thinking|writing-reply|using-tool|waiting-for-model|retrying|falling-back|finishing|ended";

/** The fields of a stored run besides its steps and dedupe keys (stored-run.ts). */
export const STORED_RUN_SHAPE = shape({
  runId: "s",
  sessionKey: "s?",
  status: "e:queued|running|ended",
  createdAt: "n",
  startedAt: "n?",
  endedAt: "n?",
  lastEventAt: "n",
  lastEventLabel: "s",
  requestedModel: "m?",
  model: "m?",
  text: "s",
  thinking: "s",
  runningTools: "n",
  terminal: "r?",
  lifecycleOutcome: "r?",
  restart: "r?",
  disconnectedAt: "n?",
  reconnectedAt: "n?",
  inactiveConfirmedAt: "n?",
  quietUntil: "n?",
  trigger: "e:user|restart-recovery?",
  signals: "n",
  unknownSignals: "n",
  extraTerminals: "n",
});

export const PHASE_SHAPE = shape({ kind: `e:${PHASE_KINDS}`, step: "s?", tool: "s?", title: "s?", model: "m?", attempt: "n?", maxAttempts: "n?", reason: "s?", to: "s?" });
export const TERMINAL_SHAPE = shape({
  kind: "e:final|aborted|error",
  at: "n",
  source: "e:live|history|local-log",
  stopReason: "s?",
  errorKind: "s?",
  errorDetail: "r?",
  errorMessage: "s?",
  followUps: "S",
});
export const LIFECYCLE_OUTCOME_SHAPE = shape({ kind: "e:end|error", at: "n", aborted: "b", stopReason: "s?", status: "s?", error: "s?", observation: "r?", timeoutPhase: "s?" });
export const RESTART_SHAPE = shape({ at: "n", via: "e:shutdown|close|boot-changed", code: "n?", words: "s" });
