import type { ReactNode } from "react";
import type { Turn } from "../model/transcript";
import { UserMessage } from "./user-message";

export interface TurnRenderers {
  renderAssistant(turn: Turn): ReactNode;
  onRetry(turn: Turn): void;
  onDiscard(turn: Turn): void;
  /** Controls under the turn's user message (fork from here). */
  userActions?(turn: Turn): ReactNode;
}

export function TurnArticle({ turn, renderAssistant, onRetry, onDiscard, userActions }: { turn: Turn } & TurnRenderers) {
  return (
    <article aria-label={turn.user ? `Turn: ${turn.user.text.slice(0, 60)}` : "Assistant turn"} data-run-id={turn.runId ?? undefined} data-turn-key={turn.key} className="flex flex-col gap-3">
      {turn.user && <UserMessage user={turn.user} onRetry={() => onRetry(turn)} onDiscard={() => onDiscard(turn)} actions={userActions?.(turn)} />}
      {renderAssistant(turn)}
    </article>
  );
}
