/**
 * Per-browser text that must outlive a reload (a draft, a held message).
 * Storage can be full or disabled; the text then lives only in the page, so
 * failures are swallowed here rather than at every caller.
 */

export function readStoredText(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Empty or null text removes the entry. */
export function writeStoredText(key: string, text: string | null): void {
  try {
    if (text) localStorage.setItem(key, text);
    else localStorage.removeItem(key);
  } catch {
    // Kept in the page only.
  }
}
