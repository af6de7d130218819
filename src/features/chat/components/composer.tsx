import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { draftKey, readStoredText, writeStoredText } from "@/lib/stored-text";

export interface ComposerProps {
  sessionKey: string;
  canSend: boolean;
  disabledReason?: string;
  /** Shown instead of the key hint when a message would wait rather than go out at once. */
  sendHint?: string;
  running: boolean;
  onSend(text: string): void;
  onStop(): void;
  /** Takes the user to the running run's timeline. */
  onShowRunning?(): void;
}


function readDraft(sessionKey: string): string {
  return readStoredText(draftKey(sessionKey)) ?? "";
}

export function Composer({ sessionKey, canSend, disabledReason, sendHint, running, onSend, onStop, onShowRunning }: ComposerProps) {
  const [draft, setDraft] = useState(() => readDraft(sessionKey));
  const [draftFor, setDraftFor] = useState(sessionKey);
  const inputId = useId();
  const hintId = useId();
  if (draftFor !== sessionKey) {
    setDraftFor(sessionKey);
    setDraft(readDraft(sessionKey));
  }

  useEffect(() => writeStoredText(draftKey(sessionKey), draft), [draft, sessionKey]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const text = draft.trim();
    if (!text || !canSend) return;
    onSend(text);
    setDraft("");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form onSubmit={submit} aria-label="Send a message" className="mx-auto flex w-full max-w-4xl flex-col gap-1.5 px-4 pb-4">
      <div className="flex items-end gap-2 rounded-2xl border border-line bg-surface p-2 shadow-sm focus-within:border-accent">
        <label htmlFor={inputId} className="sr-only">
          Message
        </label>
        <textarea
          id={inputId}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          rows={Math.min(8, Math.max(1, draft.split("\n").length))}
          placeholder="Ask the agent to do something…"
          aria-describedby={hintId}
          className="max-h-60 min-h-10 flex-1 resize-none bg-transparent px-2 py-2 text-[15px] outline-none"
        />
        {running && onShowRunning && (
          <Button variant="secondary" onClick={onShowRunning} aria-label="Show run in progress">
            Show run
          </Button>
        )}
        {running && (
          <Button variant="secondary" onClick={onStop} aria-label="Stop the running reply">
            Stop
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={!canSend || draft.trim() === ""}>
          Send
        </Button>
      </div>
      <p id={hintId} className="px-2 text-xs text-ink-3">
        {canSend ? (sendHint ?? "Enter to send · Shift+Enter for a new line") : (disabledReason ?? "Not connected")}
      </p>
    </form>
  );
}
