/** The gateway's agents (`agents.list`), read defensively: whom a new session can be started with. */

export interface AgentEntry {
  id: string;
  /** The configured name, else the identity's name, else the id. */
  name: string;
}

export interface AgentRoster {
  defaultId: string;
  /** Default agent first, then in the gateway's order. */
  agents: AgentEntry[];
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

export function parseAgents(payload: unknown): AgentRoster {
  const record = payload && typeof payload === "object" ? (payload as Record<string, unknown>) : {};
  const defaultId = text(record.defaultId) ?? "main";
  const agents: AgentEntry[] = [];
  for (const entry of Array.isArray(record.agents) ? record.agents : []) {
    if (!entry || typeof entry !== "object") continue;
    const agent = entry as Record<string, unknown>;
    const id = text(agent.id);
    // `system` agents do ambient gateway work; nobody chats with them (the gateway's own selectors hide them too).
    if (!id || agent.kind === "system" || agents.some((known) => known.id === id)) continue;
    const identity = agent.identity && typeof agent.identity === "object" ? (agent.identity as Record<string, unknown>) : {};
    agents.push({ id, name: text(agent.name) ?? text(identity.name) ?? id });
  }
  agents.sort((a, b) => Number(b.id === defaultId) - Number(a.id === defaultId));
  return { defaultId, agents };
}

/** What the list calls an agent: its name, and the id beside it when the two differ. */
export function agentLabel(agent: AgentEntry): string {
  return agent.name.toLowerCase() === agent.id.toLowerCase() ? agent.name : `${agent.name} (${agent.id})`;
}
