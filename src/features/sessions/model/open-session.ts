/** What the chat pane's heading says about the open session: its name, as the list shows it, and whose it is. */
import { agentLabel, type AgentEntry } from "./agents";
import { placeholderRow, type SessionRow } from "./session-row";

export interface OpenSessionTitle {
  title: string;
  agent: string;
}

/** A session the gateway does not list yet reads as its key's short name; an agent the roster does not name, as its id. */
export function openSessionTitle(key: string, rows: readonly SessionRow[], roster: readonly AgentEntry[]): OpenSessionTitle {
  const row = rows.find((candidate) => candidate.key === key) ?? placeholderRow(key);
  const agent = roster.find((entry) => entry.id === row.agentId);
  return { title: row.title, agent: agent ? agentLabel(agent) : row.agentId };
}
