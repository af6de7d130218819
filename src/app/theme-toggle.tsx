import { useState } from "react";
import { applyTheme, storedTheme, type Theme } from "./theme";

export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const dark = theme === "dark";
  return (
    <button
      type="button"
      aria-pressed={dark}
      aria-label="Dark theme"
      title={dark ? "Switch to light theme" : "Switch to dark theme"}
      onClick={() => {
        const next: Theme = dark ? "light" : "dark";
        applyTheme(next);
        setTheme(next);
      }}
      className="rounded-lg p-2 text-ink-2 hover:bg-surface-2"
    >
      <span aria-hidden>{dark ? "☾" : "☀"}</span>
    </button>
  );
}
