import { useEffect, useId, useMemo, useRef, useState } from "react";
import { keepTabInside } from "@/components/ui/keep-tab-inside";
import { agentLabel, type AgentEntry } from "../model/agents";
import { searchSessions, nextResult } from "../model/session-search";
import type { SessionRow } from "../model/session-row";
import { SessionName } from "./session-name";

export interface SessionSearchDialogProps {
  rows: readonly SessionRow[];
  agents: readonly AgentEntry[];
  activeKey: string;
  onOpen(key: string): void;
  onClose(): void;
}

/**
 * "Search sessions" (Ctrl+K / ⌘K): a modal dialog with a combobox; typing filters by name, the arrow keys move
 * through the results, Enter opens the highlighted one, Esc or Close closes, and focus goes back to where it was.
 * Tab goes round the dialog's own controls and never leaves it while it is open.
 */
export function SessionSearchDialog({ rows, agents, activeKey, onOpen, onClose }: SessionSearchDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState("");
  const [highlighted, setHighlighted] = useState(0);
  const listId = useId();
  const results = useMemo(() => searchSessions(rows, query), [rows, query]);
  const current = results[highlighted];
  const agentOf = (row: SessionRow) => {
    const agent = agents.find((entry) => entry.id === row.agentId);
    return agent ? agentLabel(agent) : row.agentId;
  };

  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement;
    if (element && !element.open) element.showModal();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  const open = (key: string) => {
    onOpen(key);
    onClose();
  };

  return (
    <dialog
      ref={dialog}
      aria-label="Search sessions"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) onClose();
      }}
      onKeyDown={keepTabInside}
      className="mx-auto mt-[12vh] w-[min(32rem,calc(100vw-1.5rem))] rounded-xl border border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-black/40"
    >
      <div className="flex flex-col gap-2 p-3">
        <input
          type="text"
          role="combobox"
          aria-label="Session name"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={current ? `${listId}-${highlighted}` : undefined}
          autoComplete="off"
          placeholder="Type a session's name…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setHighlighted(0);
          }}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
              event.preventDefault();
              setHighlighted((index) => nextResult(index, results.length, event.key === "ArrowDown" ? 1 : -1));
            } else if (event.key === "Enter" && current) {
              event.preventDefault();
              open(current.key);
            }
          }}
          className="w-full rounded-md border border-line bg-surface px-3 py-2 text-sm"
        />
        {/* Not a Tab stop: the search box moves through the options (aria-activedescendant); Chromium would otherwise make
            the list a stop of its own once it scrolls, between the search box and Close. */}
        <ul id={listId} role="listbox" tabIndex={-1} aria-label="Matching sessions" className="flex max-h-[50vh] flex-col gap-0.5 overflow-y-auto">
          {results.map((row, index) => (
            <li
              key={row.key}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === highlighted}
              onClick={() => open(row.key)}
              onMouseMove={() => setHighlighted(index)}
              className={`flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-1.5 text-sm ${index === highlighted ? "bg-accent-soft text-ink" : "text-ink-2"}`}
            >
              <SessionName name={row.title} className="font-medium" />
              <span className="ml-auto shrink-0 text-xs text-ink-3">
                {agentOf(row)}
                {row.key === activeKey ? " · open" : ""}
              </span>
            </li>
          ))}
        </ul>
        {results.length === 0 && <p className="px-1 text-xs text-ink-3">No session matches “{query.trim()}”.</p>}
        <div className="flex items-center gap-2 px-1">
          <p className="text-[11px] text-ink-3">↑ ↓ to choose · Enter to open · Esc to close</p>
          <button type="button" onClick={onClose} className="ml-auto rounded-md px-2 py-1 text-xs text-ink-2 hover:bg-surface-2 hover:text-ink">
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
