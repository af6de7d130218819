import { useId, type ReactNode } from "react";
import type { Turn } from "../model/transcript";
import { UserMessage } from "./user-message";

export interface TurnRenderers {
  renderAssistant(turn: Turn): ReactNode;
  onRetry(turn: Turn): void;
  onDiscard(turn: Turn): void;
  /** Controls under the turn's user message (fork from here). */
  userActions?(turn: Turn): ReactNode;
  /** The turn a message search opened the transcript at: marked, and described, as found. */
  foundTurnKey?: string;
}

export function TurnArticle({ turn, renderAssistant, onRetry, onDiscard, userActions, foundTurnKey }: { turn: Turn } & TurnRenderers) {
  const found = turn.key === foundTurnKey;
  const foundId = useId();
  return (
    <article
      aria-label={turn.user ? `Turn: ${turn.user.text.slice(0, 60)}` : "Assistant turn"}
      aria-describedby={found ? foundId : undefined}
      data-run-id={turn.runId ?? undefined}
      data-turn-key={turn.key}
      className={`flex flex-col gap-3 ${found ? "rounded-xl ring-2 ring-accent ring-offset-4 ring-offset-canvas" : ""}`}
    >
      {found && (
        <p id={foundId} data-find-skip className="text-xs font-medium text-accent">
          Found by search
        </p>
      )}
      {turn.user && <UserMessage user={turn.user} onRetry={() => onRetry(turn)} onDiscard={() => onDiscard(turn)} actions={userActions?.(turn)} />}
      {renderAssistant(turn)}
    </article>
  );
}
