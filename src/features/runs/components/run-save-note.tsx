import type { NotSaved } from "../store/run-save-store";

export const NOT_SAVED_HEADLINE = "Not saved — keep this tab open";

const WHY: Record<NotSaved["reason"], string> = {
  quota: "This browser's storage is full: after a reload only the gateway's history would show this run.",
  unavailable: "Clawscope's storage is held by another tab: reload the other Clawscope tabs.",
  error: "This browser could not store this run: after a reload only the gateway's history would show it.",
};

/** On a turn whose run only this tab holds: what only this browser saw would be lost with it. */
export function RunSaveNote({ notSaved }: { notSaved: NotSaved | undefined }) {
  if (!notSaved) return null;
  return (
    <p role="status" aria-label="Run log" className="rounded-lg bg-warn-soft px-3 py-1.5 text-xs text-warn">
      <span className="font-medium">{NOT_SAVED_HEADLINE}</span>
      <span className="text-ink-2"> · {WHY[notSaved.reason]}</span>
    </p>
  );
}
