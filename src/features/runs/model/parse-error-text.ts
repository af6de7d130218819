/**
 * Last-resort readers for facts that some gateway paths only put in prose:
 * the cooldown error after a 401 has no errorKind/errorDetail at all, history
 * rows keep only `errorMessage`, and Retry-After is only ever in the text.
 * Structured fields always win over these (see classify-failure.ts).
 */
import type { ErrorClass } from "./classify-failure";

/** "HTTP 429" in a message, or a leading status as in fallback detail "401 Missing scopes…". */
export function parseHttpStatus(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const match = /\bHTTP\s*(\d{3})\b/i.exec(text) ?? /^\s*(\d{3})\b/.exec(text);
  const status = match?.[1] === undefined ? Number.NaN : Number.parseInt(match[1], 10);
  return status >= 400 && status <= 599 ? status : undefined;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** "Retry-After: 1 seconds", "Retry after about 1 minute". */
export function parseRetryAfterMs(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const match = /retry[- ]after:?\s*(?:about\s+|~)?(\d+(?:\.\d+)?)\s*(ms|millis\w*|s|sec\w*|m|min\w*|h|hour\w*)?/i.exec(text);
  if (!match?.[1]) return undefined;
  const unit = (match[2] ?? "s").toLowerCase();
  const key = unit.startsWith("ms") || unit.startsWith("milli") ? "ms" : (unit[0] ?? "s");
  const factor = UNIT_MS[key] ?? 1_000;
  return Math.round(Number.parseFloat(match[1]) * factor);
}

/** `provider "fake"` (cooldown text) or `fake/fake-model request failed`. */
export function parseProviderModel(text: string | undefined): { provider?: string; model?: string } {
  if (!text) return {};
  const quoted = /provider\s+"([^"]+)"/i.exec(text);
  if (quoted?.[1]) return { provider: quoted[1] };
  return providerModelBeforeFailure(text);
}

const REQUEST_FAILED = " request failed";
const SLASH = 0x2f;

/**
 * `provider/model request failed`, found by a scan instead of the regex
 * `([\w.-]+)\/([\w.:-]+) request failed`, which backtracks from every start
 * position of a long word (a 200 kB error took 42 s). The phrase is found
 * once per position, then the model and the provider are read backwards from
 * it; neither contains a space, so each backward read stops before the
 * previous phrase and every character is read a bounded number of times.
 */
function providerModelBeforeFailure(text: string): { provider?: string; model?: string } {
  for (let at = phraseAt(text, 0); at >= 0; at = phraseAt(text, at + 1)) {
    let slash = at - 1;
    while (slash >= 0 && isModelChar(text.charCodeAt(slash))) slash -= 1;
    if (slash < 0 || slash === at - 1 || text.charCodeAt(slash) !== SLASH) continue;
    let start = slash - 1;
    while (start >= 0 && isProviderChar(text.charCodeAt(start))) start -= 1;
    if (start === slash - 1) continue;
    return { provider: text.slice(start + 1, slash), model: text.slice(slash + 1, at) };
  }
  return {};
}

/** Where " request failed" (ASCII letters in any case) starts at or after `from`, or -1. */
function phraseAt(text: string, from: number): number {
  const last = text.length - REQUEST_FAILED.length;
  for (let at = from; at <= last; at += 1) {
    let matched = 0;
    while (matched < REQUEST_FAILED.length && sameLetter(text.charCodeAt(at + matched), REQUEST_FAILED.charCodeAt(matched))) matched += 1;
    if (matched === REQUEST_FAILED.length) return at;
  }
  return -1;
}

/** `wanted` is a lowercase ASCII letter or a space; `| 0x20` folds only A–Z onto a–z here. */
function sameLetter(code: number, wanted: number): boolean {
  return code === wanted || (wanted !== 0x20 && (code | 0x20) === wanted);
}

/** `[\w.-]`: ASCII letters, digits, `_`, `.`, `-`. */
function isProviderChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2e || code === 0x2d
  );
}

/** `[\w.:-]`: the provider's characters and `:`. */
function isModelChar(code: number): boolean {
  return code === 0x3a || isProviderChar(code);
}

const TEXT_CLASSES: ReadonlyArray<readonly [ErrorClass, RegExp]> = [
  ["rate_limit", /rate[- ]?limit|too many requests|\b429\b|quota|overloaded/i],
  ["auth", /authenticat|unauthori[sz]ed|forbidden|\b40[13]\b|api key|missing scopes|permission|auth\/billing|credential/i],
  ["timeout", /timed out|timeout|deadline exceeded/i],
  ["context_length", /context (?:length|window|overflow)|too long for|maximum context|prompt is too long/i],
];

export function classifyErrorText(text: string | undefined): ErrorClass | undefined {
  if (!text) return undefined;
  for (const [errorClass, pattern] of TEXT_CLASSES) if (pattern.test(text)) return errorClass;
  return undefined;
}

/** Gateway messages start with a warning emoji and may end with a log hint; neither helps a reader. */
export function cleanGatewayMessage(text: string): string {
  return text
    .replace(/^\s*⚠️\s*/u, "")
    .replace(/\nTo view logs, run `openclaw logs --follow` in a terminal\.?\s*$/u, "")
    .trim();
}
