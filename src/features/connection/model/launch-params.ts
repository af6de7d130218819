/**
 * Reads OpenClaw-dashboard-style launch links: `?gatewayUrl=<ws url>&session=<key>`
 * in the query and `#token=<token>` in the fragment. The token is taken out of
 * the address bar right away so it does not end up in history or screenshots.
 */

export interface LaunchParams {
  gatewayUrl?: string;
  sessionKey?: string;
  token?: string;
  /** The same address with the token and the launch parameters removed. */
  cleanedHref: string;
  changed: boolean;
}

export function isGatewayUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "ws:" || url.protocol === "wss:";
  } catch {
    return false;
  }
}

export function readLaunchParams(href: string): LaunchParams {
  const url = new URL(href);
  const fragment = new URLSearchParams(url.hash.startsWith("#") ? url.hash.slice(1) : url.hash);
  const gatewayUrl = url.searchParams.get("gatewayUrl")?.trim() || undefined;
  const sessionKey = url.searchParams.get("session")?.trim() || undefined;
  const token = fragment.get("token")?.trim() || undefined;

  url.searchParams.delete("gatewayUrl");
  url.searchParams.delete("session");
  fragment.delete("token");
  const rest = fragment.toString();
  url.hash = rest ? `#${rest}` : "";
  const cleanedHref = url.toString();
  return {
    gatewayUrl: gatewayUrl && isGatewayUrl(gatewayUrl) ? gatewayUrl : undefined,
    sessionKey,
    token,
    cleanedHref,
    changed: cleanedHref !== href,
  };
}

/** When the gateway itself serves this build (its Control UI root), talk to it on the same origin. */
export function sameOriginGatewayUrl(location: Pick<Location, "protocol" | "host">): string {
  return `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}`;
}
