/** The session-row fields the list shows, read defensively from the gateway's `sessions.list` answer. */
import { agentIdOf } from "@/lib/session-key";

export interface SessionRow {
  key: string;
  /** The agent that owns the session: the row's `agentId`, else the `agent:<id>:` prefix of its key. */
  agentId: string;
  title: string;
  /** The name the user gave it (`sessions.patch {label}`), if any. */
  label?: string;
  updatedAt?: number;
  hasActiveRun: boolean;
  model?: string;
  /** Pinned on the gateway (`sessions.patch {pinned}`), so the pin follows the user to other browsers. */
  pinned: boolean;
  pinnedAt?: number;
  /** The gateway's word on the last run: failed or timed out. */
  lastRunFailed: boolean;
  /** The last run was aborted (`killed`: Stop, or a restart that cut it short): not a failure. */
  lastRunStopped: boolean;
  lastRunError?: string;
  /** The last finished run; a new id means a new reply (the unread rule). */
  lastRunId?: string;
  /** The agent's main session: the gateway resets it but refuses to delete it. */
  isMain: boolean;
}

const FAILED_STATUSES: ReadonlySet<unknown> = new Set(["failed", "timeout"]);

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function parseRow(record: Record<string, unknown>): SessionRow | null {
  const key = str(record.key);
  if (!key) return null;
  const provider = str(record.modelProvider);
  const model = str(record.model);
  const label = str(record.label);
  return {
    key,
    agentId: str(record.agentId) ?? agentIdOf(key),
    title: label ?? str(record.displayName) ?? str(record.derivedTitle) ?? shortKey(key),
    label,
    updatedAt: num(record.updatedAt),
    hasActiveRun: record.hasActiveRun === true || record.status === "running",
    model: model ? (provider && !model.includes("/") ? `${provider}/${model}` : model) : undefined,
    pinned: record.pinned === true,
    pinnedAt: num(record.pinnedAt),
    lastRunFailed: FAILED_STATUSES.has(record.status),
    lastRunStopped: record.status === "killed",
    lastRunError: str(record.lastRunError),
    lastRunId: str(record.lastRunId),
    isMain: record.isMain === true || key.endsWith(":main"),
  };
}

/** Pinned first (the latest pin on top), then the most recently updated. */
export function compareRows(a: SessionRow, b: SessionRow): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  if (a.pinned) return (b.pinnedAt ?? 0) - (a.pinnedAt ?? 0);
  return (b.updatedAt ?? 0) - (a.updatedAt ?? 0);
}

export function parseSessionRows(payload: unknown): SessionRow[] {
  const rows = (payload as { sessions?: unknown } | null)?.sessions;
  if (!Array.isArray(rows)) return [];
  const out: SessionRow[] = [];
  for (const row of rows) {
    if (!row || typeof row !== "object") continue;
    const parsed = parseRow(row as Record<string, unknown>);
    if (parsed) out.push(parsed);
  }
  return out.sort(compareRows);
}

/** A row for a session the gateway does not list yet (a link to a new key, or one not yet written). */
export function placeholderRow(key: string): SessionRow {
  return { key, agentId: agentIdOf(key), title: shortKey(key), hasActiveRun: false, pinned: false, lastRunFailed: false, lastRunStopped: false, isMain: key.endsWith(":main") };
}

/** `agent:main:work` → `work`; the agent shows as the group heading. */
export function shortKey(key: string): string {
  const parts = key.split(":");
  return parts.length >= 3 && parts[0] === "agent" ? parts.slice(2).join(":") : key;
}

/** `agent:<id>` of the gateway's main session: short session keys belong to the same agent. */
function agentPrefixOf(mainSessionKey: string): string {
  return mainSessionKey.split(":").slice(0, 2).join(":") || "agent:main";
}

/** A fresh key under the given agent, readable in the list until the user names the session. */
export function newSessionKey(agentId: string, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:T]/g, "");
  return `agent:${agentId}:chat-${stamp}-${Math.random().toString(36).slice(2, 6)}`;
}

/** A session key in the gateway's canonical `agent:<id>:<name>` form (links and settings may hold just `<name>`). */
export function canonicalSessionKey(key: string, mainSessionKey: string): string {
  return key.startsWith("agent:") ? key : `${agentPrefixOf(mainSessionKey)}:${key}`;
}
