/**
 * The gateway's presence list: who is connected, as `hello.snapshot.presence`,
 * the `system-presence` request and the `presence` event report it. Entries of
 * clients that left stay in the list with reason "disconnect"; each entry's
 * `ts` is the gateway's latest update of it, which moves when other clients
 * come and go, so "connected since" is the first `ts` seen while connected.
 */
import { isRecord, optional, readNumber, readText, readTexts } from "@/lib/read-untrusted";

export interface PresenceEntry {
  /** instanceId, else deviceId, else host and mode: one row per client instance. */
  key: string;
  instanceId?: string;
  deviceId?: string;
  clientId?: string;
  host?: string;
  ip?: string;
  version?: string;
  platform?: string;
  deviceFamily?: string;
  mode?: string;
  reason?: string;
  text?: string;
  ts?: number;
  roles: string[];
  scopes: string[];
}

export interface PresenceState {
  /** The frame's `stateVersion.presence` of the newest list taken; undefined until an event carried one. */
  version?: number;
  entries: PresenceEntry[];
  /** First `ts` seen for each key while it stayed connected. */
  connectedSince: Readonly<Record<string, number>>;
}

export const EMPTY_PRESENCE: PresenceState = { entries: [], connectedSince: {} };

/** Accepts the bare array (`system-presence`, snapshot) or the event payload `{presence:[…]}`. */
export function readPresenceEntries(value: unknown): PresenceEntry[] {
  const list = isRecord(value) ? value.presence : value;
  if (!Array.isArray(list)) return [];
  const entries: PresenceEntry[] = [];
  for (const item of list) {
    if (!isRecord(item)) continue;
    const instanceId = readText(item, "instanceId");
    const deviceId = readText(item, "deviceId");
    const host = readText(item, "host");
    const mode = readText(item, "mode");
    const key = instanceId ?? deviceId ?? (host || mode ? `${host ?? "?"}|${mode ?? "?"}` : undefined);
    if (!key) continue;
    entries.push({
      key,
      ...(instanceId ? { instanceId } : {}),
      ...(deviceId ? { deviceId } : {}),
      ...optional("clientId", readText(item, "clientId")),
      ...optional("host", host),
      ...optional("ip", readText(item, "ip")),
      ...optional("version", readText(item, "version")),
      ...optional("platform", readText(item, "platform")),
      ...optional("deviceFamily", readText(item, "deviceFamily")),
      ...optional("mode", mode),
      ...optional("reason", readText(item, "reason")),
      ...optional("text", readText(item, "text")),
      ...optional("ts", readNumber(item, "ts")),
      roles: readTexts(item, "roles"),
      scopes: readTexts(item, "scopes"),
    });
  }
  return entries;
}

/** The frame's `stateVersion.presence`, when it has one. */
export function presenceVersionOf(frame: { stateVersion?: unknown }): number | undefined {
  return isRecord(frame.stateVersion) ? readNumber(frame.stateVersion, "presence") : undefined;
}

export function isConnected(entry: PresenceEntry): boolean {
  return entry.reason !== "disconnect";
}

/**
 * Takes a newer presence list. A list from an older stateVersion than the one
 * shown is ignored (events can overtake a slow request); a list with no
 * version (a request's answer) is taken and keeps the version known.
 */
export function presenceReceived(state: PresenceState, entries: readonly PresenceEntry[], version?: number): PresenceState {
  if (version !== undefined && state.version !== undefined && version < state.version) return state;
  const previous = new Map(state.entries.map((entry) => [entry.key, entry]));
  const connectedSince: Record<string, number> = {};
  for (const entry of entries) {
    if (!isConnected(entry)) continue;
    const before = previous.get(entry.key);
    const kept = before && isConnected(before) ? state.connectedSince[entry.key] : undefined;
    const since = kept ?? entry.ts;
    if (since !== undefined) connectedSince[entry.key] = since;
  }
  return { version: version ?? state.version, entries: [...entries], connectedSince };
}
