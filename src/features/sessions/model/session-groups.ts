/** The list as the user sees it: the filter applied, every agent's sessions under its own heading. */
import type { AgentEntry } from "./agents";
import { compareRows, placeholderRow, type SessionRow } from "./session-row";

export interface SessionGroup {
  agent: AgentEntry;
  rows: SessionRow[];
}

/** Case-insensitive, on what the row shows (its title) and its key. */
export function matchesFilter(row: SessionRow, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (!needle) return true;
  return row.title.toLowerCase().includes(needle) || row.key.toLowerCase().includes(needle);
}

/**
 * Groups rows by agent, agents in roster order (default first); an agent the roster does not name (an older gateway,
 * or one removed from the config) still gets its group. The open session is listed even before the gateway knows it.
 * Agents without a matching session are left out while a filter is typed, and kept (empty) otherwise.
 */
export function groupSessions(rows: readonly SessionRow[], roster: readonly AgentEntry[], activeKey: string, filter: string): SessionGroup[] {
  const sorted = [...rows].sort(compareRows);
  const all = rows.some((row) => row.key === activeKey) ? sorted : [placeholderRow(activeKey), ...sorted];
  const shown = all.filter((row) => matchesFilter(row, filter));
  const agents = [...roster];
  for (const row of all) {
    if (!agents.some((agent) => agent.id === row.agentId)) agents.push({ id: row.agentId, name: row.agentId });
  }
  return agents
    .map((agent) => ({ agent, rows: shown.filter((row) => row.agentId === agent.id) }))
    .filter((group) => group.rows.length > 0 || filter.trim() === "");
}
