/**
 * Which gateway log lines belong beside a run, which of them to show, and
 * which stand out. Pure: the panel and the whole-gateway view only render
 * what these functions return.
 */
import type { GatewayLogLevel, GatewayLogLine } from "@/lib/gateway-log-lines";
import { redactText } from "@/lib/redact";
import { clip } from "@/lib/display-text";

/** What the logs feature knows of a run; the app passes it in, so this feature needs nothing from runs. */
export interface RunLogScope {
  startedAt: number;
  /** Absent while the run is live. */
  endedAt?: number;
  runId?: string;
  sessionKey?: string;
  /**
   * Gateway clock minus browser clock. The run's times are the browser's (when its events arrived), the
   * lines' the gateway's; without this a few minutes of skew put every line outside the window.
   */
  clockOffsetMs?: number;
}

/** The gateway logs a little before a run is admitted (chat.send) and a little after its last event (dispatch completed). */
export const WINDOW_BEFORE_MS = 2_000;
export const WINDOW_AFTER_MS = 5_000;

/**
 * The lines inside the run's time window. A line without a time of its own
 * (a plain-text continuation) takes the time of the line before it.
 */
export function linesInRunWindow(lines: readonly GatewayLogLine[], scope: RunLogScope): GatewayLogLine[] {
  const offset = scope.clockOffsetMs ?? 0;
  const from = scope.startedAt + offset - WINDOW_BEFORE_MS;
  const to = scope.endedAt === undefined ? Number.POSITIVE_INFINITY : scope.endedAt + offset + WINDOW_AFTER_MS;
  const inside: GatewayLogLine[] = [];
  let lastTime: number | undefined;
  for (const line of lines) {
    const time = line.time ?? lastTime;
    lastTime = time;
    if (time !== undefined && time >= from && time <= to) inside.push(line);
  }
  return inside;
}

export type LevelChoice = "all" | Exclude<GatewayLogLevel, "unknown" | "fatal">;

export const LEVEL_CHOICES: readonly LevelChoice[] = ["all", "trace", "debug", "info", "warn", "error"];

const LEVEL_RANK: Record<GatewayLogLevel, number> = { trace: 0, debug: 1, info: 2, unknown: 2, warn: 3, error: 4, fatal: 5 };

export interface LogFilter {
  /** The lowest level shown; lines of unknown level count as info. */
  minLevel: LevelChoice;
  text: string;
}

export const NO_FILTER: LogFilter = { minLevel: "all", text: "" };

export function filterLogLines(lines: readonly GatewayLogLine[], filter: LogFilter): GatewayLogLine[] {
  const minRank = filter.minLevel === "all" ? -1 : LEVEL_RANK[filter.minLevel];
  const needle = filter.text.trim().toLowerCase();
  return lines.filter((line) => LEVEL_RANK[line.level] >= minRank && (needle === "" || searchableText(line).includes(needle)));
}

function searchableText(line: GatewayLogLine): string {
  const fields = Object.keys(line.fields).length > 0 ? ` ${JSON.stringify(line.fields)}` : "";
  return `${line.subsystem ?? ""} ${line.text}${fields}`.toLowerCase();
}

export type LineMark = "run" | "session" | "provider-error";

const HTTP_ERROR_IN_TEXT = /\b(?:status[=:]\s*|HTTP\s+)([45]\d\d)\b/i;
const PROVIDER_ERROR_WORDS = /rate[ _-]?limit|failoverReason|failover|unauthori[sz]ed|authentication failed|missing scopes?|billing|quota|cooldown|retry-after/i;

/** Why a line stands out for this run: it names the run, its session, or a provider error. */
export function marksOf(line: GatewayLogLine, scope: Pick<RunLogScope, "runId" | "sessionKey">): LineMark[] {
  const marks: LineMark[] = [];
  if (scope.runId && (line.runId === scope.runId || line.text.includes(scope.runId))) marks.push("run");
  if (scope.sessionKey && (line.sessionKey === scope.sessionKey || line.text.includes(scope.sessionKey))) marks.push("session");
  if (isProviderError(line)) marks.push("provider-error");
  return marks;
}

export function isProviderError(line: GatewayLogLine): boolean {
  const { fields } = line;
  if (typeof fields.failoverReason === "string" || typeof fields.providerRuntimeFailureKind === "string") return true;
  if (typeof fields.status === "number" && fields.status >= 400) return true;
  if (typeof fields.cooldownUntil === "number") return true;
  return HTTP_ERROR_IN_TEXT.test(line.text) || PROVIDER_ERROR_WORDS.test(line.text);
}

/** The fields worth a glance on one row, as `key=value`; the rest is in the copied text. */
export function fieldsSummary(fields: Record<string, unknown>, maxChars = 240): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (key === "tags" || value === undefined || value === null) continue;
    parts.push(`${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  }
  const summary = parts.join(" ");
  return clip(summary, maxChars);
}

/**
 * The lines as plain text for the clipboard. The lines are masked already;
 * the caller's known secrets are masked once more here, so a copy can never
 * carry more than the screen shows.
 */
export function logLinesClipboardText(lines: readonly GatewayLogLine[], extraSecrets: readonly string[] = []): string {
  return lines
    .map((line) => {
      const time = line.time === undefined ? "-" : new Date(line.time).toISOString();
      const subsystem = line.subsystem ? ` [${line.subsystem}]` : "";
      const fields = Object.keys(line.fields).length > 0 ? ` ${JSON.stringify(line.fields)}` : "";
      return redactText(`${time} ${line.level.toUpperCase()}${subsystem} ${line.text}${fields}`, extraSecrets);
    })
    .join("\n");
}
