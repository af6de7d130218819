import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { matchCounter } from "../model/find-matches";

export interface FindBarProps {
  query: string;
  active: number;
  total: number;
  /** Changes each time find is asked for again (Ctrl+F while open): the input takes focus and selects its text. */
  focusRequest: number;
  onQuery(query: string): void;
  onStep(direction: 1 | -1): void;
  onClose(): void;
}

/** The find box over the transcript: Enter for the next match, Shift+Enter for the previous, Esc to close. */
export function FindBar({ query, active, total, focusRequest, onQuery, onStep, onClose }: FindBarProps) {
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);
  return (
    <div role="search" aria-label="Find in transcript" className="mx-auto flex w-full max-w-6xl items-center gap-2 px-4 pt-2">
      <label htmlFor={inputId} className="sr-only">
        Find in transcript
      </label>
      <input
        ref={input}
        id={inputId}
        type="search"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            if (total > 0) onStep(event.shiftKey ? -1 : 1);
          } else if (event.key === "Escape") {
            event.preventDefault();
            onClose();
          }
        }}
        placeholder="Find in messages and tool output"
        className="min-w-0 flex-1 rounded-lg border border-line bg-surface px-3 py-1.5 text-sm outline-none focus:border-accent focus:ring-2 focus:ring-accent"
      />
      <span role="status" aria-label="Matches" className="min-w-20 text-xs whitespace-nowrap text-ink-2">
        {matchCounter(query, active, total)}
      </span>
      <Button variant="ghost" onClick={() => onStep(-1)} disabled={total === 0} aria-label="Previous match" className="px-2 py-1 text-xs">
        ↑
      </Button>
      <Button variant="ghost" onClick={() => onStep(1)} disabled={total === 0} aria-label="Next match" className="px-2 py-1 text-xs">
        ↓
      </Button>
      <Button variant="ghost" onClick={onClose} aria-label="Close find" className="px-2 py-1 text-xs">
        ×
      </Button>
    </div>
  );
}
