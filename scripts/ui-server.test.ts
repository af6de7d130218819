import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptedEncodings, startUiServer } from "./ui-server.mjs";
import { precompressDir } from "./vite-precompress.mjs";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A raw request (fetch would add its own Accept-Encoding and decompress behind our back). */
function get(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const parts: Buffer[] = [];
      response.on("data", (part: Buffer) => parts.push(part));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(parts) }));
    });
    request.on("error", reject);
    request.end();
  });
}

const SCRIPT = `export const greeting = ${JSON.stringify("hello from the fixture ".repeat(200))};\n`;
const STYLE = `.a{color:red}\n`.repeat(100);
const INDEX = `<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body>${"<p>fixture</p>".repeat(100)}</body></html>`;

let dist: string;
let server: Awaited<ReturnType<typeof startUiServer>>;

beforeAll(async () => {
  dist = mkdtempSync(path.join(os.tmpdir(), "clawscope-ui-server-"));
  mkdirSync(path.join(dist, "assets"));
  writeFileSync(path.join(dist, "index.html"), INDEX);
  writeFileSync(path.join(dist, "assets", "index-abc123.js"), SCRIPT);
  writeFileSync(path.join(dist, "assets", "index-abc123.js.map"), JSON.stringify({ version: 3, sources: ["src/secret-source.ts"], mappings: "" }));
  writeFileSync(path.join(dist, "assets", "style-def456.css"), STYLE);
  writeFileSync(path.join(dist, "assets", "tiny-0a1b2c.js"), "export {};\n");
  writeFileSync(path.join(dist, "favicon.svg"), `<svg xmlns="http://www.w3.org/2000/svg"/>`);
  await precompressDir(dist);
  server = await startUiServer({ port: 0, distDir: dist });
});

afterAll(async () => {
  await server?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe("precompressDir", () => {
  it("writes brotli and gzip copies of text files above 1 KB, and none of smaller ones", async () => {
    const written = await precompressDir(dist);
    expect(written.map((item) => item.file).sort()).toEqual(["assets/index-abc123.js", "assets/style-def456.css", "index.html"]);
    const script = written.find((item) => item.file === "assets/index-abc123.js");
    expect(script?.bytes).toBe(Buffer.byteLength(SCRIPT));
    expect(script!.br).toBeLessThan(script!.bytes / 10);
  });
});

describe("the UI server", () => {
  const IMMUTABLE = "public, max-age=31536000, immutable";

  it("sends a hashed script as brotli when the browser accepts it, immutable for a year", async () => {
    const answer = await get(`${server.url}assets/index-abc123.js`, { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(answer.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(answer.headers["cache-control"]).toBe(IMMUTABLE);
    expect(answer.headers.vary).toBe("Accept-Encoding");
    expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
    expect(brotliDecompressSync(answer.body).toString()).toBe(SCRIPT);
  });

  it("sends gzip when brotli is not accepted, or is refused with q=0", async () => {
    for (const accept of ["gzip, deflate", "br;q=0, gzip;q=0.8"]) {
      const answer = await get(`${server.url}assets/style-def456.css`, { "accept-encoding": accept });
      expect(answer.headers["content-encoding"]).toBe("gzip");
      expect(answer.headers["content-type"]).toBe("text/css; charset=utf-8");
      expect(answer.headers["cache-control"]).toBe(IMMUTABLE);
      expect(gunzipSync(answer.body).toString()).toBe(STYLE);
    }
  });

  it("sends the file as it is without Accept-Encoding, or when only an unknown encoding is accepted", async () => {
    for (const headers of [{}, { "accept-encoding": "identity" }, { "accept-encoding": "zstd" }] as Record<string, string>[]) {
      const answer = await get(`${server.url}assets/index-abc123.js`, headers);
      expect(answer.headers["content-encoding"]).toBeUndefined();
      expect(answer.headers.vary).toBe("Accept-Encoding");
      expect(answer.headers["content-length"]).toBe(String(Buffer.byteLength(SCRIPT)));
      expect(answer.body.toString()).toBe(SCRIPT);
    }
  });

  it("sends a file too small to compress as it is, still marked as varying", async () => {
    const answer = await get(`${server.url}assets/tiny-0a1b2c.js`, { "accept-encoding": "br, gzip" });
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.headers["cache-control"]).toBe(IMMUTABLE);
    expect(answer.body.toString()).toBe("export {};\n");
  });

  it("sends index.html compressed but never cached without asking, for / and for client-side routes", async () => {
    for (const route of ["", "index.html", "sessions/some-route"]) {
      const answer = await get(`${server.url}${route}`, { "accept-encoding": "br" });
      expect(answer.status).toBe(200);
      expect(answer.headers["content-encoding"]).toBe("br");
      expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(answer.headers["cache-control"]).toBe("no-cache");
      expect(brotliDecompressSync(answer.body).toString()).toBe(INDEX);
    }
  });

  it("answers HEAD with the headers of the encoded copy and no body", async () => {
    const answer = await get(`${server.url}assets/index-abc123.js`, { "accept-encoding": "gzip" }, "HEAD");
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(Number(answer.headers["content-length"])).toBeGreaterThan(0);
    expect(Number(answer.headers["content-length"])).toBeLessThan(Buffer.byteLength(SCRIPT));
    expect(answer.body.length).toBe(0);
  });

  it("does not serve source maps by default: a 404, not the map", async () => {
    const answer = await get(`${server.url}assets/index-abc123.js.map`, { "accept-encoding": "br, gzip" });
    expect(answer.status).toBe(404);
    expect(answer.body.toString()).toBe("Not Found");
    expect(answer.headers["cache-control"]).toBe("no-store");
  });

  it("serves source maps when asked to", async () => {
    const withMaps = await startUiServer({ port: 0, distDir: dist, serveSourceMaps: true });
    try {
      const answer = await get(`${withMaps.url}assets/index-abc123.js.map`);
      expect(answer.status).toBe(200);
      expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(JSON.parse(answer.body.toString()).sources).toEqual(["src/secret-source.ts"]);
    } finally {
      await withMaps.close();
    }
  });

  it("keeps a public file that is not hashed revalidated on every load", async () => {
    const answer = await get(`${server.url}favicon.svg`, { "accept-encoding": "br" });
    expect(answer.headers["cache-control"]).toBe("no-cache");
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.headers["content-type"]).toBe("image/svg+xml");
  });
});

describe("acceptedEncodings", () => {
  it("reads q-values, q=0 refusals and the wildcard", () => {
    const accepts = acceptedEncodings("gzip;q=0.5, br;q=0, *;q=0.1");
    expect(["br", "gzip", "deflate"].map(accepts)).toEqual([false, true, true]);
    expect(["br", "gzip"].map(acceptedEncodings(undefined))).toEqual([false, false]);
    expect(["br", "gzip"].map(acceptedEncodings(" BR , gzip ; q=1.0"))).toEqual([true, true]);
  });
});
