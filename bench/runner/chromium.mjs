// Headless Chromium for the bench page: a static server for the built page (cross-origin isolated),
// the browser and its pages, and the fold and replay benchmarks run in the page.
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

const MIME = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json" };

function serve(dir) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "content-type": MIME[path.extname(file)] ?? "application/octet-stream",
      // Cross-origin isolation gives the page a 5 µs performance.now() instead of 100 µs.
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-embedder-policy": "require-corp",
    });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}


export async function withBrowser(cacheDir, work) {
  const { chromium } = await import("@playwright/test");
  const server = await serve(path.join(cacheDir, "render"));
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const browser = await chromium.launch({
    executablePath: existsSync(executablePath) ? executablePath : undefined,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-renderer-backgrounding",
      "--disable-background-timer-throttling",
      "--js-flags=--expose-gc",
    ],
  });
  const viewport = { width: 1440, height: 900 };
  const openPage = async () => {
    const page = await browser.newPage({ viewport });
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const { port } = server.address();
    await page.goto(`http://127.0.0.1:${port}/bench/render/index.html`);
    await page.waitForFunction(() => globalThis.clawscopeBench !== undefined, null, { timeout: 60_000 }).catch(() => {
      throw new Error(`bench page did not start: ${errors.join("; ") || "no error reported"}`);
    });
    if (!(await page.evaluate(() => globalThis.crossOriginIsolated))) process.stderr.write("  (page not cross-origin isolated: timer resolution 100 µs)\n");
    return { page, errors };
  };
  try {
    return await work({ openPage, browser: `Chromium ${browser.version()}`, viewport: `${viewport.width}×${viewport.height}` });
  } finally {
    await browser.close();
    server.close();
  }
}

export async function runBrowserModelBench(openPage, samples, quick, only) {
  const { page, errors } = await openPage();
  try {
    const result = await page.evaluate((options) => globalThis.clawscopeBench.model(options), { samples, quick, only });
    if (errors.length > 0) throw new Error(`bench page errors: ${errors.join("; ")}`);
    for (const entry of result.entries) process.stderr.write(`  ✓ ${entry.label.trim()} · Chromium\n`);
    return result;
  } finally {
    await page.close();
  }
}
