/** A quiet line of token figures: under a reply (its run) or above a session's transcript (the whole session). */
export function UsageLine({ label, text }: { label: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p aria-label={label} className="px-1 text-xs text-ink-3">
      {text}
    </p>
  );
}
