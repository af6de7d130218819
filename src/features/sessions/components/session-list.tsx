import type { SessionRow } from "../model/session-row";
import { shortKey } from "../model/session-row";

export interface SessionListProps {
  sessions: SessionRow[];
  activeKey: string;
  loading: boolean;
  error: string | null;
  onSelect(key: string): void;
  onNew(): void;
  /** Sessions with a command waiting for the operator's approval. */
  awaitingApproval?: ReadonlySet<string>;
}

export function SessionList({ sessions, activeKey, loading, error, onSelect, onNew, awaitingApproval }: SessionListProps) {
  const rows = sessions.some((row) => row.key === activeKey) ? sessions : [{ key: activeKey, title: shortKey(activeKey), hasActiveRun: false }, ...sessions];
  return (
    <nav aria-label="Sessions" className="flex min-h-0 flex-1 flex-col gap-2">
      <div className="flex items-center justify-between px-1">
        <h2 className="text-xs font-semibold tracking-wide text-ink-3 uppercase">Sessions</h2>
        <button type="button" onClick={onNew} className="rounded-md px-2 py-1 text-xs font-medium text-accent hover:bg-accent-soft">
          New session
        </button>
      </div>
      {error && <p className="px-1 text-xs text-bad">Could not load sessions: {error}</p>}
      {loading && sessions.length === 0 && <p className="px-1 text-xs text-ink-3">Loading sessions…</p>}
      <ul className="flex min-h-0 flex-col gap-0.5 overflow-y-auto">
        {rows.map((row) => (
          <li key={row.key}>
            <button
              type="button"
              aria-current={row.key === activeKey ? "page" : undefined}
              onClick={() => onSelect(row.key)}
              className={`flex w-full flex-col rounded-lg px-2.5 py-2 text-left text-sm transition ${row.key === activeKey ? "bg-accent-soft text-ink" : "text-ink-2 hover:bg-surface-2"}`}
            >
              <span className="flex items-center gap-2">
                <span className="truncate font-medium">{row.title}</span>
                {awaitingApproval?.has(row.key) && (
                  <span className="ml-auto shrink-0 rounded-full bg-warn-soft px-1.5 text-[10px] font-medium text-warn">approval needed</span>
                )}
                {row.hasActiveRun && !awaitingApproval?.has(row.key) && (
                  <span className="ml-auto shrink-0 rounded-full bg-accent-soft px-1.5 text-[10px] font-medium text-accent">running</span>
                )}
              </span>
              <span className="truncate font-mono text-[11px] text-ink-3">{row.model ?? shortKey(row.key)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
