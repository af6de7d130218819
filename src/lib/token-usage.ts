/**
 * Token counts as the gateway reports them. A model call's full usage is on its
 * assistant transcript row (`usage: { input, output, cacheRead, cacheWrite,
 * totalTokens, cost: { total } }`, in `chat.history` and `session.message`);
 * live, the `agent` `usage` stream sends only `outputTokens`. `input` is the
 * uncached part of the prompt; `cacheRead` the part served from the cache.
 */
import { isRecord, readNumber, readRecord } from "./read-untrusted";

export interface TokenUsage {
  input?: number;
  output: number;
  cacheRead?: number;
  cacheWrite?: number;
  /** The gateway's own total; else the sum of the parts it gave. */
  total?: number;
  /** Only when the gateway priced the call (it knows the model's prices); never estimated here. */
  costUsd?: number;
}

/** The `usage` of a transcript row, if it has one with an output count. */
export function usageOfRow(row: unknown): TokenUsage | undefined {
  const usage = isRecord(row) ? readRecord(row, "usage") : undefined;
  if (!usage) return undefined;
  const output = readNumber(usage, "output");
  if (output === undefined) return undefined;
  const input = readNumber(usage, "input");
  const cacheRead = readNumber(usage, "cacheRead");
  const cacheWrite = readNumber(usage, "cacheWrite");
  const cost = readRecord(usage, "cost");
  const costTotal = cost ? readNumber(cost, "total") : undefined;
  return {
    input,
    output,
    cacheRead,
    cacheWrite,
    total: readNumber(usage, "totalTokens") ?? (input ?? 0) + output + (cacheRead ?? 0) + (cacheWrite ?? 0),
    // A zero cost means "no prices configured" as often as "free": only a positive figure is a price.
    costUsd: costTotal !== undefined && costTotal > 0 ? costTotal : undefined,
  };
}

const sumOptional = (a: number | undefined, b: number | undefined) => (a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0));

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    input: sumOptional(a.input, b.input),
    output: a.output + b.output,
    cacheRead: sumOptional(a.cacheRead, b.cacheRead),
    cacheWrite: sumOptional(a.cacheWrite, b.cacheWrite),
    total: sumOptional(a.total, b.total),
    costUsd: sumOptional(a.costUsd, b.costUsd),
  };
}

/** Every model call a transcript records, summed; undefined when none reported usage. */
export function transcriptUsage(rows: readonly unknown[]): { calls: number; usage: TokenUsage } | undefined {
  let calls = 0;
  let usage: TokenUsage = { output: 0 };
  for (const row of rows) {
    const one = usageOfRow(row);
    if (!one) continue;
    calls += 1;
    usage = addUsage(usage, one);
  }
  return calls === 0 ? undefined : { calls, usage };
}

const COUNT = new Intl.NumberFormat("en-US");
const USD = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 4 });

export function formatTokens(count: number): string {
  return COUNT.format(count);
}

export function formatUsd(amount: number): string {
  return USD.format(amount);
}

/** "56 output tokens · 1,290 total", the figures a reply's footer shows. */
export function describeUsage(usage: TokenUsage): string {
  const parts = [`${formatTokens(usage.output)} output ${usage.output === 1 ? "token" : "tokens"}`];
  if (usage.total !== undefined && usage.total !== usage.output) parts.push(`${formatTokens(usage.total)} total`);
  if (usage.costUsd !== undefined) parts.push(formatUsd(usage.costUsd));
  return parts.join(" · ");
}

/** One model call: "in 210 · out 28 · cached 1,024" (live, before history: only "out 28"). */
export function describeCallUsage(usage: TokenUsage): string {
  const parts: string[] = [];
  if (usage.input !== undefined) parts.push(`in ${formatTokens(usage.input)}`);
  parts.push(`out ${formatTokens(usage.output)}`);
  if (usage.cacheRead) parts.push(`cached ${formatTokens(usage.cacheRead)}`);
  if (usage.cacheWrite) parts.push(`cache write ${formatTokens(usage.cacheWrite)}`);
  if (usage.costUsd !== undefined) parts.push(formatUsd(usage.costUsd));
  return parts.join(" · ");
}

/** "This session: 3 model calls · 84 output tokens · 3,786 total", from its transcript. */
export function describeSessionUsage(rows: readonly unknown[]): string | undefined {
  const summed = transcriptUsage(rows);
  if (!summed) return undefined;
  return `This session: ${summed.calls} model ${summed.calls === 1 ? "call" : "calls"} · ${describeUsage(summed.usage)}`;
}
