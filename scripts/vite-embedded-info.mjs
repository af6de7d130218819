// Serves `GET /__clawscope/embedded`: how the page finds the gateway that `npm start`
// runs for it (URL, token, boot progress). Shared by the production static server
// (ui-server.mjs) and Vite's dev server (this plugin). Node builtins only: Vite
// bundles this file into its config.

export const EMBEDDED_INFO_PATH = "/__clawscope/embedded";

/**
 * The contract the browser reads. Keep it exactly.
 * @typedef {{
 *   mode: "embedded" | "external",
 *   phase: "starting-provider" | "starting-gateway" | "ready" | "failed" | "stopping",
 *   message: string,
 *   startedAt: number,
 *   updatedAt: number,
 *   gatewayUrl: string | null,
 *   token: string | null,
 *   instance: string,
 * }} EmbeddedInfo
 * @typedef {() => EmbeddedInfo | null | undefined} EmbeddedInfoGetter
 */

// Vite bundles vite.config.ts together with its copy of this file, so the copy that
// start.mjs imports is a different module instance; a process-wide slot joins them.
const GETTER_SLOT = Symbol.for("clawscope.embeddedInfoGetter");

/** @returns {EmbeddedInfoGetter | undefined} */
function registeredGetter() {
  return /** @type {any} */ (globalThis)[GETTER_SLOT];
}

/** @param {string | undefined} address */
function isLoopbackAddress(address) {
  if (!address) return false;
  const a = address.replace(/^::ffff:/, "");
  return a === "::1" || /^127\./.test(a);
}

/** The token must not be readable through a DNS-rebound name, so the Host must be loopback too. @param {string | undefined} host */
function isLoopbackHost(host) {
  if (!host) return false;
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.replace(/:\d+$/, "");
  return name === "localhost" || name === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(name);
}

/**
 * Answers the request if it is for the embedded-info endpoint. Returns false otherwise.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {EmbeddedInfoGetter | undefined} getEmbeddedInfo
 */
export function handleEmbeddedInfoRequest(req, res, getEmbeddedInfo) {
  const pathname = (req.url ?? "/").split("?")[0];
  if (pathname !== EMBEDDED_INFO_PATH) return false;
  /** @param {number} status @param {unknown} body */
  const reply = (status, body) => {
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    res.end(req.method === "HEAD" ? undefined : JSON.stringify(body));
  };
  const get = getEmbeddedInfo ?? registeredGetter();
  if (req.method !== "GET" && req.method !== "HEAD") reply(405, { error: "method not allowed" });
  else if (!isLoopbackAddress(req.socket.remoteAddress) || !isLoopbackHost(req.headers.host)) reply(403, { error: "loopback only" });
  else {
    const info = get?.();
    if (!info) reply(404, { error: "no embedded gateway in this server" });
    else reply(200, info);
  }
  return true;
}

/**
 * Vite plugin: the dev (and preview) server answers `/__clawscope/embedded`.
 * Without a getter it uses one registered by another instance of this plugin in the
 * same process (how `npm start -- --dev` feeds the copy in vite.config.ts), else 404.
 * @param {EmbeddedInfoGetter} [getEmbeddedInfo]
 * @returns {import("vite").Plugin}
 */
export function embeddedGatewayInfoPlugin(getEmbeddedInfo) {
  /** @param {{ middlewares: { use: (fn: (req: any, res: any, next: () => void) => void) => void } }} server */
  const install = (server) => {
    if (getEmbeddedInfo) /** @type {any} */ (globalThis)[GETTER_SLOT] = getEmbeddedInfo;
    server.middlewares.use((req, res, next) => {
      if (!handleEmbeddedInfoRequest(req, res, getEmbeddedInfo)) next();
    });
  };
  return {
    name: "clawscope-embedded-gateway-info",
    configureServer: install,
    configurePreviewServer: install,
  };
}
