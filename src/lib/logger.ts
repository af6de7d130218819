/**
 * The app's console logger. Everything passes through redaction first, so a
 * frame or error that carries a token can be logged without leaking it.
 */
import { redactText, redactValue } from "./redact";

export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

export function createLogger(scope: string, sink: Pick<Console, "debug" | "info" | "warn" | "error"> = console): Logger {
  const emit = (level: keyof Logger, message: string, detail?: unknown) => {
    // Messages are often built from untrusted text (a URL, a close reason), so they are redacted too.
    const line = `[${scope}] ${redactText(message)}`;
    if (detail === undefined) sink[level](line);
    else sink[level](line, redactValue(detail));
  };
  return {
    debug: (message, detail) => emit("debug", message, detail),
    info: (message, detail) => emit("info", message, detail),
    warn: (message, detail) => emit("warn", message, detail),
    error: (message, detail) => emit("error", message, detail),
  };
}
