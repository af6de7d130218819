import { describeHandoff, type Handoff } from "../model/run-handoff";

/** Under a message another run answers: where it went, instead of a "No reply" its own closed run id would suggest. */
export function HandoffNote({ handoff }: { handoff: Handoff }) {
  return (
    <p role="note" aria-label="How this message is answered" className="rounded-lg bg-surface-2 px-3 py-1.5 text-xs text-ink-2">
      {describeHandoff(handoff)}
    </p>
  );
}
