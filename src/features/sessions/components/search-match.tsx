/** One choice in the session search: a session whose name matched, or a message the gateway found. */
import type { ReactNode } from "react";
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

/** The row both kinds of match share: the session's name, then what stands beside it (who, when, "open"). */
function MatchOption({ option, name, aside, children }: { option: OptionProps; name: string; aside: ReactNode; children?: ReactNode }) {
  return (
    <li
      id={option.id}
      role="option"
      aria-selected={option.selected}
      onClick={option.onChoose}
      onMouseMove={option.onPoint}
      className={`flex cursor-pointer flex-col gap-0.5 rounded-md px-2.5 py-1.5 text-sm ${option.selected ? "bg-accent-soft text-ink" : "text-ink-2"}`}
    >
      <span className="flex items-center gap-2">
        <SessionName name={name} className="font-medium" />
        <span className="ml-auto shrink-0 text-xs text-ink-3">{aside}</span>
      </span>
      {children}
    </li>
  );
}

export function SessionMatch({ row, agent, open, ...option }: OptionProps & { row: SessionRow; agent: string; open: boolean }) {
  return <MatchOption option={option} name={row.title} aside={`${agent}${open ? " · open" : ""}`} />;
}

/** The snippet is the model's or the user's text: it is put on screen as text only, the term's words in <mark>. */
export function MessageMatch({ hit, term, session, speaker, saidAt, open, ...option }: OptionProps & { hit: MessageHit; term: string; session: SessionRow; speaker: string; saidAt?: SaidAt; open: boolean }) {
  return (
    <MatchOption
      option={option}
      name={session.title}
      aside={
        <>
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
        </>
      }
    >
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
    </MatchOption>
  );
}
