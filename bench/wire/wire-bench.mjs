// `npm run bench -- --only wire`: the bytes a browser downloads to open a chat, Clawscope beside
// OpenClaw's own Control UI, both served to the same headless Chromium (fresh cache each time) and
// talking to the same embedded gateway.
//
// Clawscope is built with the project's vite.config.ts (so with its precompressed copies) and served
// by scripts/ui-server.mjs, as `npm start` does; the Control UI is served by the gateway itself on
// its HTTP port. A side counts every response until its chat's message box is on screen and the
// network has been quiet for a second: bytes as they came over the wire (the encoded body, i.e.
// compressed as served), script bytes for the headline and all bytes (HTML, CSS, JS, fonts, images)
// beside it.
import { existsSync, mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";

const QUIET_MS = 1000;
const OPEN_TIMEOUT_MS = 90_000;

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Waits until no request has been in flight for QUIET_MS. */
async function networkQuiet(page) {
  let inFlight = 0;
  let lastChange = Date.now();
  const bump = (delta) => () => {
    inFlight += delta;
    lastChange = Date.now();
  };
  page.on("request", bump(1));
  page.on("requestfinished", bump(-1));
  page.on("requestfailed", bump(-1));
  while (inFlight > 0 || Date.now() - lastChange < QUIET_MS) await new Promise((resolve) => setTimeout(resolve, 100));
}

/**
 * Opens `url` in a fresh browser context, waits for `ready`, and sums what came over the wire.
 * @returns {Promise<{ scriptBytes: number, allBytes: number, scripts: number, requests: number, encodings: string[] }>}
 */
async function measureOpen(browser, url, ready) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  /** @type {Promise<void>[]} */
  const pending = [];
  const totals = { scriptBytes: 0, allBytes: 0, scripts: 0, requests: 0, encodings: new Set() };
  page.on("requestfinished", (request) => {
    pending.push(
      (async () => {
        const sizes = await request.sizes().catch(() => null);
        const response = await request.response().catch(() => null);
        if (!sizes || !response) return;
        const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        totals.requests += 1;
        totals.allBytes += bytes;
        if (request.resourceType() === "script") {
          totals.scripts += 1;
          totals.scriptBytes += bytes;
          totals.encodings.add((await response.headerValue("content-encoding")) ?? "identity");
        }
      })(),
    );
  });
  try {
    await page.goto(url);
    await ready(page);
    await networkQuiet(page);
    await Promise.all(pending);
    return { ...totals, encodings: [...totals.encodings].sort() };
  } finally {
    await context.close();
  }
}

async function launchBrowser() {
  const { chromium } = await import("@playwright/test");
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  return chromium.launch({
    executablePath: existsSync(executablePath) ? executablePath : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * @typedef {{ browser: import("@playwright/test").Browser, ui: { url: string }, gateway: { url: string, httpUrl: string, token: string } }} WireSetup
 */

/**
 * Clawscope built as `npm start` serves it, the scripted provider, the embedded gateway (which serves
 * the Control UI) and headless Chromium, for `work`; everything is stopped afterwards. Shared by the
 * wire benches (this file's bytes, history-bench.mjs's long session), so one gateway start serves both.
 * @template T
 * @param {{ root: string, cacheDir: string, log: (line: string) => void }} options
 * @param {(setup: WireSetup) => Promise<T>} work
 * @returns {Promise<T>}
 */
export async function withWireSetup({ root, cacheDir, log }, work) {
  const { build } = await import("vite");
  const distDir = path.join(cacheDir, "wire-ui");
  log("  building Clawscope as `npm start` serves it…");
  await build({ configFile: path.join(root, "vite.config.ts"), root, logLevel: "warn", build: { outDir: distDir, emptyOutDir: true } });

  const { startScriptedProvider } = await import(path.join(root, "scripts", "scripted-provider.mjs"));
  const { startEmbeddedGateway } = await import(path.join(root, "scripts", "embedded-gateway.mjs"));
  const { startUiServer } = await import(path.join(root, "scripts", "ui-server.mjs"));

  const provider = await startScriptedProvider({ port: 0 });
  /** @type {any} */
  let gateway = null;
  const ui = await startUiServer({
    port: 0,
    distDir,
    getEmbeddedInfo: () =>
      gateway && {
        mode: "embedded",
        phase: "ready",
        message: "Gateway ready",
        startedAt: Date.now(),
        updatedAt: Date.now(),
        gatewayUrl: gateway.url,
        token: gateway.token,
        instance: "bench-wire",
      },
  });
  const browser = await launchBrowser();
  try {
    const instanceDir = path.join(root, ".clawscope", "bench-wire");
    mkdirSync(path.dirname(instanceDir), { recursive: true });
    log("  starting the embedded gateway (it serves the Control UI)…");
    gateway = await startEmbeddedGateway({
      instanceDir,
      gatewayPort: await freePort(),
      providerUrl: provider.url,
      allowedOrigins: [ui.url.replace(/\/$/, "")],
      fresh: !existsSync(instanceDir),
    });
    return await work({ browser, ui, gateway });
  } finally {
    await browser.close();
    await ui.close();
    await gateway?.stop();
    await provider.close();
  }
}

/** Clawscope's URL for a session. */
export function clawscopeUrl(setup, sessionKey) {
  return `${setup.ui.url}?session=${encodeURIComponent(sessionKey)}`;
}

/** The Control UI's URL for a chat path (e.g. `/chat/main`), signed in with the gateway token in the fragment, which the Control UI reads. */
export function controlUiUrl(setup, chatPath) {
  return `${setup.gateway.httpUrl}${chatPath}#token=${setup.gateway.token}`;
}

/**
 * @param {WireSetup} setup
 * @param {number} samples
 * @returns {Promise<{ candidate: Awaited<ReturnType<typeof measureOpen>>[], baseline: Awaited<ReturnType<typeof measureOpen>>[] }>}
 */
export async function runWireBench(setup, samples) {
  const { browser } = setup;
  const clawscope = () =>
    measureOpen(browser, clawscopeUrl(setup, "agent:main:main"), async (page) => {
      await page.getByRole("status", { name: "Gateway connection" }).filter({ hasText: "Connected" }).waitFor({ timeout: OPEN_TIMEOUT_MS });
      await page.getByRole("textbox", { name: "Message" }).waitFor({ timeout: OPEN_TIMEOUT_MS });
    });
  const controlUi = () =>
    // The Control UI opens only sessions that exist: both sides open the agent's main session.
    measureOpen(browser, controlUiUrl(setup, "/chat/main"), async (page) => {
      await page.getByRole("textbox", { name: "Chat composer" }).waitFor({ timeout: OPEN_TIMEOUT_MS });
    });

  const sides = { candidate: [], baseline: [] };
  // One warm-up each: the gateway's first connection of a kind pays for its own start-up, not the page.
  await clawscope();
  await controlUi();
  for (let index = 0; index < samples; index += 1) {
    const order = index % 2 === 0 ? ["candidate", "baseline"] : ["baseline", "candidate"];
    for (const side of order) sides[side].push(await (side === "candidate" ? clawscope() : controlUi()));
  }
  return sides;
}

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/** The bench table's rows: script bytes (the headline) and all bytes, candidate ÷ baseline. */
export function wireEntries(sides, summarize) {
  const last = (side) => sides[side].at(-1);
  const common = {
    unit: "bytes",
    details: {
      samples: `${sides.candidate.length} per side`,
      scripts: `${last("candidate").scripts} vs ${last("baseline").scripts} files`,
      encodings: `${last("candidate").encodings.join("+")} vs ${last("baseline").encodings.join("+")}`,
      requests: `${last("candidate").requests} vs ${last("baseline").requests}`,
    },
  };
  return [
    {
      id: "wire-open-chat",
      label: "JS on the wire to open a chat",
      ...common,
      candidate: summarize(sides.candidate.map((sample) => sample.scriptBytes)),
      baseline: summarize(sides.baseline.map((sample) => sample.scriptBytes)),
      candidateWhat: `script bytes (encoded bodies + headers, compressed as served) Chromium downloads with an empty cache to open Clawscope's chat until its message box shows and the network is quiet for ${QUIET_MS} ms, served by scripts/ui-server.mjs`,
      baselineWhat: "the same for OpenClaw's own Control UI, served by the same embedded gateway on its HTTP port, until its chat's message box shows",
    },
    {
      id: "wire-open-chat.all",
      label: "  · all bytes (HTML, CSS, JS, fonts, images)",
      ...common,
      candidate: summarize(sides.candidate.map((sample) => sample.allBytes)),
      baseline: summarize(sides.baseline.map((sample) => sample.allBytes)),
    },
  ];
}

export const formatBytes = kB;
