import type { EarlierHistory } from "../api/use-chat-history";

/** The top of the transcript: what is older than the shown turns, and a way to read it. */
export function EarlierHistoryRow({ earlier, hasTurns }: { earlier: EarlierHistory; hasTurns: boolean }) {
  switch (earlier.status) {
    case "more":
      return (
        <div className="flex justify-center">
          <button type="button" onClick={earlier.load} className="rounded-md px-3 py-1 text-sm text-accent hover:bg-accent-soft">
            Load earlier messages
          </button>
        </div>
      );
    case "loading":
      return (
        <p role="status" className="text-center text-sm text-ink-3">
          Loading earlier messages…
        </p>
      );
    case "failed":
      return (
        <div role="alert" className="flex flex-wrap items-center justify-center gap-2 text-sm text-bad">
          Could not load earlier messages: {earlier.error}
          <button type="button" onClick={earlier.load} className="rounded-md px-2 py-0.5 text-accent hover:bg-accent-soft">
            Try again
          </button>
        </div>
      );
    case "complete":
      return hasTurns ? <p className="text-center text-xs text-ink-3">Start of the session</p> : null;
  }
}
