/** The few session-row fields the list shows, read defensively from the gateway's answer. */

export interface SessionRow {
  key: string;
  title: string;
  updatedAt?: number;
  hasActiveRun: boolean;
  model?: string;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

export function parseSessionRows(payload: unknown): SessionRow[] {
  const rows = (payload as { sessions?: unknown } | null)?.sessions;
  if (!Array.isArray(rows)) return [];
  const out: SessionRow[] = [];
  for (const row of rows) {
    if (!row || typeof row !== "object") continue;
    const record = row as Record<string, unknown>;
    const key = str(record.key);
    if (!key) continue;
    const provider = str(record.modelProvider);
    const model = str(record.model);
    out.push({
      key,
      title: str(record.displayName) ?? str(record.derivedTitle) ?? str(record.label) ?? shortKey(key),
      updatedAt: typeof record.updatedAt === "number" ? record.updatedAt : undefined,
      hasActiveRun: record.hasActiveRun === true,
      model: model ? (provider && !model.includes("/") ? `${provider}/${model}` : model) : undefined,
    });
  }
  return out.sort((a, b) => (b.updatedAt ?? 0) - (a.updatedAt ?? 0));
}

/** `agent:main:work` → `work`; the agent prefix is noise in a one-agent list. */
export function shortKey(key: string): string {
  const parts = key.split(":");
  return parts.length >= 3 && parts[0] === "agent" ? parts.slice(2).join(":") : key;
}

/** `agent:<id>` of the gateway's main session: new and short session keys belong to the same agent. */
function agentPrefixOf(mainSessionKey: string): string {
  return mainSessionKey.split(":").slice(0, 2).join(":") || "agent:main";
}

export function newSessionKey(mainSessionKey: string, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:T]/g, "");
  return `${agentPrefixOf(mainSessionKey)}:chat-${stamp}-${Math.random().toString(36).slice(2, 6)}`;
}

/** A session key in the gateway's canonical `agent:<id>:<name>` form (links and settings may hold just `<name>`). */
export function canonicalSessionKey(key: string, mainSessionKey: string): string {
  return key.startsWith("agent:") ? key : `${agentPrefixOf(mainSessionKey)}:${key}`;
}
