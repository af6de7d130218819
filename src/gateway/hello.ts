/**
 * The one reader of the gateway's hello-ok payload, and the one rule for
 * telling a restarted gateway by its boot id. The connection keeps a
 * `ServerSummary` with its defaults filled in; gateway-state builds its own
 * view from the same `HelloFacts`.
 */
import { isRecord, optional, readNumber, readRecord, readStringArray, readText } from "@/lib/read-untrusted";

/** Before hello-ok we do not know policy.maxPayload; the gateway caps pre-auth frames at 64 KiB but may send more. */
export const DEFAULT_MAX_FRAME_CHARS = 26_214_400;
export const DEFAULT_TICK_INTERVAL_MS = 30_000;
const DEFAULT_MAIN_SESSION_KEY = "agent:main:main";

/** What a hello-ok says, field by field; a field the gateway left out or sent malformed is absent. */
export interface HelloFacts {
  version?: string;
  buildId?: string;
  bootId?: string;
  connId?: string;
  protocol?: number;
  tickIntervalMs?: number;
  maxPayload?: number;
  mainSessionKey?: string;
  authMethod?: string;
  scopes?: string[];
  /** `snapshot.uptimeMs`: how long the gateway had been up when it said hello. */
  uptimeMs?: number;
  /** `snapshot.presence` and `snapshot.health` as sent; their readers live with the features that show them. */
  presence?: unknown;
  health?: unknown;
  /** `snapshot.stateVersion`: later presence and health events count on from these. */
  presenceVersion?: number;
  healthVersion?: number;
  /** `policy.attachments`: the decoded-size ceilings of one chat attachment (older gateways leave it out). */
  attachmentMaxBytes?: number;
  attachmentMaxImageBytes?: number;
}

/** The gateway as this connection knows it, with the protocol's defaults for what hello left out. */
export interface ServerSummary {
  version: string;
  bootId?: string;
  connId?: string;
  protocol: number;
  tickIntervalMs: number;
  maxPayload: number;
  mainSessionKey: string;
  authMethod?: string;
  scopes: string[];
  uptimeMs?: number;
}

export function readHello(hello: unknown): HelloFacts {
  const record = isRecord(hello) ? hello : {};
  const server = readRecord(record, "server") ?? {};
  const policy = readRecord(record, "policy") ?? {};
  const auth = readRecord(record, "auth") ?? {};
  const snapshot = readRecord(record, "snapshot") ?? {};
  const sessionDefaults = readRecord(snapshot, "sessionDefaults") ?? {};
  const stateVersion = readRecord(snapshot, "stateVersion") ?? {};
  const attachments = readRecord(policy, "attachments") ?? {};
  return {
    ...optional("version", readText(server, "version")),
    ...optional("buildId", readText(server, "buildId")),
    ...optional("bootId", readText(server, "bootId")),
    ...optional("connId", readText(server, "connId")),
    ...optional("protocol", readNumber(record, "protocol")),
    ...optional("tickIntervalMs", readNumber(policy, "tickIntervalMs")),
    ...optional("maxPayload", readNumber(policy, "maxPayload")),
    ...optional("mainSessionKey", readText(sessionDefaults, "mainSessionKey")),
    ...optional("authMethod", readText(auth, "method")),
    ...optional("scopes", readStringArray(auth, "scopes")),
    ...optional("uptimeMs", readNumber(snapshot, "uptimeMs")),
    ...optional("presence", snapshot.presence),
    ...optional("health", snapshot.health),
    ...optional("presenceVersion", readNumber(stateVersion, "presence")),
    ...optional("healthVersion", readNumber(stateVersion, "health")),
    ...optional("attachmentMaxBytes", readNumber(attachments, "maxBytes")),
    ...optional("attachmentMaxImageBytes", readNumber(attachments, "maxImageBytes")),
  };
}

export function summarizeHello(hello: unknown): ServerSummary {
  const facts = readHello(hello);
  return {
    version: facts.version ?? "unknown",
    ...optional("bootId", facts.bootId),
    ...optional("connId", facts.connId),
    protocol: facts.protocol ?? 0,
    tickIntervalMs: facts.tickIntervalMs ?? DEFAULT_TICK_INTERVAL_MS,
    maxPayload: facts.maxPayload ?? DEFAULT_MAX_FRAME_CHARS,
    mainSessionKey: facts.mainSessionKey ?? DEFAULT_MAIN_SESSION_KEY,
    ...optional("authMethod", facts.authMethod),
    scopes: facts.scopes ?? [],
    ...optional("uptimeMs", facts.uptimeMs),
  };
}

/**
 * The gateway restarted between two hellos when both name a boot and the
 * boots differ. A hello without a boot id (an older gateway) proves nothing.
 */
export function bootChanged(previousBootId: string | undefined, bootId: string | undefined): boolean {
  return previousBootId !== undefined && bootId !== undefined && previousBootId !== bootId;
}
