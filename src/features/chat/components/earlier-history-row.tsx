import type { ReactNode } from "react";
import type { EarlierHistory } from "../api/use-chat-history";

/** One height whatever it says, so the turns below it do not move as it changes from a button to a status line. */
function Row({ children, role, tone = "text-ink-3" }: { children: ReactNode; role?: "status" | "alert"; tone?: string }) {
  return (
    <div role={role} className={`flex min-h-8 flex-wrap items-center justify-center gap-2 text-center text-sm ${tone}`}>
      {children}
    </div>
  );
}

/** The top of the transcript: what is older than the shown turns, and a way to read it. */
export function EarlierHistoryRow({ earlier, hasTurns }: { earlier: EarlierHistory; hasTurns: boolean }) {
  switch (earlier.status) {
    case "more":
      return (
        <Row>
          <button type="button" onClick={earlier.load} className="rounded-md px-3 py-1 text-accent hover:bg-accent-soft">
            Load earlier messages
          </button>
        </Row>
      );
    case "loading":
      return <Row role="status">Loading earlier messages…</Row>;
    case "failed":
      return (
        <Row role="alert" tone="text-bad">
          Could not load earlier messages: {earlier.error}
          <button type="button" onClick={earlier.load} className="rounded-md px-2 py-0.5 text-accent hover:bg-accent-soft">
            Try again
          </button>
        </Row>
      );
    case "complete":
      return hasTurns ? <Row>Start of the session</Row> : null;
  }
}
