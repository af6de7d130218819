import { useId } from "react";
import type { ForkPoint } from "../model/fork-point";

/**
 * "Fork from here" under a user message. It shows on hover or focus (always on a touch screen). When it cannot
 * fork it stays focusable (aria-disabled, not disabled) so a keyboard or screen-reader user still meets it and
 * hears why, and the reason is written beside it.
 */
export function ForkButton({ point, onFork }: { point: ForkPoint; onFork(entryId: string): void }) {
  const reasonId = useId();
  if (point.kind === "hidden") return null;
  const unavailable = point.kind === "unavailable";
  return (
    <span className="flex items-center gap-1.5 opacity-0 transition-opacity group-focus-within/user:opacity-100 group-hover/user:opacity-100 pointer-coarse:opacity-100">
      {unavailable && (
        <span id={reasonId} className="text-xs text-ink-3">
          {point.reason}
        </span>
      )}
      <button
        type="button"
        aria-disabled={unavailable || undefined}
        aria-describedby={unavailable ? reasonId : undefined}
        onClick={() => {
          if (point.kind === "available") onFork(point.entryId);
        }}
        className="rounded-md border border-line px-2 py-0.5 text-xs font-medium text-ink-2 hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-accent aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
      >
        Fork from here
      </button>
    </span>
  );
}
