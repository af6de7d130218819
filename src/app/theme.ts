/** Light and dark themes: the user's choice if made, otherwise the system's. */
const STORAGE_KEY = "clawscope.theme";

export type Theme = "light" | "dark";

export function storedTheme(): Theme {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (value === "light" || value === "dark") return value;
  } catch {
    // fall through to the system preference
  }
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function applyTheme(theme: Theme): void {
  document.documentElement.classList.toggle("dark", theme === "dark");
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // the class is applied; only persistence failed
  }
}

export function applyStoredTheme(): void {
  document.documentElement.classList.toggle("dark", storedTheme() === "dark");
}
