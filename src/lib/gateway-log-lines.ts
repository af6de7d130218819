/**
 * One line of the gateway's log file, as `logs.tail` returns it, made safe to
 * show. The gateway writes tslog JSON lines: positional arguments under "0",
 * "1", "2"… (the first is often `{"subsystem":…}`, later ones a message string
 * or a structured object with `event`, `runId`, `provider`…), the level in
 * `_meta.logLevelName`, and the joined `message`. Other lines are plain text.
 * Every string that leaves here has been through redaction.
 */
import { redactText, redactValue } from "./redact";

export type GatewayLogLevel = "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "unknown";

export interface GatewayLogLine {
  /** Stable for the same raw line, so a re-read tail does not duplicate rows. */
  id: string;
  time: number | undefined;
  level: GatewayLogLevel;
  subsystem?: string;
  /** The human message, secrets masked. */
  text: string;
  /** The structured arguments (objects), secrets masked. */
  fields: Record<string, unknown>;
  runId?: string;
  sessionKey?: string;
}

const LEVELS: Record<string, GatewayLogLevel> = {
  silly: "trace",
  trace: "trace",
  debug: "debug",
  info: "info",
  warn: "warn",
  warning: "warn",
  error: "error",
  fatal: "fatal",
};

/** tslog's numeric levels, for lines whose name is missing. */
const LEVEL_BY_ID: readonly GatewayLogLevel[] = ["trace", "trace", "debug", "info", "warn", "error", "fatal"];

const PLAIN_TIME = /^\s*\[?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)\]?\s*/;
const PLAIN_LEVEL = /^\s*\[?(trace|debug|info|warn|warning|error|fatal)\]?[:\s]/i;
const RUN_ID_IN_TEXT = /\brunId=([^\s,;"]+)/;
const SESSION_KEY_IN_TEXT = /\b(?:sessionKey=|lane=session:)([^\s,;"]+)/;

/** The same raw line always gets the same id, so a re-read tail does not duplicate rows. */
export function gatewayLogLineId(raw: string): string {
  return `log-${hashOf(raw)}`;
}

export function parseGatewayLogLine(raw: string, extraSecrets: readonly string[] = []): GatewayLogLine {
  const id = gatewayLogLineId(raw);
  const record = parseRecord(raw);
  if (!record) return plainLine(id, raw, extraSecrets);

  const meta = isRecord(record._meta) ? record._meta : {};
  const args = positionalArgs(record);
  const subsystemArg = args.length > 0 && typeof args[0] === "string" ? subsystemOf(args[0]) : undefined;
  const messageArgs = subsystemArg === undefined ? args : args.slice(1);
  const subsystem = subsystemArg ?? (typeof meta.name === "string" ? subsystemOf(meta.name) : undefined);

  const fields: Record<string, unknown> = {};
  for (const arg of messageArgs) if (isRecord(arg)) Object.assign(fields, arg);
  const message =
    typeof record.message === "string" && record.message.length > 0
      ? record.message
      : messageArgs.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg))).join(" ");

  const text = redactText(message, extraSecrets);
  const runId = stringField(fields, "runId") ?? RUN_ID_IN_TEXT.exec(message)?.[1];
  const sessionKey = stringField(fields, "sessionKey") ?? SESSION_KEY_IN_TEXT.exec(message)?.[1] ?? sessionKeyOf(record.session_id);
  return {
    id,
    time: timeOf(record.time) ?? timeOf(meta.date),
    level: levelOf(meta),
    ...(subsystem ? { subsystem } : {}),
    text,
    fields: redactValue(fields, extraSecrets) as Record<string, unknown>,
    ...(runId ? { runId: redactText(runId, extraSecrets) } : {}),
    ...(sessionKey ? { sessionKey: redactText(sessionKey, extraSecrets) } : {}),
  };
}

function plainLine(id: string, raw: string, extraSecrets: readonly string[]): GatewayLogLine {
  const timeMatch = PLAIN_TIME.exec(raw);
  const rest = timeMatch ? raw.slice(timeMatch[0].length) : raw;
  const levelMatch = PLAIN_LEVEL.exec(rest);
  const runId = RUN_ID_IN_TEXT.exec(raw)?.[1];
  const sessionKey = SESSION_KEY_IN_TEXT.exec(raw)?.[1];
  return {
    id,
    time: timeMatch ? timeOf(timeMatch[1]) : undefined,
    level: levelMatch ? (LEVELS[(levelMatch[1] ?? "").toLowerCase()] ?? "unknown") : "unknown",
    text: redactText(raw.trimEnd(), extraSecrets),
    fields: {},
    ...(runId ? { runId: redactText(runId, extraSecrets) } : {}),
    ...(sessionKey ? { sessionKey: redactText(sessionKey, extraSecrets) } : {}),
  };
}

function parseRecord(raw: string): Record<string, unknown> | undefined {
  if (!raw.trimStart().startsWith("{")) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function positionalArgs(record: Record<string, unknown>): unknown[] {
  const args: unknown[] = [];
  for (let index = 0; String(index) in record; index += 1) args.push(record[String(index)]);
  return args;
}

/** `{"subsystem":"agent/embedded"}` or `{"module":"cron",…}` names the logger; anything else is a message. */
function subsystemOf(value: string): string | undefined {
  if (!value.startsWith("{")) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (!isRecord(parsed)) return undefined;
    if (typeof parsed.subsystem === "string") return parsed.subsystem;
    return typeof parsed.module === "string" ? parsed.module : undefined;
  } catch {
    return undefined;
  }
}

function levelOf(meta: Record<string, unknown>): GatewayLogLevel {
  if (typeof meta.logLevelName === "string") return LEVELS[meta.logLevelName.toLowerCase()] ?? "unknown";
  if (typeof meta.logLevelId === "number") return LEVEL_BY_ID[meta.logLevelId] ?? "unknown";
  return "unknown";
}

function timeOf(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value !== "string") return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The top-level `session_id` holds a session key on some lines and a transcript id on others. */
function sessionKeyOf(value: unknown): string | undefined {
  return typeof value === "string" && value.startsWith("agent:") ? value : undefined;
}

function stringField(fields: Record<string, unknown>, key: string): string | undefined {
  const value = fields[key];
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** cyrb53: a 53-bit hash, so thousands of lines in one view do not collide; ids only deduplicate rows. */
function hashOf(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
