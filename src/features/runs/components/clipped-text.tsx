import { useId, useState } from "react";
import { clip } from "@/lib/display-text";

/** Characters of untrusted prose (an error, provider detail) shown in place; the rest is one click away. */
export const SHOWN_CHARS = 300;

function kilobytes(chars: number): string {
  return `${(chars / 1_000).toFixed(1)} kB`;
}

/**
 * Untrusted prose clipped to a few lines, with the whole text the model kept
 * (bounded-text.ts `capText`) behind a disclosure, as inert text in a
 * scrollable box: a 1 MB error neither floods the message nor the layout.
 */
export function ClippedText({ text, what }: { text: string; what: string }) {
  const [open, setOpen] = useState(false);
  const viewerId = useId();
  if (text.length <= SHOWN_CHARS) return <>{text}</>;
  return (
    <>
      {clip(text, SHOWN_CHARS)}{" "}
      <button type="button" aria-expanded={open} aria-controls={viewerId} onClick={() => setOpen((value) => !value)} className="text-xs text-accent underline">
        {open ? `Hide full ${what}` : `Show full ${what} (${kilobytes(text.length)})`}
      </button>
      {open && (
        <pre
          id={viewerId}
          aria-label={`Full ${what}`}
          tabIndex={0}
          className="mt-1 max-h-64 overflow-auto rounded-lg bg-surface-2 p-2 font-mono text-xs whitespace-pre-wrap break-all text-ink"
        >
          {text}
        </pre>
      )}
    </>
  );
}
