import { useEffect, useId, useRef, useState } from "react";
import { keepTabInside } from "@/components/ui/keep-tab-inside";
import { agentLabel, type AgentEntry } from "../model/agents";
import type { MessageHit } from "../model/message-search";
import { messageSearchWords, type MessageSearchState } from "../model/message-search-state";
import { optionKey, optionSession, searchOptions, type SearchOption } from "../model/search-options";
import { searchSessions, nextResult } from "../model/session-search";
import type { SessionRow } from "../model/session-row";
import { MessageMatch, SessionMatch, type SaidAt } from "./search-match";

export interface SessionSearchDialogProps {
  rows: readonly SessionRow[];
  agents: readonly AgentEntry[];
  activeKey: string;
  query: string;
  onQueryChange(query: string): void;
  /** What the gateway's message search has to say for the query (`useMessageSearch`). */
  messages: MessageSearchState;
  /** When a message was said, in the transcript's words; undefined when it cannot be told. */
  saidAt(at: number | undefined): SaidAt | undefined;
  onOpen(key: string, hit?: MessageHit): void;
  onClose(): void;
}

/**
 * "Search sessions" (Ctrl+K / ⌘K): a modal dialog with a combobox. Typing matches session names at once and, after a
 * pause, the gateway's search of message text; the two groups are one list to the arrow keys, Enter opens the
 * highlighted session, Esc or Close closes, and focus goes back to where it was. Tab goes round the dialog's own
 * controls and never leaves it while it is open.
 */
export function SessionSearchDialog({ rows, agents, activeKey, query, onQueryChange, messages, saidAt, onOpen, onClose }: SessionSearchDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [chosen, setHighlighted] = useState(0);
  const listId = useId();
  const names = searchSessions(rows, query);
  const found = messages.status === "found" ? messages : undefined;
  const options = searchOptions(names, found?.hits ?? [], rows, found?.answer.sessions);
  // Fewer choices than before (an answer replaced by a shorter one): the last one stays highlighted.
  const highlighted = Math.min(chosen, options.length - 1);
  const current = options[highlighted];
  const words = messageSearchWords(messages);
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

  const open = (option: SearchOption) => {
    onOpen(optionSession(option), option.kind === "message" ? option.hit : undefined);
    onClose();
  };

  const renderOption = (option: SearchOption, index: number) => {
    const props = { id: `${listId}-${index}`, selected: index === highlighted, onChoose: () => open(option), onPoint: () => setHighlighted(index) };
    if (option.kind === "session") return <SessionMatch key={optionKey(option)} {...props} row={option.row} agent={agentOf(option.row)} open={option.row.key === activeKey} />;
    return (
      <MessageMatch
        key={optionKey(option)}
        {...props}
        hit={option.hit}
        term={found?.term ?? ""}
        session={option.session}
        speaker={option.hit.role === "user" ? "You" : agentOf(option.session)}
        saidAt={saidAt(option.hit.at)}
        open={option.session.key === activeKey}
      />
    );
  };

  const group = (label: string, kind: SearchOption["kind"]) => {
    const members = options.map((option, index) => ({ option, index })).filter(({ option }) => option.kind === kind);
    if (members.length === 0) return null;
    return (
      <ul role="group" aria-labelledby={`${listId}-${kind}`} className="flex flex-col gap-0.5">
        <li role="presentation" id={`${listId}-${kind}`} className="px-2.5 pb-0.5 pt-1.5 text-[11px] font-semibold uppercase tracking-wide text-ink-3">
          {label}
        </li>
        {members.map(({ option, index }) => renderOption(option, index))}
      </ul>
    );
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
      className="mx-auto mt-[12vh] w-[min(36rem,calc(100vw-1.5rem))] rounded-xl border border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-black/40"
    >
      <div className="flex flex-col gap-2 p-3">
        <input
          type="text"
          role="combobox"
          aria-label="Session name or words in a message"
          aria-expanded={options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={current ? `${listId}-${highlighted}` : undefined}
          autoComplete="off"
          placeholder="Type a session's name or words from a message…"
          value={query}
          onChange={(event) => {
            onQueryChange(event.target.value);
            setHighlighted(0);
          }}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
              event.preventDefault();
              setHighlighted(nextResult(highlighted, options.length, event.key === "ArrowDown" ? 1 : -1));
            } else if (event.key === "Enter" && current) {
              event.preventDefault();
              open(current);
            }
          }}
          className="w-full rounded-md border border-line bg-surface px-3 py-2 text-sm"
        />
        {/* Not a Tab stop: the search box moves through the options (aria-activedescendant); Chromium would otherwise make
            the list a stop of its own once it scrolls, between the search box and Close. */}
        <div id={listId} role="listbox" tabIndex={-1} aria-label="Matches" className="flex max-h-[50vh] flex-col gap-1 overflow-y-auto">
          {group("Sessions", "session")}
          {group("Messages", "message")}
        </div>
        <div className="flex flex-col gap-1 px-1 text-xs text-ink-3">
          {names.length === 0 && <p>No session name matches “{query.trim()}”.</p>}
          {/* Always in the page, so a screen reader hears each change of the search's state. */}
          <p role="status" className={words?.tone === "alert" ? "hidden" : ""}>
            {words?.tone === "status" ? words.text : ""}
          </p>
          {words?.tone === "alert" && (
            <p role="alert" className="rounded-md bg-bad-soft px-2 py-1 text-bad">
              {words.text}
            </p>
          )}
        </div>
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
