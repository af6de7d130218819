/**
 * Per-browser text that must outlive a reload (a draft, a held message).
 * Storage can be full or disabled; the text then lives only in the page, so
 * failures are swallowed here rather than at every caller.
 */

/** The keys of per-session text, named once so "Forget this gateway" finds them too. */
export const draftKey = (sessionKey: string) => `clawscope.draft.${sessionKey}`;
export const heldMessageKey = (sessionKey: string) => `clawscope.held.${sessionKey}`;

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
