/**
 * The UI server's security headers, read off a real server on a free port:
 * the exact Content-Security-Policy (the backstop if model or tool output ever
 * reached the DOM as markup) and its companions, on every kind of answer.
 */
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startUiServer } from "./ui-server.mjs";

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "connect-src 'self' ws: wss: http://127.0.0.1:* http://localhost:*; worker-src 'self' blob:; manifest-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const EXPECTED_SECURITY_HEADERS = {
  "content-security-policy": EXPECTED_CSP,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

let distDir: string;
let server: Awaited<ReturnType<typeof startUiServer>>;

beforeAll(async () => {
  distDir = await mkdtemp(path.join(tmpdir(), "clawscope-ui-"));
  await mkdir(path.join(distDir, "assets"));
  await writeFile(path.join(distDir, "index.html"), "<!doctype html><title>Clawscope</title><script type=module src=/assets/app-abc123.js></script>");
  await writeFile(path.join(distDir, "assets", "app-abc123.js"), "console.log('app');");
  await writeFile(path.join(distDir, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
  server = await startUiServer({ port: 0, distDir, getEmbeddedInfo: () => null });
});

afterAll(async () => {
  await server.close();
  await rm(distDir, { recursive: true, force: true });
});

function securityHeadersOf(response: Response): Record<string, string | null> {
  return Object.fromEntries(Object.keys(EXPECTED_SECURITY_HEADERS).map((name) => [name, response.headers.get(name)]));
}

describe("ui-server security headers", () => {
  it("listens on the free port it was given", () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it.each([
    ["the app", "GET", "/", 200, "no-cache"],
    ["a client-side route", "GET", "/sessions/agent:main:main", 200, "no-cache"],
    ["a hashed asset", "GET", "/assets/app-abc123.js", 200, "public, max-age=31536000, immutable"],
    ["a file at the root", "GET", "/favicon.svg", 200, "no-cache"],
    ["a missing asset", "GET", "/assets/missing.js", 404, "no-store"],
    // The path is normalised inside the build first: a climb out lands on the app, never on a file outside.
    ["a path that climbs out of the build", "GET", "/..%2f..%2fetc%2fpasswd", 200, "no-cache"],
    ["a method it does not serve", "POST", "/", 405, "no-store"],
    ["a HEAD of the app", "HEAD", "/", 200, "no-cache"],
  ])("%s (%s %s) carries the exact CSP and its companions", async (_what, method, pathname, status, cacheControl) => {
    const response = await fetch(new URL(pathname, server.url), { method });
    expect(response.status).toBe(status);
    expect(securityHeadersOf(response)).toEqual(EXPECTED_SECURITY_HEADERS);
    expect(response.headers.get("cache-control")).toBe(cacheControl);
    await response.arrayBuffer();
  });

  it("allows no inline or foreign script, no plugins, no framing, no base rewriting", async () => {
    const response = await fetch(server.url);
    const directives = new Map(
      (response.headers.get("content-security-policy") ?? "").split("; ").map((directive) => {
        const [name = "", ...sources] = directive.split(" ");
        return [name, sources] as const;
      }),
    );
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'none'"]);
    expect([...directives.values()].flat()).not.toContain("'unsafe-eval'");
    await response.arrayBuffer();
  });

  it("serves the embedded-gateway info (it can hold the token) uncached and unsniffable", async () => {
    const response = await fetch(new URL("/__clawscope/embedded", server.url));
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    await response.arrayBuffer();
  });
});
