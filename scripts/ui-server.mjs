// Serves the Vite production build for `npm start`: static files, SPA fallback,
// strict security headers, and the embedded-gateway info endpoint. Text files go out
// as the brotli or gzip copy the build wrote beside them (vite-precompress.mjs), as
// the browser's Accept-Encoding allows; source maps only when asked for.

import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { handleEmbeddedInfoRequest } from "./vite-embedded-info.mjs";
import { COMPRESSIBLE } from "./vite-precompress.mjs";

/** @type {Record<string, string>} */
const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

// The chat renders model output and tool output, both attacker-influenced; the CSP is
// the backstop if any of it ever reaches the DOM as markup: no inline or foreign script.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss: http://127.0.0.1:* http://localhost:*",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

const IMMUTABLE = "public, max-age=31536000, immutable";

/** The precompressed copies, best first, with the file suffix the build gives them. */
const ENCODINGS = /** @type {const} */ ([
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
]);

/**
 * The encodings an Accept-Encoding header allows (q > 0), e.g. "gzip, deflate, br;q=0.9" → {gzip, deflate, br}.
 * `*` allows any encoding not named with q=0.
 * @param {string | undefined} header
 * @returns {(encoding: string) => boolean}
 */
export function acceptedEncodings(header) {
  /** @type {Map<string, number>} */
  const weights = new Map();
  for (const part of (header ?? "").split(",")) {
    const [token = "", ...params] = part.trim().toLowerCase().split(";");
    if (!token) continue;
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    weights.set(token.trim(), q === undefined ? 1 : Number(q));
  }
  return (encoding) => {
    const weight = weights.get(encoding) ?? weights.get("*");
    return weight !== undefined && weight > 0;
  };
}

/**
 * @param {{ host?: string, port?: number, distDir: string,
 *   getEmbeddedInfo?: import("./vite-embedded-info.mjs").EmbeddedInfoGetter,
 *   serveSourceMaps?: boolean }} options
 *   serveSourceMaps: serve `.map` files (default: only with CLAWSCOPE_SERVE_SOURCEMAPS=1); otherwise they are a 404.
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startUiServer({ host = "127.0.0.1", port = 5173, distDir, getEmbeddedInfo, serveSourceMaps = process.env.CLAWSCOPE_SERVE_SOURCEMAPS === "1" }) {
  const root = path.resolve(distDir);
  const indexFile = path.join(root, "index.html");
  try {
    await stat(indexFile);
  } catch {
    throw new Error(`No UI build at ${indexFile}. Build it with \`npx vite build\` (npm start does this automatically).`);
  }

  /** @param {http.ServerResponse} res @param {number} status @param {string} text */
  const sendText = (res, status, text) => {
    res.writeHead(status, { ...SECURITY_HEADERS, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end(text);
  };

  /** The best precompressed copy of `file` the request accepts, if the build wrote one. @param {http.IncomingMessage} req @param {string} file */
  const pickEncoding = async (req, file) => {
    if (!COMPRESSIBLE.has(path.extname(file).toLowerCase())) return null;
    const accepts = acceptedEncodings(req.headers["accept-encoding"]);
    for (const encoding of ENCODINGS) {
      if (!accepts(encoding.name)) continue;
      const copy = `${file}${encoding.suffix}`;
      const info = await stat(copy).catch(() => null);
      if (info?.isFile()) return { name: encoding.name, file: copy, info };
    }
    return null;
  };

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {string} file @param {string} cacheControl */
  const sendFile = async (req, res, file, cacheControl) => {
    const info = await stat(file);
    const encoded = await pickEncoding(req, file);
    const body = encoded ?? { file, info };
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      "content-type": MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      "content-length": body.info.size,
      ...(encoded ? { "content-encoding": encoded.name } : {}),
      // Caches must key a compressible file by what the browser accepts.
      ...(COMPRESSIBLE.has(path.extname(file).toLowerCase()) ? { vary: "Accept-Encoding" } : {}),
      "cache-control": cacheControl,
      "last-modified": info.mtime.toUTCString(),
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(body.file).on("error", () => res.destroy()).pipe(res);
  };

  const server = http.createServer(async (req, res) => {
    try {
      if (handleEmbeddedInfoRequest(req, res, getEmbeddedInfo ?? (() => null))) return;
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.setHeader("allow", "GET, HEAD");
        sendText(res, 405, "Method Not Allowed");
        return;
      }
      let pathname;
      try {
        pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      } catch {
        sendText(res, 400, "Bad Request");
        return;
      }
      const file = path.join(root, path.normalize(pathname));
      if (pathname.includes("\0") || (file !== root && !file.startsWith(root + path.sep))) {
        sendText(res, 403, "Forbidden");
        return;
      }
      // Source maps (when a build has them) show the source to anyone who asks; only on request.
      const hiddenMap = path.extname(pathname).toLowerCase() === ".map" && !serveSourceMaps;
      const found = !hiddenMap && (await stat(file).then((s) => s.isFile(), () => false));
      if (found && file !== indexFile) {
        // Vite content-hashes everything under /assets, so those never change.
        await sendFile(req, res, file, pathname.startsWith("/assets/") ? IMMUTABLE : "no-cache");
        return;
      }
      // Client-side routes get the app; a missing asset gets a real 404, not HTML with a 200.
      if (!found && path.extname(pathname) && path.extname(pathname) !== ".html") {
        sendText(res, 404, "Not Found");
        return;
      }
      await sendFile(req, res, indexFile, "no-cache");
    } catch {
      if (!res.headersSent) sendText(res, 500, "Internal Server Error");
      else res.destroy();
    }
  });

  await new Promise((resolve, reject) => {
    server.once("error", (err) => {
      const code = /** @type {NodeJS.ErrnoException} */ (err).code;
      if (code === "EADDRINUSE") {
        reject(new Error(`Port ${port} on ${host} is already in use (is Clawscope already running?). Choose another with --port N or CLAWSCOPE_PORT=N.`));
      } else if (code === "EACCES") {
        reject(new Error(`Not allowed to listen on ${host}:${port}. Choose another port with --port N.`));
      } else reject(err);
    });
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const shownHost = host.includes(":") ? `[${host}]` : host;

  /** @type {Promise<void> | null} */
  let closing = null;
  return {
    url: `http://${shownHost}:${actualPort}/`,
    port: actualPort,
    close() {
      closing ??= new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
