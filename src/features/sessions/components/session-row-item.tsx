import { useRef, useState, type ReactNode } from "react";
import { useConnectionState } from "@/providers/gateway-provider";
import type { SessionRow } from "../model/session-row";
import { shortKey } from "../model/session-row";
import { RenameForm } from "./rename-form";
import { SessionName } from "./session-name";

export interface SessionRowItemProps {
  row: SessionRow;
  active: boolean;
  unread: boolean;
  /** What is in flight for this row, e.g. "Deleting…". */
  busy?: string;
  /** Another feature's badge, e.g. a pending approval. */
  extraBadge?: ReactNode;
  onSelect(): void;
  onPin(pinned: boolean): void;
  onRename(label: string | null): Promise<boolean>;
  onReset(): void;
  onDelete(): void;
}

const ICON_BUTTON = "grid size-8 shrink-0 place-items-center rounded-md text-ink-3 hover:bg-surface-2 hover:text-ink";

function PinIcon({ filled }: { filled: boolean }) {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="size-4" fill={filled ? "currentColor" : "none"} stroke="currentColor" strokeWidth="1.4">
      <path d="M6 2h4l-.5 4 2.5 2.5H4L6.5 6 6 2Z M8 8.5V14" strokeLinejoin="round" />
    </svg>
  );
}

/** "running" as the gateway last said; while it cannot be asked, only what was last known. */
function RunningBadge() {
  const online = useConnectionState().status === "online";
  return online ? (
    <span className="rounded-full bg-accent-soft px-1.5 text-[10px] font-medium text-accent">running</span>
  ) : (
    <span title="As of the last connection to the gateway" className="rounded-full bg-surface-2 px-1.5 text-[10px] font-medium text-ink-2">
      was running
    </span>
  );
}

function Badges({ row, unread, busy, extraBadge }: Pick<SessionRowItemProps, "row" | "unread" | "busy" | "extraBadge">) {
  return (
    <span className="ml-auto flex shrink-0 items-center gap-1">
      {extraBadge}
      {busy && <span className="rounded-full bg-surface-2 px-1.5 text-[10px] font-medium text-ink-2">{busy}</span>}
      {row.hasActiveRun && <RunningBadge />}
      {!row.hasActiveRun && row.lastRunFailed && (
        <span title={row.lastRunError} className="rounded-full bg-bad-soft px-1.5 text-[10px] font-medium text-bad">
          last run failed
        </span>
      )}
      {!row.hasActiveRun && row.lastRunStopped && <span className="rounded-full bg-surface-2 px-1.5 text-[10px] font-medium text-ink-2">stopped</span>}
      {unread && (
        <span className="flex items-center gap-1 text-[10px] font-medium text-accent">
          <span aria-hidden className="size-2 rounded-full bg-accent" />
          unread
        </span>
      )}
    </span>
  );
}

export function SessionRowItem({ row, active, unread, busy, extraBadge, onSelect, onPin, onRename, onReset, onDelete }: SessionRowItemProps) {
  const [actionsOpen, setActionsOpen] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const moreButton = useRef<HTMLButtonElement>(null);
  // The form took focus with it when it closed: give it back to the row's actions.
  const renameClosed = () => {
    setRenaming(false);
    requestAnimationFrame(() => moreButton.current?.focus());
  };
  const actionsId = `session-actions-${row.key}`;
  return (
    <li className={`rounded-lg ${active ? "bg-accent-soft" : "hover:bg-surface-2"}`}>
      <div className="flex items-center gap-0.5 pr-1">
        <button
          type="button"
          aria-current={active ? "page" : undefined}
          onClick={onSelect}
          className={`flex min-w-0 flex-1 flex-col rounded-lg px-2.5 py-2 text-left text-sm ${active ? "text-ink" : "text-ink-2"}`}
        >
          {/* The name keeps at least 7rem beside its badges; with less, the badges go under it instead of leaving "-…". */}
          <span className="flex w-full min-w-0 flex-wrap items-center gap-x-2 gap-y-0.5">
            <SessionName name={row.title} className="min-w-0 grow basis-28 font-medium" />
            <Badges row={row} unread={unread} busy={busy} extraBadge={extraBadge} />
          </span>
          <span className="w-full truncate font-mono text-[11px] text-ink-3">{row.model ?? shortKey(row.key)}</span>
        </button>
        <button type="button" aria-pressed={row.pinned} aria-label={`Pin “${row.title}”`} title={row.pinned ? "Unpin" : "Pin to the top"} onClick={() => onPin(!row.pinned)} className={`${ICON_BUTTON} ${row.pinned ? "bg-accent-soft text-accent" : ""}`}>
          <PinIcon filled={row.pinned} />
        </button>
        <button ref={moreButton} type="button" aria-expanded={actionsOpen} aria-controls={actionsId} aria-label={`More actions for “${row.title}”`} onClick={() => setActionsOpen((open) => !open)} className={ICON_BUTTON}>
          <span aria-hidden>⋯</span>
        </button>
      </div>
      {actionsOpen && !renaming && (
        <div id={actionsId} role="group" aria-label={`Actions for “${row.title}”`} className="flex flex-wrap gap-1 px-2 pb-2">
          <button type="button" onClick={() => setRenaming(true)} className="rounded-md px-2 py-1 text-xs text-ink-2 hover:bg-surface">
            Rename
          </button>
          <button type="button" onClick={onReset} className="rounded-md px-2 py-1 text-xs text-ink-2 hover:bg-surface">
            Reset
          </button>
          {row.isMain ? (
            <span className="px-2 py-1 text-xs text-ink-3">The main session can be reset, not deleted.</span>
          ) : (
            <button type="button" onClick={onDelete} className="rounded-md px-2 py-1 text-xs text-bad hover:bg-bad-soft">
              Delete
            </button>
          )}
        </div>
      )}
      {renaming && (
        <RenameForm
          title={row.title}
          label={row.label}
          pending={busy !== undefined}
          onCancel={renameClosed}
          onSave={(label) =>
            void onRename(label).then((saved) => {
              if (saved) {
                setActionsOpen(false);
                renameClosed();
              }
            })
          }
        />
      )}
    </li>
  );
}
