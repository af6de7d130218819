import { useEffect, useId, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { readStoredText, writeStoredText } from "@/lib/stored-text";

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
  /** Files going with the message: their tray, how many are ready, whether any is still being read, and where pasted or dropped files go. */
  attachments?: { tray: ReactNode; ready: number; reading: boolean; onFiles(files: File[]): void };
}

const draftKey = (sessionKey: string) => `clawscope.draft.${sessionKey}`;

function readDraft(sessionKey: string): string {
  return readStoredText(draftKey(sessionKey)) ?? "";
}

export function Composer({ sessionKey, canSend, disabledReason, sendHint, running, onSend, onStop, onShowRunning, attachments }: ComposerProps) {
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
    if ((!text && !attachments?.ready) || !canSend || attachments?.reading) return;
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
    <form
      onSubmit={submit}
      onDragOver={(event) => event.dataTransfer.types.includes("Files") && event.preventDefault()}
      onDrop={(event) => attachments && event.dataTransfer.files.length > 0 && (event.preventDefault(), attachments.onFiles([...event.dataTransfer.files]))}
      aria-label="Send a message"
      className="mx-auto flex w-full max-w-4xl flex-col gap-1.5 px-4 pb-4">
      <div className="flex items-end gap-2 rounded-2xl border border-line bg-surface p-2 shadow-sm focus-within:border-accent">
        <label htmlFor={inputId} className="sr-only">
          Message
        </label>
        <textarea
          id={inputId}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={(event) => attachments && event.clipboardData.files.length > 0 && (event.preventDefault(), attachments.onFiles([...event.clipboardData.files]))}
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
        <Button type="submit" variant="primary" disabled={!canSend || (draft.trim() === "" && !attachments?.ready) || attachments?.reading}>
          Send
        </Button>
      </div>
      {attachments?.tray}
      <p id={hintId} className="px-2 text-xs text-ink-3">
        {canSend ? (sendHint ?? "Enter to send · Shift+Enter for a new line") : (disabledReason ?? "Not connected")}
      </p>
    </form>
  );
}
