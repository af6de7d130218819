import { useId, useState, type ReactNode } from "react";
import type { ActionOutcome, SessionCommand } from "../model/action-outcome";
import { agentLabel, type AgentEntry } from "../model/agents";
import type { SessionGroup } from "../model/session-groups";
import type { SessionRow } from "../model/session-row";
import { ConfirmDialog } from "./confirm-dialog";
import { NewSessionButton } from "./new-session-button";
import { SessionRowItem } from "./session-row-item";

export interface SessionListProps {
  groups: readonly SessionGroup[];
  agents: readonly AgentEntry[];
  agentsKnown: boolean;
  defaultAgentId: string;
  activeKey: string;
  unread: ReadonlySet<string>;
  loading: boolean;
  error: string | null;
  filter: string;
  onFilterChange(filter: string): void;
  /** The command in flight, if any: its row says so and its buttons wait. */
  pending?: SessionCommand;
  outcome: ActionOutcome | null;
  onDismissOutcome(): void;
  onSelect(key: string): void;
  /** Resolves true once the gateway confirmed. */
  onCommand(command: SessionCommand): Promise<boolean>;
  /** A slot for another feature's badge on a row (e.g. "approval pending"). */
  pendingApprovalBadge?: (sessionKey: string) => ReactNode;
}

const BUSY_WORDS: Record<SessionCommand["kind"], string> = {
  create: "Creating…",
  rename: "Saving…",
  pin: "Saving…",
  reset: "Resetting…",
  delete: "Deleting…",
};

type Confirming = { kind: "reset" | "delete"; row: SessionRow };

export function SessionList(props: SessionListProps) {
  const { groups, agents, activeKey, unread, loading, error, filter, pending, outcome, onCommand } = props;
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const filterId = useId();
  const headings = agents.length > 1 || groups.length > 1;
  const busyFor = (key: string) => (pending && "key" in pending && pending.key === key ? BUSY_WORDS[pending.kind] : undefined);
  const total = groups.reduce((sum, group) => sum + group.rows.length, 0);

  const ask = (question: Confirming) => {
    props.onDismissOutcome();
    setConfirming(question);
  };

  const confirm = async () => {
    if (!confirming) return;
    const { kind, row } = confirming;
    const done = await onCommand({ kind, key: row.key, title: row.title });
    if (done) setConfirming(null);
  };

  return (
    <nav aria-label="Sessions" className="flex min-h-0 flex-1 flex-col gap-2">
      <div className="flex items-center justify-between gap-2 px-1">
        <h2 className="text-xs font-semibold tracking-wide text-ink-3 uppercase">Sessions</h2>
        <NewSessionButton agents={agents} agentsKnown={props.agentsKnown} defaultAgentId={props.defaultAgentId} creating={pending?.kind === "create"} onCreate={(agent) => void onCommand({ kind: "create", agentId: agent.id, agentName: agentLabel(agent) })} />
      </div>
      <label htmlFor={filterId} className="sr-only">
        Filter sessions by name
      </label>
      <input
        id={filterId}
        type="search"
        value={filter}
        placeholder="Filter by name"
        onChange={(event) => props.onFilterChange(event.target.value)}
        className="mx-1 min-w-0 rounded-md border border-line bg-surface px-2 py-1 text-sm"
      />
      <div role="status" aria-live="polite" className="px-1 empty:hidden">
        {outcome?.tone === "ok" && <OutcomeLine outcome={outcome} onDismiss={props.onDismissOutcome} />}
      </div>
      {outcome?.tone === "error" && !confirming && (
        <div role="alert" className="px-1">
          <OutcomeLine outcome={outcome} onDismiss={props.onDismissOutcome} />
        </div>
      )}
      {error && <p className="px-1 text-xs text-bad">Could not load sessions: {error}</p>}
      {loading && total === 0 && <p className="px-1 text-xs text-ink-3">Loading sessions…</p>}
      {filter.trim() !== "" && total === 0 && <p className="px-1 text-xs text-ink-3">No session matches “{filter.trim()}”.</p>}
      <div className="flex min-h-0 flex-col gap-3 overflow-y-auto">
        {groups.map((group) => (
          <section key={group.agent.id} aria-label={headings ? `${agentLabel(group.agent)} sessions` : undefined} className="flex flex-col gap-0.5">
            {headings && (
              <h3 className="px-2 pt-1 text-[11px] font-semibold text-ink-3">
                {agentLabel(group.agent)} <span className="font-normal">· {group.rows.length}</span>
              </h3>
            )}
            {group.rows.length === 0 && <p className="px-2 text-xs text-ink-3">No sessions yet.</p>}
            <ul className="flex flex-col gap-0.5">
              {group.rows.map((row) => (
                <SessionRowItem
                  key={row.key}
                  row={row}
                  active={row.key === activeKey}
                  unread={unread.has(row.key)}
                  busy={busyFor(row.key)}
                  extraBadge={props.pendingApprovalBadge?.(row.key)}
                  onSelect={() => props.onSelect(row.key)}
                  onPin={(pinned) => void onCommand({ kind: "pin", key: row.key, title: row.title, pinned })}
                  onRename={(label) => onCommand({ kind: "rename", key: row.key, title: row.title, label })}
                  onReset={() => ask({ kind: "reset", row })}
                  onDelete={() => ask({ kind: "delete", row })}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
      {confirming && (
        <ConfirmDialog
          title={confirming.kind === "delete" ? "Delete this session?" : "Reset this session?"}
          confirmLabel={confirming.kind === "delete" ? "Delete session" : "Reset session"}
          pendingLabel={BUSY_WORDS[confirming.kind]}
          pending={pending?.kind === confirming.kind}
          error={outcome?.tone === "error" ? outcome.text : null}
          onConfirm={() => void confirm()}
          onCancel={() => setConfirming(null)}
        >
          <p>
            <span className="font-medium text-ink">“{confirming.row.title}”</span> <span className="font-mono text-xs">({confirming.row.key})</span>
          </p>
          <p className="mt-1">
            {confirming.kind === "delete"
              ? "The gateway removes it from its list and archives its transcript. This cannot be undone here."
              : "The gateway starts a new, empty transcript for it. Its name and pin stay."}
          </p>
        </ConfirmDialog>
      )}
    </nav>
  );
}

function OutcomeLine({ outcome, onDismiss }: { outcome: ActionOutcome; onDismiss(): void }) {
  return (
    <p className={`flex items-start gap-2 rounded-lg px-2 py-1.5 text-xs ${outcome.tone === "ok" ? "bg-ok-soft text-ok" : "bg-bad-soft text-bad"}`}>
      <span className="min-w-0 flex-1 break-words">{outcome.text}</span>
      <button type="button" onClick={onDismiss} aria-label="Dismiss" className="shrink-0 rounded px-1 hover:bg-surface">
        ×
      </button>
    </p>
  );
}
