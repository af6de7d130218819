/**
 * Secrets never reach logs, exports or the screen. Object keys that name a
 * secret are replaced wholesale; free text (log lines, error messages) is
 * scanned for token-shaped values.
 */

const SECRET_KEY = /(^key$|token|secret|password|passwd|signature|api[-_]?key|secret[-_]?access[-_]?key|authorization|private[-_]?key|cookie|bearer|nonce)$/i;
export const REDACTED = "‹redacted›";

const TEXT_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // key=value and "key": "value" forms for secret-looking keys; an Authorization scheme (Bearer, Basic) stays readable
  [/((?:token|secret|password|api[-_]?key|signature|authorization|deviceToken)["']?\s*[:=]\s*["']?(?:(?:Bearer|Basic)\s+)?)[^\s"'&,;}]{6,}/gi, `$1${REDACTED}`],
  [/(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, `$1${REDACTED}`],
  // AWS secret access keys: 40 base64 characters after their variable name
  [/(aws_secret_access_key["']?\s*[:=]\s*["']?)[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/gi, `$1${REDACTED}`],
  // The password of a URL (scheme://user:password@host). Anchored on "//" and free of "/", so each try stops at the next slash: linear.
  [/(\/\/[^\s:/?#@]*:)[^\s/?#@]+@/g, `$1${REDACTED}@`],
  // Telegram bot tokens (bot id, colon, 35 characters), also glued to "bot" in Bot API URLs
  [/(?<![0-9])[0-9]{6,12}:[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g, REDACTED],
  [/([#?&](?:token|key|api_key|apikey|access_token|sig)=)[^&\s#"']+/gi, `$1${REDACTED}`],
  // Well-known provider key shapes
  [/\b(sk|pk|rk|xox[abpr])-[A-Za-z0-9_-]{12,}\b/g, REDACTED],
  [/\bgh[pousr]_[A-Za-z0-9]{20,}\b/g, REDACTED],
  [/\bAIza[0-9A-Za-z_-]{35}\b/g, REDACTED],
  // Long hex or base64url blobs (gateway tokens are 48 hex characters)
  [/\b[a-f0-9]{32,}\b/gi, REDACTED],
  [/\b[A-Za-z0-9_-]{43,}\b/g, REDACTED],
];

export function redactText(text: string, extraSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of extraSecrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of TEXT_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

export function redactValue(value: unknown, extraSecrets: readonly string[] = [], depth = 0): unknown {
  if (depth > 32) return "‹too deep›";
  if (typeof value === "string") return redactText(value, extraSecrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, extraSecrets, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) && item !== null && item !== undefined && item !== "" ? REDACTED : redactValue(item, extraSecrets, depth + 1);
    }
    return out;
  }
  return value;
}
