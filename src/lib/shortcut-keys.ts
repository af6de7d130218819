/**
 * How a keyboard shortcut is written for the reader's keyboard: Apple keyboards say ⌘ where others say Ctrl.
 * `userAgentData.platform` ("macOS") is asked first where the browser has it; `navigator.platform` ("MacIntel",
 * "iPad") otherwise. Pure: the caller hands in the navigator.
 */
export interface PlatformHints {
  platform?: string;
  userAgentData?: { platform?: string };
}

export function isApplePlatform(hints: PlatformHints): boolean {
  const name = hints.userAgentData?.platform || hints.platform || "";
  return /^(mac|iphone|ipad|ipod)/i.test(name) || /^ios$/i.test(name);
}

/** "⌘K" on a Mac, iPhone or iPad; "Ctrl K" elsewhere. */
export function shortcutLabel(key: string, hints: PlatformHints): string {
  return isApplePlatform(hints) ? `⌘${key}` : `Ctrl ${key}`;
}
