import { useState } from "react";
import { boundedToString, isTruncated, type BoundedText } from "../model/bounded-text";

/** Lines shown before "Show all": long outputs stay out of the way until asked for. */
const PREVIEW_LINES = 12;

export function BoundedOutput({ label, text }: { label: string; text: BoundedText }) {
  const [all, setAll] = useState(false);
  const full = boundedToString(text);
  const lines = full.split("\n");
  const long = lines.length > PREVIEW_LINES;
  const shown = all || !long ? full : lines.slice(-PREVIEW_LINES).join("\n");
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2 text-[11px] font-medium tracking-wide text-ink-3 uppercase">
        {label}
        {long && (
          <button type="button" aria-expanded={all} onClick={() => setAll((v) => !v)} className="normal-case text-accent hover:underline">
            {all ? "Show less" : `Show all ${lines.length} lines`}
          </button>
        )}
      </div>
      <pre role="region" aria-label={label} tabIndex={0} className="max-h-96 overflow-auto rounded-lg bg-surface-2 p-2 font-mono text-xs whitespace-pre-wrap break-all">{shown || "(empty)"}</pre>
      {isTruncated(text) && all && (
        <p className="text-[11px] text-ink-3">{text.totalChars.toLocaleString()} characters in all; the middle is not kept in the browser. The full output is in the session transcript on the gateway.</p>
      )}
    </div>
  );
}
