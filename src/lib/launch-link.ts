/**
 * The parameters with which a link launches this app on a gateway: `gatewayUrl`,
 * `session` and a legacy `token` in the query, `token` in the fragment. Model
 * and tool output must never carry them, or a prompt-injected reply could move
 * the user to another gateway or swap their token with one click.
 */

export const LAUNCH_QUERY_GATEWAY = "gatewayUrl";
export const LAUNCH_QUERY_SESSION = "session";
export const LAUNCH_TOKEN = "token";

function fragmentParams(url: URL): URLSearchParams {
  return new URLSearchParams(url.hash.startsWith("#") ? url.hash.slice(1) : url.hash);
}

function valuesOf(params: URLSearchParams, name: string): string[] {
  const wanted = name.toLowerCase();
  return [...params].filter(([key]) => key.toLowerCase() === wanted).map(([, value]) => value);
}

function hasParam(params: URLSearchParams, name: string): boolean {
  return valuesOf(params, name).length > 0;
}

/** A relative link such as `#notes` keeps the page's own query; only a value the page does not already have is news. */
function addsParam(link: URL, app: URL, name: string): boolean {
  const own = valuesOf(app.searchParams, name);
  return valuesOf(link.searchParams, name).some((value) => !own.includes(value));
}

/**
 * A gateway or a fragment token is flagged whatever the origin (another copy of
 * Clawscope, `localhost` for `127.0.0.1`); a session or query token only on this
 * app's own origin, since other sites use those names for their own ends.
 */
export function linkCarriesLaunchParams(href: string, appHref: string): boolean {
  let url: URL;
  try {
    url = new URL(href, appHref);
  } catch {
    return false;
  }
  if (hasParam(url.searchParams, LAUNCH_QUERY_GATEWAY) || hasParam(fragmentParams(url), LAUNCH_TOKEN)) return true;
  const app = new URL(appHref);
  return url.origin === app.origin && (addsParam(url, app, LAUNCH_QUERY_SESSION) || addsParam(url, app, LAUNCH_TOKEN));
}
