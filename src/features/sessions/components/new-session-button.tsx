import { useRef, useState } from "react";
import { agentLabel, type AgentEntry } from "../model/agents";

export interface NewSessionButtonProps {
  agents: readonly AgentEntry[];
  /** False while `agents.list` is unanswered: until then it is not known whether there is a choice to make. */
  agentsKnown: boolean;
  defaultAgentId: string;
  creating: boolean;
  onCreate(agent: AgentEntry): void;
}

/** One agent: a new session with it at once. Several: the user picks whom to talk to first. */
export function NewSessionButton({ agents, agentsKnown, defaultAgentId, creating, onCreate }: NewSessionButtonProps) {
  const [choosing, setChoosing] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = () => {
    setChoosing(false);
    opener.current?.focus();
  };
  const single = agents.length <= 1;
  return (
    <div className="relative">
      <button
        ref={opener}
        type="button"
        disabled={creating || !agentsKnown}
        title={agentsKnown ? undefined : "Reading the gateway's agents…"}
        aria-expanded={single ? undefined : choosing}
        aria-controls={single ? undefined : "new-session-agents"}
        onClick={() => (single ? onCreate(agents[0] ?? { id: defaultAgentId, name: defaultAgentId }) : setChoosing((open) => !open))}
        className="rounded-md px-2 py-1 text-xs font-medium text-accent hover:bg-accent-soft disabled:opacity-50"
      >
        {creating ? "Creating…" : "New session"}
      </button>
      {choosing && (
        <div
          id="new-session-agents"
          role="group"
          aria-label="Start a session with"
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              close();
            }
          }}
          className="absolute top-full right-0 z-30 mt-1 flex w-56 flex-col gap-0.5 rounded-xl border border-line bg-surface p-1.5 shadow-lg"
        >
          <p className="px-2 py-1 text-xs text-ink-3">Start a session with</p>
          {agents.map((agent, index) => (
            <button
              key={agent.id}
              type="button"
              autoFocus={index === 0}
              onClick={() => {
                close();
                onCreate(agent);
              }}
              className="rounded-md px-2 py-1.5 text-left text-sm hover:bg-surface-2"
            >
              {agentLabel(agent)}
              {agent.id === defaultAgentId && <span className="text-xs text-ink-3"> · default</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
