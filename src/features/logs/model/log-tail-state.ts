/**
 * The gateway log as this tab has read it: parsed lines in file order and the
 * cursor to read on from. `logs.tail` answers `{file, cursor, size, lines,
 * truncated?, reset?}`; a reset (rotated or truncated file, or a gap larger
 * than the byte budget) means the old lines no longer continue into the new.
 */
import { parseGatewayLogLine, type GatewayLogLine } from "@/lib/gateway-log-lines";

export interface LogsTailPage {
  file?: string;
  cursor: number;
  size?: number;
  lines: string[];
  truncated?: boolean;
  reset?: boolean;
}

export interface LogTailState {
  file?: string;
  cursor: number;
  lines: GatewayLogLine[];
  /** Older lines exist that this tab did not read (the first read starts at the file's tail). */
  startsMidFile: boolean;
}

/** Enough for a long run at debug level (about 50 lines a tool run) without keeping the whole file. */
export const MAX_KEPT_LINES = 5_000;

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

export function appendTailPage(previous: LogTailState | undefined, page: LogsTailPage, extraSecrets: readonly string[] = []): LogTailState {
  const continues = previous !== undefined && !page.reset && (page.file === undefined || page.file === previous.file);
  const kept = continues ? previous.lines : [];
  const seen = new Set(kept.map((line) => line.id));
  const added: GatewayLogLine[] = [];
  for (const raw of page.lines) {
    if (raw.trim() === "") continue;
    const line = uniqueLine(parseGatewayLogLine(raw, extraSecrets), seen);
    seen.add(line.id);
    added.push(line);
  }
  const lines = added.length === 0 ? kept : [...kept, ...added];
  const overflow = lines.length - MAX_KEPT_LINES;
  return {
    file: page.file ?? previous?.file,
    cursor: page.cursor,
    lines: overflow > 0 ? lines.slice(overflow) : lines,
    startsMidFile: (continues ? previous.startsMidFile : page.truncated === true) || overflow > 0,
  };
}

/** Two identical lines (same text, same millisecond) are still two rows. */
function uniqueLine(line: GatewayLogLine, seen: ReadonlySet<string>): GatewayLogLine {
  if (!seen.has(line.id)) return line;
  let copy = 2;
  while (seen.has(`${line.id}-${copy}`)) copy += 1;
  return { ...line, id: `${line.id}-${copy}` };
}
