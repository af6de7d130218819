import { useState } from "react";
import { applyTheme, storedTheme, type Theme } from "./theme";

/**
 * `withWords`: in the phone's menu the button sits in a list of worded controls, so it says "Dark theme" and
 * whether it is on beside the icon; in the wide header the icon alone fits the row of small buttons.
 */
export function ThemeToggle({ withWords = false }: { withWords?: boolean }) {
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const dark = theme === "dark";
  return (
    <button
      type="button"
      aria-pressed={dark}
      // With words the name comes from them ("Dark theme"; the icon and On/Off are hidden from it), so the name
      // is what the button shows; the icon alone needs it given.
      aria-label={withWords ? undefined : "Dark theme"}
      title={dark ? "Switch to light theme" : "Switch to dark theme"}
      onClick={() => {
        const next: Theme = dark ? "light" : "dark";
        applyTheme(next);
        setTheme(next);
      }}
      className={withWords ? "flex items-center gap-1.5 rounded-md px-2 py-1 text-xs text-ink-2 hover:bg-surface-2 hover:text-ink" : "rounded-lg p-2 text-ink-2 hover:bg-surface-2"}
    >
      <span aria-hidden>{dark ? "☾" : "☀"}</span>
      {withWords && (
        <>
          Dark theme
          {/* The state is aria-pressed for screen readers; this says it to the eye. */}
          <span aria-hidden className="rounded border border-line px-1 text-[10px] text-ink-3">
            {dark ? "On" : "Off"}
          </span>
        </>
      )}
    </button>
  );
}
