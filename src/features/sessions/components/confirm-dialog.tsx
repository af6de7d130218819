import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { keepTabInside } from "@/components/ui/keep-tab-inside";

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The gateway's refusal, shown in the dialog so the user can read it and decide. */
  error: string | null;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A modal question before something that cannot be undone. Tab and Shift+Tab go round its buttons, Esc cancels, and
 * focus goes back to the control that asked (the dialog is taken out of the page rather than closed, so the browser
 * would leave focus nowhere).
 */
export function ConfirmDialog({ title, children, confirmLabel, pendingLabel, pending, error, onConfirm, onCancel }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Read as the dialog first renders, before its Cancel button takes focus.
  const [opener] = useState(() => document.activeElement);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [opener]);
  return (
    <dialog
      ref={dialog}
      aria-label={title}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
      onKeyDown={keepTabInside}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-line bg-surface p-4 text-ink shadow-xl backdrop:bg-black/40"
    >
      <h2 className="text-base font-semibold">{title}</h2>
      <div className="mt-2 text-sm text-ink-2">{children}</div>
      {error && (
        <p role="alert" className="mt-3 rounded-lg bg-bad-soft px-3 py-2 text-sm text-bad">
          {error}
        </p>
      )}
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={pending} autoFocus>
          Cancel
        </Button>
        <Button variant="danger" onClick={onConfirm} disabled={pending}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
