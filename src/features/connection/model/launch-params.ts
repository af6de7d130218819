/**
 * Reads OpenClaw-dashboard-style launch links: `?gatewayUrl=<ws url>&session=<key>`
 * in the query and `#token=<token>` in the fragment. The token is taken out of
 * the address bar right away so it does not end up in history or screenshots.
 * A link is only a request: one that would change the gateway or the token is
 * asked about first (launchQuestion), since anyone can write such a link.
 */
import { LAUNCH_QUERY_GATEWAY, LAUNCH_QUERY_SESSION, LAUNCH_TOKEN } from "@/lib/launch-link";

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
  const gatewayUrl = url.searchParams.get(LAUNCH_QUERY_GATEWAY)?.trim() || undefined;
  const sessionKey = url.searchParams.get(LAUNCH_QUERY_SESSION)?.trim() || undefined;
  const token = fragment.get(LAUNCH_TOKEN)?.trim() || undefined;

  url.searchParams.delete(LAUNCH_QUERY_GATEWAY);
  url.searchParams.delete(LAUNCH_QUERY_SESSION);
  // The legacy `?token=` is never used, but it must not stay in the address either.
  url.searchParams.delete(LAUNCH_TOKEN);
  fragment.delete(LAUNCH_TOKEN);
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

/** What a launch link asks for, kept (never stored) until the user answers. */
export interface LaunchRequest {
  gatewayUrl?: string;
  token?: string;
  sessionKey?: string;
}

export interface LaunchQuestion {
  title: string;
  detail: string;
}

/** A gateway as the user should read it: scheme and host (no user-info that could pose as another host), and a path if any. */
export function describeGateway(gatewayUrl: string): string {
  try {
    const url = new URL(gatewayUrl);
    return `${url.protocol}//${url.host}${url.pathname === "/" ? "" : url.pathname}`;
  } catch {
    return gatewayUrl;
  }
}

/** The question to ask before following a launch link, or null when it changes neither the gateway nor the token. */
export function launchQuestion(request: LaunchRequest, current: { gatewayUrl: string | null; token: string }): LaunchQuestion | null {
  const changesGateway = request.gatewayUrl !== undefined && request.gatewayUrl !== current.gatewayUrl;
  const changesToken = request.token !== undefined && request.token !== current.token;
  if (changesGateway) {
    const target = describeGateway(request.gatewayUrl!);
    return {
      title: current.gatewayUrl ? `Connect to ${target} instead of ${describeGateway(current.gatewayUrl)}?` : `Connect to ${target}?`,
      detail: `A link asks Clawscope to use another gateway${request.token ? ", with a token it carries" : ""}. Only connect if you opened this link on purpose and trust ${target}.`,
    };
  }
  if (changesToken) {
    const target = current.gatewayUrl ? describeGateway(current.gatewayUrl) : "this gateway";
    return {
      title: `Use the token from this link for ${target}?`,
      detail: "A link carries a gateway token that would replace the one this tab uses now. Only use it if you opened this link on purpose.",
    };
  }
  return null;
}
