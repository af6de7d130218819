/**
 * The "Connected clients" list: presence entries and clients failing their
 * handshake, each marked for what it is to this tab (this tab, the gateway
 * itself, another dashboard or webchat, a backend, a node), so a duplicate
 * dashboard or a stale bridge stands out.
 */
import type { FailingClient } from "./handshake-failures";
import { isConnected, type PresenceEntry, type PresenceState } from "./presence";

export type ClientKind = "this-tab" | "gateway" | "dashboard" | "backend" | "node" | "other";

export interface ClientRow {
  key: string;
  kind: ClientKind;
  name: string;
  clientId?: string;
  mode?: string;
  version?: string;
  /** Platform, address or origin: whatever tells two similar clients apart. */
  where?: string;
  since?: number;
  /** Another tab or window of this same browser (same device id). */
  sameBrowser: boolean;
  failing?: Pick<FailingClient, "failures" | "lastAt" | "cause" | "authProvided">;
}

export interface ClientList {
  connected: ClientRow[];
  /** Clients the gateway still lists, with reason "disconnect". */
  departed: ClientRow[];
}

export interface OwnIdentity {
  instanceId?: string;
  deviceId?: string;
}

const DASHBOARD_CLIENT_IDS = new Set(["openclaw-control-ui", "webchat-ui", "webchat", "openclaw-tui", "openclaw-browser-copilot"]);
const BACKEND_MODES = new Set(["backend", "cli", "worker", "probe", "test"]);

export function kindOf(entry: Pick<PresenceEntry, "instanceId" | "clientId" | "mode" | "reason" | "roles">, own: OwnIdentity): ClientKind {
  if (own.instanceId && entry.instanceId === own.instanceId) return "this-tab";
  if (entry.mode === "gateway" || entry.reason === "self") return "gateway";
  if (entry.mode === "webchat" || entry.mode === "ui" || (entry.clientId && DASHBOARD_CLIENT_IDS.has(entry.clientId))) return "dashboard";
  if (entry.mode === "node" || entry.roles.includes("node")) return "node";
  if (entry.mode && BACKEND_MODES.has(entry.mode)) return "backend";
  return "other";
}

const KIND_ORDER: Record<ClientKind, number> = { "this-tab": 0, gateway: 1, dashboard: 2, node: 3, backend: 4, other: 5 };

function rowOfPresence(entry: PresenceEntry, presence: PresenceState, own: OwnIdentity): ClientRow {
  const kind = kindOf(entry, own);
  const where = [entry.platform, entry.ip].filter(Boolean).join(" · ");
  return {
    key: entry.key,
    kind,
    name: entry.host ?? entry.clientId ?? entry.text ?? "Unnamed client",
    ...(entry.clientId ? { clientId: entry.clientId } : {}),
    ...(entry.mode ? { mode: entry.mode } : {}),
    ...(entry.version ? { version: entry.version } : {}),
    ...(where ? { where } : {}),
    ...(isConnected(entry) ? optionalSince(presence.connectedSince[entry.key]) : optionalSince(entry.ts)),
    sameBrowser: kind !== "this-tab" && own.deviceId !== undefined && entry.deviceId === own.deviceId,
  };
}

function rowOfFailure(client: FailingClient, own: OwnIdentity): ClientRow {
  const kind = kindOf({ instanceId: client.instanceId, clientId: client.clientId, mode: client.mode, roles: [] }, own);
  // The instance tells two failing tabs of one origin apart; the tab can read its own in sessionStorage.
  const instance = client.instanceId ? `instance ${client.instanceId.slice(0, 8)}` : undefined;
  const where = [client.platform, client.origin ?? client.remoteAddr, instance].filter(Boolean).join(" · ");
  return {
    key: `failing:${client.key}`,
    kind,
    name: client.displayName ?? client.clientId ?? "Unknown client",
    ...(client.clientId ? { clientId: client.clientId } : {}),
    ...(client.mode ? { mode: client.mode } : {}),
    ...(client.version ? { version: client.version } : {}),
    ...(where ? { where } : {}),
    since: client.firstAt,
    sameBrowser: false,
    failing: { failures: client.failures, lastAt: client.lastAt, cause: client.cause, ...(client.authProvided ? { authProvided: client.authProvided } : {}) },
  };
}

/**
 * Connected clients first (this tab, the gateway, dashboards, nodes, backends),
 * then clients that only fail. A failing client that has since got in (same
 * instance, connected after its last failure) is no longer failing.
 */
export function buildClientList(presence: PresenceState, failing: readonly FailingClient[], own: OwnIdentity): ClientList {
  const connected: ClientRow[] = [];
  const departed: ClientRow[] = [];
  const byInstance = new Map<string, ClientRow>();
  for (const entry of presence.entries) {
    const row = rowOfPresence(entry, presence, own);
    (isConnected(entry) ? connected : departed).push(row);
    if (entry.instanceId && isConnected(entry)) byInstance.set(entry.instanceId, row);
  }
  const onlyFailing: ClientRow[] = [];
  for (const client of failing) {
    const present = client.instanceId ? byInstance.get(client.instanceId) : undefined;
    if (present) {
      const connectedAfter = present.since !== undefined && present.since > client.lastAt;
      if (!connectedAfter) present.failing = rowOfFailure(client, own).failing;
      continue;
    }
    onlyFailing.push(rowOfFailure(client, own));
  }
  const ordered = connected.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.since ?? 0) - (b.since ?? 0));
  return { connected: [...ordered, ...onlyFailing], departed: departed.sort((a, b) => (b.since ?? 0) - (a.since ?? 0)) };
}

function optionalSince(since: number | undefined): { since?: number } {
  return since === undefined ? {} : { since };
}
