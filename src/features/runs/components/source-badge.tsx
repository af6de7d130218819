import type { SignalSource } from "../model/run-signal";

const WORDS: Record<SignalSource, string> = { live: "seen live", history: "from gateway history", "local-log": "from this browser's log" };

export function SourceBadge({ source, confirmed }: { source: SignalSource; confirmed?: boolean }) {
  return (
    <span className="text-[11px] text-ink-3">
      Source: {WORDS[source]}
      {confirmed && source !== "history" ? ", confirmed by history" : ""}
    </span>
  );
}
