/**
 * The open session lives in the address (`?session=<key>`, the launch links' own parameter), so a reload, the
 * Back and Forward buttons and a shared address all keep or restore it. Nothing else is written there: never
 * the gateway token (it would reach history, bookmarks and whoever the address is shared with), nor the
 * gateway, which a link may only change after the user agrees.
 */
import { LAUNCH_QUERY_GATEWAY, LAUNCH_QUERY_SESSION, LAUNCH_TOKEN } from "@/lib/launch-link";

/** The session an address names, if any. */
export function sessionInAddress(href: string): string | undefined {
  return new URL(href).searchParams.get(LAUNCH_QUERY_SESSION)?.trim() || undefined;
}

/** The same address naming `sessionKey`, with any token and gateway taken out. */
export function addressWithSession(href: string, sessionKey: string): string {
  const url = new URL(href);
  url.searchParams.delete(LAUNCH_QUERY_GATEWAY);
  url.searchParams.delete(LAUNCH_TOKEN);
  url.searchParams.set(LAUNCH_QUERY_SESSION, sessionKey);
  const fragment = new URLSearchParams(url.hash.startsWith("#") ? url.hash.slice(1) : url.hash);
  if (fragment.has(LAUNCH_TOKEN)) {
    fragment.delete(LAUNCH_TOKEN);
    const rest = fragment.toString();
    url.hash = rest ? `#${rest}` : "";
  }
  return url.toString();
}

/** How the address follows a newly open session: a first mention replaces the entry, a switch adds one for Back. */
export function addressChange(href: string, sessionKey: string): { kind: "none" } | { kind: "replace" | "push"; href: string } {
  const named = sessionInAddress(href);
  if (named === sessionKey) return { kind: "none" };
  return { kind: named === undefined ? "replace" : "push", href: addressWithSession(href, sessionKey) };
}
