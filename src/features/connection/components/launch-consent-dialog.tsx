import { useEffect, useId, useRef, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import type { LaunchQuestion } from "../model/launch-params";

export interface LaunchConsentDialogProps {
  question: LaunchQuestion;
  onConnect(): void;
  onKeep(): void;
}

/**
 * Asked before a launch link changes the gateway or the token. Focus starts on
 * Keep current, so a stray Enter keeps the user where they are; Tab stays
 * inside the dialog and Escape keeps the current gateway.
 */
export function LaunchConsentDialog({ question, onConnect, onKeep }: LaunchConsentDialogProps) {
  const titleId = useId();
  const detailId = useId();
  const keepButton = useRef<HTMLButtonElement>(null);
  const connectButton = useRef<HTMLButtonElement>(null);

  useEffect(() => keepButton.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onKeep();
    } else if (event.key === "Tab") {
      event.preventDefault();
      (document.activeElement === keepButton.current ? connectButton : keepButton).current?.focus();
    }
  };

  return (
    <div className="fixed inset-0 z-50 grid place-items-center bg-black/40 p-4">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={detailId}
        onKeyDown={onKeyDown}
        className="w-full max-w-md rounded-2xl border border-line bg-surface p-5 shadow-xl"
      >
        <h2 id={titleId} className="font-semibold break-words">
          {question.title}
        </h2>
        <p id={detailId} className="mt-1.5 text-sm text-ink-2">
          {question.detail}
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <Button ref={connectButton} variant="secondary" onClick={onConnect}>
            Connect
          </Button>
          <Button ref={keepButton} variant="primary" onClick={onKeep}>
            Keep current
          </Button>
        </div>
      </div>
    </div>
  );
}
