import { useEffect, useRef, type ReactNode } from "react";
import { keepTabInside } from "./keep-tab-inside";

export interface DrawerProps {
  label: string;
  open: boolean;
  onClose(): void;
  children: ReactNode;
}

/**
 * A panel from the left edge for narrow screens: a modal dialog, so focus stays inside while it is open (Tab and
 * Shift+Tab go round its controls), Esc closes it, and focus goes back to whatever opened it.
 */
export function Drawer({ label, open, onClose, children }: DrawerProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement;
      element.showModal();
    }
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      aria-label={label}
      onClose={(event) => {
        // A dialog inside (e.g. a confirmation) closing is not this drawer closing.
        if (event.target !== event.currentTarget) return;
        onClose();
        if (opener.current instanceof HTMLElement) opener.current.focus();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) onClose();
      }}
      onKeyDown={keepTabInside}
      className="m-0 h-dvh max-h-dvh w-[min(22rem,88vw)] max-w-none border-r border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-black/40"
    >
      {open && (
        <div className="flex h-full flex-col gap-3 p-3">
          <div className="flex items-center justify-between">
            <span className="text-sm font-semibold">{label}</span>
            <button type="button" onClick={onClose} className="rounded-md px-2 py-1 text-sm text-ink-2 hover:bg-surface-2">
              Close
            </button>
          </div>
          {children}
        </div>
      )}
    </dialog>
  );
}
