/**
 * Clients that keep failing their handshake. The gateway lists only clients
 * that got in (presence), but logs every refused handshake as a structured
 * line (`handshake:"failed"` with cause, client id, mode, version, instance,
 * origin and the kind of credential). Grouping those lines per client shows a
 * stale bridge or a dashboard with an old token at a glance.
 */
import type { GatewayLogLine } from "@/lib/gateway-log-lines";
import { readText } from "@/lib/read-untrusted";

/** Older failures are history, not a client that "keeps failing". */
export const FAILURE_WINDOW_MS = 30 * 60_000;

export interface FailingClient {
  /** instanceId when the client sent one, else client, mode and origin or address. */
  key: string;
  clientId?: string;
  displayName?: string;
  mode?: string;
  version?: string;
  platform?: string;
  instanceId?: string;
  origin?: string;
  remoteAddr?: string;
  /** Why the gateway refused it, e.g. "unauthorized: token_mismatch". */
  cause: string;
  /** The kind of credential it presented ("token", "none"…), never its value. */
  authProvided?: string;
  failures: number;
  firstAt: number;
  lastAt: number;
}

interface HandshakeFailure {
  at: number;
  fields: GatewayLogLine["fields"];
}

function failureOf(line: GatewayLogLine): HandshakeFailure | undefined {
  if (line.time === undefined || line.fields.handshake !== "failed") return undefined;
  return { at: line.time, fields: line.fields };
}

function causeOf(fields: GatewayLogLine["fields"]): string {
  const cause = readText(fields, "cause") ?? "refused";
  const reason = readText(fields, "authReason");
  return reason && reason !== cause ? `${cause}: ${reason}` : cause;
}

function keyOf(fields: GatewayLogLine["fields"]): string {
  const instanceId = readText(fields, "instanceId");
  if (instanceId) return instanceId;
  return [readText(fields, "client"), readText(fields, "mode"), readText(fields, "origin") ?? readText(fields, "remoteAddr")].map((part) => part ?? "?").join("|");
}

/** Failed handshakes in the window before `now`, one entry per client, most recent first. */
export function failingClients(lines: readonly GatewayLogLine[], now: number): FailingClient[] {
  const byKey = new Map<string, FailingClient>();
  for (const line of lines) {
    const failure = failureOf(line);
    if (!failure || failure.at < now - FAILURE_WINDOW_MS) continue;
    const { fields, at } = failure;
    const key = keyOf(fields);
    const known = byKey.get(key);
    const entry: FailingClient = known ?? { key, cause: "", failures: 0, firstAt: at, lastAt: at };
    entry.failures += 1;
    entry.firstAt = Math.min(entry.firstAt, at);
    // The latest attempt says what the client currently sends.
    if (!known || at >= entry.lastAt) {
      entry.lastAt = at;
      entry.cause = causeOf(fields);
      for (const [field, target] of FIELD_NAMES) {
        const value = readText(fields, field);
        if (value) entry[target] = value;
      }
    }
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => b.lastAt - a.lastAt);
}

const FIELD_NAMES: ReadonlyArray<[string, "clientId" | "displayName" | "mode" | "version" | "platform" | "instanceId" | "origin" | "remoteAddr" | "authProvided"]> = [
  ["client", "clientId"],
  ["clientDisplayName", "displayName"],
  ["mode", "mode"],
  ["version", "version"],
  ["platform", "platform"],
  ["instanceId", "instanceId"],
  ["origin", "origin"],
  ["remoteAddr", "remoteAddr"],
  ["authProvided", "authProvided"],
];
