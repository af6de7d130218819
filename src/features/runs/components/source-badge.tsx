import type { SignalSource } from "../model/run-signal";

/** Where what a step shows came from: this tab watching, the gateway's transcript, or this browser's copy of the run. */
const WORDS: Record<SignalSource, string> = {
  live: "Seen live in this tab",
  history: "Read from the gateway's saved transcript",
  "local-log": "Read from this browser's saved copy of the run",
};

export function SourceBadge({ source, confirmed }: { source: SignalSource; confirmed?: boolean }) {
  return (
    <span className="text-[11px] text-ink-3">
      {WORDS[source]}
      {confirmed && source !== "history" ? ", confirmed by the gateway's saved transcript" : ""}
    </span>
  );
}
