import { useEffect, useId, useRef, useState, type ReactNode } from "react";

export interface OverflowMenuProps {
  /** The button's accessible name and the panel's label, e.g. "More controls". */
  label: string;
  /** What the button shows (decorative: the label is its name). */
  icon?: ReactNode;
  /** The controls that do not fit on a phone's one row; `close` for one that opens something over the page. */
  children(close: () => void): ReactNode;
}

/**
 * Controls that wait behind one button on a narrow screen: a disclosure (the button says whether it is open),
 * the panel floating over the page rather than pushing it down. Esc, a click elsewhere or focus leaving it closes it
 * (Esc from inside gives focus back to the button); a dialog opened from inside (e.g. the gateway logs) keeps it
 * open underneath.
 */
export function OverflowMenu({ label, icon = "⋯", children }: OverflowMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => setOpen(false);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Element) || root.current?.contains(event.target)) return;
      // A dialog opened from the panel (search, logs) sits above it: the panel waits underneath, focus returns to it.
      if (!event.target.closest("dialog[open]")) setOpen(false);
    };
    // Esc closes it wherever focus is (the open panel covers what is below it); focus goes back to the button only
    // from inside. Esc inside a dialog opened from the panel closes that dialog, not the panel.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || (event.target instanceof Element && event.target.closest("dialog"))) return;
      const focusInside = root.current?.contains(document.activeElement) ?? false;
      setOpen(false);
      if (focusInside) {
        event.preventDefault();
        button.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  return (
    <div
      ref={root}
      className="relative"
      onBlur={(event) => {
        // Tab out of the menu closes it, so it does not stay open over the controls focus moved to; focus moving
        // into a dialog opened from the panel keeps it open underneath.
        const next = event.relatedTarget;
        if (!(next instanceof Element) || root.current?.contains(next) || next.closest("dialog[open]")) return;
        setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((was) => !was)}
        className={`grid size-8 place-items-center rounded-md text-ink-2 hover:bg-surface-2 ${open ? "bg-surface-2 text-ink" : ""}`}
      >
        <span aria-hidden>{icon}</span>
      </button>
      {open && (
        <div
          id={panelId}
          role="group"
          aria-label={label}
          className="absolute top-full right-0 z-30 mt-1 flex w-max max-w-[calc(100vw-1rem)] flex-col items-start gap-2 rounded-xl border border-line bg-surface p-2 text-sm shadow-lg"
        >
          {children(close)}
        </div>
      )}
    </div>
  );
}
