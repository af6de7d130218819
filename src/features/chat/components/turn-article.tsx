import type { ReactNode } from "react";
import type { Turn } from "../model/transcript";
import { UserMessage } from "./user-message";

export interface TurnRenderers {
  renderAssistant(turn: Turn): ReactNode;
  onRetry(turn: Turn): void;
  onDiscard(turn: Turn): void;
}

export function TurnArticle({ turn, renderAssistant, onRetry, onDiscard }: { turn: Turn } & TurnRenderers) {
  return (
    <article aria-label={turn.user ? `Turn: ${turn.user.text.slice(0, 60)}` : "Assistant turn"} data-run-id={turn.runId ?? undefined} data-turn-key={turn.key} className="flex flex-col gap-3">
      {turn.user && <UserMessage user={turn.user} onRetry={() => onRetry(turn)} onDiscard={() => onDiscard(turn)} />}
      {renderAssistant(turn)}
    </article>
  );
}
