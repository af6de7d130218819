/**
 * The gateway log as this tab has read it through `logs.tail`: the raw lines
 * in file order and the cursor to read on from. Every feature that needs log
 * lines (a run's lines, provider failures, refused handshakes) picks them from
 * this one tail. A line is parsed the first time someone looks at it and never
 * again, so a feature that wants three lines out of five thousand parses three.
 *
 * `logs.tail` answers `{file, cursor, size, lines, truncated?, reset?}`. A
 * reset (the file is shorter than the cursor, as after a restart that started
 * a fresh log, or a gap larger than the byte budget) or another file (the log
 * rolled over) means the old lines no longer continue into the new.
 */
import { gatewayLogLineId, parseGatewayLogLine, type GatewayLogLine } from "./gateway-log-lines";

export interface LogsTailRequest {
  cursor?: number;
  limit: number;
  maxBytes: number;
}

export interface LogsTailPage {
  file?: string;
  cursor: number;
  size?: number;
  lines: string[];
  truncated?: boolean;
  reset?: boolean;
}

export interface LogTailLine {
  /** Unique within the tail: two identical lines (same text, same millisecond) are still two rows. */
  readonly id: string;
  /** As the gateway sent it; parse with parsedLogLine. */
  readonly raw: string;
}

export interface LogTail {
  file?: string;
  cursor: number;
  lines: readonly LogTailLine[];
  /** Older lines exist that this tab did not read (the first read starts at the file's tail). */
  startsMidFile: boolean;
}

/** Enough for a long run at debug level (about 50 lines a tool run) without keeping the whole file. */
export const MAX_KEPT_LINES = 5_000;

/**
 * Every read asks for as much as one `logs.tail` read may give (1 MB, 5,000
 * lines): the first reaches back that far, and a read after a long pause
 * (provider health reads only when a run ends) continues where it left off
 * instead of being reset to a shorter tail.
 */
const READ_BUDGET = { limit: 5_000, maxBytes: 1_000_000 } as const;

export function nextTailRequest(previous: LogTail | undefined): LogsTailRequest {
  return previous ? { cursor: previous.cursor, ...READ_BUDGET } : { ...READ_BUDGET };
}

export function parseLogsTailPage(payload: unknown): LogsTailPage {
  if (!payload || typeof payload !== "object") throw new Error("logs.tail answered without a payload");
  const page = payload as Record<string, unknown>;
  if (typeof page.cursor !== "number" || !Array.isArray(page.lines)) throw new Error("logs.tail answered in an unknown shape");
  return {
    file: typeof page.file === "string" ? page.file : undefined,
    cursor: page.cursor,
    size: typeof page.size === "number" ? page.size : undefined,
    lines: page.lines.filter((line): line is string => typeof line === "string"),
    truncated: page.truncated === true,
    reset: page.reset === true,
  };
}

/** The tail with the page added; the same tail when the page adds nothing, so readers see no change. */
export function appendTailPage(previous: LogTail | undefined, page: LogsTailPage): LogTail {
  const continues = previous !== undefined && !page.reset && (page.file === undefined || page.file === previous.file);
  const kept = continues ? previous.lines : [];
  const added = newLines(kept, page.lines);
  if (continues && added.length === 0 && page.cursor === previous.cursor) return previous;
  const lines = added.length === 0 ? kept : [...kept, ...added];
  const overflow = lines.length - MAX_KEPT_LINES;
  return {
    file: page.file ?? previous?.file,
    cursor: page.cursor,
    lines: overflow > 0 ? lines.slice(overflow) : lines,
    startsMidFile: (continues ? previous.startsMidFile : page.truncated === true) || overflow > 0,
  };
}

function newLines(kept: readonly LogTailLine[], raws: readonly string[]): LogTailLine[] {
  const added: LogTailLine[] = [];
  let seen: Set<string> | undefined;
  for (const raw of raws) {
    if (raw.trim() === "") continue;
    seen ??= new Set(kept.map((line) => line.id));
    const id = uniqueId(gatewayLogLineId(raw), seen);
    seen.add(id);
    added.push({ id, raw });
  }
  return added;
}

function uniqueId(id: string, seen: ReadonlySet<string>): string {
  if (!seen.has(id)) return id;
  let copy = 2;
  while (seen.has(`${id}-${copy}`)) copy += 1;
  return `${id}-${copy}`;
}

const parsedLines = new WeakMap<LogTailLine, GatewayLogLine>();

/** The line parsed (secrets masked by their shape), once per line however many readers ask. */
export function parsedLogLine(line: LogTailLine): GatewayLogLine {
  let parsed = parsedLines.get(line);
  if (parsed === undefined) {
    parsed = withId(parseGatewayLogLine(line.raw), line.id);
    parsedLines.set(line, parsed);
  }
  return parsed;
}

/**
 * How the screen may show lines: also masking the secrets this tab knows
 * (gateway token, device token), which can look harmless to the shape
 * patterns. Only a line that mentions one is parsed again, with them, once.
 */
export function shownLogLineReader(knownSecrets: readonly string[]): (line: LogTailLine) => GatewayLogLine {
  // In a JSON line a secret appears escaped the way JSON writes strings.
  const needles = [...new Set(knownSecrets.filter((secret) => secret !== "").flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]))];
  const masked = new WeakMap<LogTailLine, GatewayLogLine>();
  return (line) => {
    if (!needles.some((needle) => line.raw.includes(needle))) return parsedLogLine(line);
    let shown = masked.get(line);
    if (shown === undefined) {
      shown = withId(parseGatewayLogLine(line.raw, knownSecrets), line.id);
      masked.set(line, shown);
    }
    return shown;
  };
}

function withId(line: GatewayLogLine, id: string): GatewayLogLine {
  return line.id === id ? line : { ...line, id };
}
