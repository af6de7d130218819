import { REVEAL_READING_WORDS, revealMissWords, type RevealMiss } from "../model/message-reveal";

/**
 * Above the transcript while the session search's chosen message is being reached through older history pages,
 * and, when it could not be, why (instead of leaving the reader at the transcript's end without a word).
 */
export function MessageRevealNote({ reading, missed, onDismiss }: { reading: boolean; missed?: RevealMiss; onDismiss(): void }) {
  if (missed) {
    return (
      <div role="status" className="mx-auto mt-3 flex w-full max-w-3xl items-start justify-between gap-3 rounded-lg bg-warn-soft px-3 py-2 text-sm text-ink">
        <span>{revealMissWords(missed)}</span>
        <button type="button" onClick={onDismiss} className="shrink-0 font-medium underline">
          Dismiss
        </button>
      </div>
    );
  }
  return reading ? (
    <p role="status" className="mx-auto mt-3 w-full max-w-3xl rounded-lg bg-surface-2 px-3 py-2 text-sm text-ink-2">
      {REVEAL_READING_WORDS}
    </p>
  ) : null;
}
