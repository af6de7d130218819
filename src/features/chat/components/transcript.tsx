import { useEffect, useRef, type ReactNode } from "react";
import type { Turn } from "../model/transcript";
import { UserMessage } from "./user-message";

export interface TranscriptProps {
  turns: Turn[];
  renderAssistant(turn: Turn): ReactNode;
  onRetry(turn: Turn): void;
  onDiscard(turn: Turn): void;
  emptyState: ReactNode;
}

/** Brings a run's turn into view and puts focus on its first disclosure (the run's timeline toggle). */
export function revealTurn(runId: string): void {
  const article = document.querySelector<HTMLElement>(`article[data-run-id="${CSS.escape(runId)}"]`);
  if (!article) return;
  article.scrollIntoView({ block: "center" });
  article.querySelector<HTMLElement>("button[aria-expanded]")?.focus({ preventScroll: true });
}

/** Distance from the bottom within which new content keeps the view pinned to the end. */
const STICKY_PX = 120;

export function Transcript({ turns, renderAssistant, onRetry, onDiscard, emptyState }: TranscriptProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);

  useEffect(() => {
    const element = scroller.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  });

  return (
    <div
      ref={scroller}
      onScroll={(event) => {
        const element = event.currentTarget;
        pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < STICKY_PX;
      }}
      className="min-h-0 flex-1 overflow-y-auto"
    >
      <div role="log" aria-label="Transcript" aria-live="off" className="mx-auto flex w-full max-w-6xl flex-col gap-6 px-4 py-6">
        {turns.length === 0 ? emptyState : null}
        {turns.map((turn) => (
          <article key={turn.key} aria-label={turn.user ? `Turn: ${turn.user.text.slice(0, 60)}` : "Assistant turn"} data-run-id={turn.runId ?? undefined} className="flex flex-col gap-3">
            {turn.user && <UserMessage user={turn.user} onRetry={() => onRetry(turn)} onDiscard={() => onDiscard(turn)} />}
            {renderAssistant(turn)}
          </article>
        ))}
      </div>
    </div>
  );
}
