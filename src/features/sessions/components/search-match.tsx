/** One choice in the session search: a session whose name matched, or a message the gateway found. */
import type { MessageHit } from "../model/message-search";
import type { SessionRow } from "../model/session-row";
import { snippetPieces } from "../model/snippet-marks";
import { SessionName } from "./session-name";

/** When a message was said, in the words the transcript uses beside it (the app passes the chat's rule in). */
export interface SaidAt {
  short: string;
  full: string;
  iso: string;
}

interface OptionProps {
  id: string;
  selected: boolean;
  onChoose(): void;
  onPoint(): void;
}

function optionClass(selected: boolean): string {
  return `flex cursor-pointer flex-col gap-0.5 rounded-md px-2.5 py-1.5 text-sm ${selected ? "bg-accent-soft text-ink" : "text-ink-2"}`;
}

export function SessionMatch({ row, agent, open, ...option }: OptionProps & { row: SessionRow; agent: string; open: boolean }) {
  return (
    <li id={option.id} role="option" aria-selected={option.selected} onClick={option.onChoose} onMouseMove={option.onPoint} className={optionClass(option.selected)}>
      <span className="flex items-center gap-2">
        <SessionName name={row.title} className="font-medium" />
        <span className="ml-auto shrink-0 text-xs text-ink-3">
          {agent}
          {open ? " · open" : ""}
        </span>
      </span>
    </li>
  );
}

/** The snippet is the model's or the user's text: it is put on screen as text only, the term's words in <mark>. */
export function MessageMatch({ hit, term, session, speaker, saidAt, open, ...option }: OptionProps & { hit: MessageHit; term: string; session: SessionRow; speaker: string; saidAt?: SaidAt; open: boolean }) {
  return (
    <li id={option.id} role="option" aria-selected={option.selected} onClick={option.onChoose} onMouseMove={option.onPoint} className={optionClass(option.selected)}>
      <span className="flex items-center gap-2">
        <SessionName name={session.title} className="font-medium" />
        <span className="ml-auto shrink-0 text-xs text-ink-3">
          {speaker}
          {saidAt && (
            <>
              {" · "}
              <time dateTime={saidAt.iso} title={saidAt.full}>
                {saidAt.short}
              </time>
            </>
          )}
          {open ? " · open" : ""}
        </span>
      </span>
      <span className="line-clamp-2 break-words text-xs text-ink-2">
        {snippetPieces(hit.snippet, term).map((piece, index) =>
          piece.marked ? (
            <mark key={index} className="rounded-sm bg-amber-200 px-px text-stone-900">
              {piece.text}
            </mark>
          ) : (
            piece.text
          ),
        )}
      </span>
    </li>
  );
}
