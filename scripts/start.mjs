#!/usr/bin/env node
// `npm start`: one command from a fresh clone to a working webchat. Installs what is
// missing, builds the UI if it is stale, serves it, and runs a real OpenClaw gateway
// against the scripted provider, showing the gateway's boot progress in the terminal
// and (through /__clawscope/embedded) in the page.
//
// Only node builtins are imported statically: this must run before `npm install`.

import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULTS = { uiPort: 5173, gatewayPort: 19789, providerPort: 19790, instance: ".clawscope/embedded" };

const HELP = `Usage: npm start [-- options]

Starts the Clawscope UI and an embedded OpenClaw gateway with a scripted model.

Options:
  --port N            UI port (default ${DEFAULTS.uiPort}, or env CLAWSCOPE_PORT)
  --gateway URL       use an existing gateway (ws://HOST:PORT) instead of the embedded one;
                      its token comes from env OPENCLAW_GATEWAY_TOKEN
  --dev               run Vite's dev server (hot reload) instead of the production build
  --fresh             wipe the embedded gateway's state (sessions, history) first
  --gateway-port N    embedded gateway port (default ${DEFAULTS.gatewayPort})
  --provider-port N   scripted model provider port (default ${DEFAULTS.providerPort})
  --instance DIR      embedded gateway folder (default ${DEFAULTS.instance})
  --dist DIR          serve this folder instead of building dist/
  -h, --help          show this help`;

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {Record<string, string | boolean>} */
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "-h" || arg === "--help") out.help = true;
    else if (arg === "--dev" || arg === "--fresh") out[arg.slice(2)] = true;
    else if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      if (!["port", "gateway", "gateway-port", "provider-port", "instance", "dist"].includes(name)) throw new Error(`Unknown option ${arg} (see --help)`);
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value.startsWith("--")) throw new Error(`Option --${name} needs a value`);
      out[name] = value;
    } else throw new Error(`Unexpected argument ${arg} (see --help)`);
  }
  return out;
}

/** @param {string | boolean | undefined} value @param {number} fallback @param {string} name */
function portOption(value, fallback, name) {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name} must be a port number, got ${value}`);
  return n;
}

const t0 = Date.now();
const stamp = () => `[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s]`;
const say = (/** @type {string} */ line) => console.log(`${stamp()} ${line}`);

/** @param {string} cmd @param {string[]} args @returns {Promise<void>} */
function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: "inherit" });
    child.on("error", (err) => reject(new Error(`could not run ${cmd}: ${err.message}`)));
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`\`${path.basename(cmd)} ${args.join(" ")}\` failed (${signal ?? `exit ${code}`})`))));
  });
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

async function ensureDependencies() {
  if (existsSync(path.join(ROOT, "node_modules", "vite", "package.json"))) return;
  const ci = existsSync(path.join(ROOT, "package-lock.json"));
  say(`node_modules is missing: running \`npm ${ci ? "ci" : "install"}\` (first run; this also installs the gateway runtime)…`);
  if (!ci) {
    await run(npm, ["install", "--no-audit", "--no-fund"]);
    return;
  }
  try {
    await run(npm, ["ci", "--no-audit", "--no-fund"]);
  } catch (error) {
    // Typically a lockfile that does not match what this registry offers (e.g. a mirror
    // without some platform-specific optional packages); install without rewriting it.
    say(`${/** @type {Error} */ (error).message}; retrying with \`npm install --no-save\` (package-lock.json is left unchanged)…`);
    await run(npm, ["install", "--no-audit", "--no-fund", "--no-save"]);
  }
}

/** Newest mtime under the given paths (files or folders). @param {string[]} paths */
function newestMtime(paths) {
  let newest = 0;
  /** @param {string} p */
  const visit = (p) => {
    let s;
    try {
      s = statSync(p);
    } catch {
      return;
    }
    if (s.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== "node_modules" && !name.startsWith(".")) visit(path.join(p, name));
    } else newest = Math.max(newest, s.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

async function ensureBuild() {
  const built = path.join(ROOT, "dist", "index.html");
  const inputs = ["src", "public", "index.html", "vite.config.ts"].map((p) => path.join(ROOT, p));
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  if (builtAt && builtAt >= newestMtime(inputs)) {
    say("UI build is up to date (dist/)");
    return;
  }
  say(builtAt ? "UI sources changed: rebuilding dist/ (vite build)…" : "no UI build yet: building dist/ (vite build)…");
  try {
    await run(process.execPath, [path.join(ROOT, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"]);
  } catch (error) {
    throw Object.assign(new Error(`The UI build failed: ${/** @type {Error} */ (error).message}.`), {
      hint: "Fix the build error shown above, then run `npm start` again (`npx vite build` reproduces it).",
    });
  }
  say("UI built");
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(HELP);
    return;
  }
  const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    throw Object.assign(new Error(`Node ${process.versions.node} is too old.`), { hint: "Use Node 20.19 or newer for `npm start` (the gateway brings its own Node 24)." });
  }
  const uiPort = portOption(opts.port ?? process.env.CLAWSCOPE_PORT, DEFAULTS.uiPort, "--port");
  const gatewayPort = portOption(opts["gateway-port"], DEFAULTS.gatewayPort, "--gateway-port");
  const providerPort = portOption(opts["provider-port"], DEFAULTS.providerPort, "--provider-port");
  const instanceRel = typeof opts.instance === "string" ? opts.instance : DEFAULTS.instance;
  const external = typeof opts.gateway === "string" ? opts.gateway : null;
  if (external && !/^wss?:\/\/[^/\s]+/.test(external)) throw new Error(`--gateway must be a ws:// or wss:// URL, got ${external}`);

  /** @type {import("./vite-embedded-info.mjs").EmbeddedInfo} */
  const info = {
    mode: external ? "external" : "embedded",
    phase: external ? "ready" : "starting-provider",
    message: external ? `Using the gateway at ${external}` : "Starting…",
    startedAt: Date.now(),
    updatedAt: Date.now(),
    gatewayUrl: external,
    token: null,
    instance: external ? "external" : instanceRel,
  };
  const externalToken = external ? process.env.OPENCLAW_GATEWAY_TOKEN?.trim() || null : null;
  /** @type {string | null} */
  let gatewayToken = null;
  /** @param {Partial<typeof info>} patch */
  const update = (patch) => Object.assign(info, patch, { updatedAt: Date.now() });
  // The token leaves this process only through the loopback-only info endpoint, once ready.
  const getEmbeddedInfo = () => ({ ...info, token: info.phase === "ready" ? (external ? externalToken : gatewayToken) : null });

  /** @type {Array<{ name: string, stop: () => Promise<unknown> }>} */
  const running = [];
  /** @type {import("./embedded-gateway.mjs").EmbeddedGateway | null} */
  let gateway = null;
  let gatewayPid = /** @type {number | null} */ (null);
  const startup = new AbortController();
  let stopping = false;

  /** @type {Promise<void>} */
  let booting = Promise.resolve();

  /** @param {number} code */
  async function shutdown(code) {
    if (!external && info.phase !== "failed") update({ phase: "stopping", message: "Clawscope is stopping", gatewayUrl: null });
    startup.abort();
    // A gateway still booting is stopped by its own startup path once aborted.
    await booting;
    for (const item of running.reverse()) {
      if (item.name === "gateway") say("stopping the gateway (it first finishes runs in flight, up to 25 s; Ctrl-C again to force)…");
      try {
        await item.stop();
      } catch (error) {
        console.error(`${stamp()} could not stop ${item.name}: ${/** @type {Error} */ (error).message}`);
      }
    }
    gatewayPid = null;
    process.exit(code);
  }

  /** @param {NodeJS.Signals} sig */
  const onSignal = (sig) => {
    if (stopping) {
      console.log(`\n${stamp()} ${sig} again: killing the gateway now`);
      if (gatewayPid) {
        try {
          process.kill(-gatewayPid, "SIGKILL");
        } catch {
          /* gone */
        }
      }
      return;
    }
    stopping = true;
    console.log(`\n${stamp()} stopping… (press Ctrl-C again to force)`);
    void shutdown(0);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal);

  /** @type {(Error & { hint?: string }) | null} */
  let failure = null;
  booting = boot().catch((error) => {
    if (!stopping) failure = error;
  });

  async function boot() {
    await ensureDependencies();
    if (!external) {
      const { ensureGatewayRuntime } = await import("./install-gateway-runtime.mjs");
      await ensureGatewayRuntime({ root: ROOT, log: (line) => say(line.replace(/^\[gateway-runtime\] /, "gateway runtime: ")) });
    }
    if (stopping) return;

    // UI first, so the page can show the gateway's boot progress.
    const dev = opts.dev === true;
    let uiUrl;
    if (dev) {
      const { createServer } = await import("vite");
      const { embeddedGatewayInfoPlugin } = await import("./vite-embedded-info.mjs");
      const server = await createServer({
        root: ROOT,
        server: { host: "127.0.0.1", port: uiPort, strictPort: true },
        plugins: [embeddedGatewayInfoPlugin(getEmbeddedInfo)],
      });
      try {
        await server.listen();
      } catch (error) {
        await server.close();
        throw /** @type {NodeJS.ErrnoException} */ (error).code === "EADDRINUSE" || /already in use/i.test(String(error))
          ? Object.assign(new Error(`Port ${uiPort} is already in use (is Clawscope already running?).`), { hint: "Stop the other process or pick another port: npm start -- --port N" })
          : error;
      }
      running.push({ name: "Vite dev server", stop: () => server.close() });
      uiUrl = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${uiPort}/`;
    } else {
      const distDir = typeof opts.dist === "string" ? path.resolve(opts.dist) : path.join(ROOT, "dist");
      if (typeof opts.dist !== "string") await ensureBuild();
      if (stopping) return;
      const { startUiServer } = await import("./ui-server.mjs");
      const ui = await startUiServer({ host: "127.0.0.1", port: uiPort, distDir, getEmbeddedInfo }).catch((error) => {
        throw Object.assign(error, { hint: "Stop the other process or pick another port: npm start -- --port N" });
      });
      running.push({ name: "UI server", stop: () => ui.close() });
      uiUrl = ui.url;
    }
    console.log(`\n  Clawscope is running at  \x1b[1m${uiUrl}\x1b[0m${dev ? "  (dev server, hot reload)" : ""}\n`);

    if (external) {
      say(`using the external gateway ${external} (${externalToken ? "token from OPENCLAW_GATEWAY_TOKEN" : "no OPENCLAW_GATEWAY_TOKEN set: the page will ask for it"})`);
      say("press Ctrl-C to stop");
      return;
    }

    update({ phase: "starting-provider", message: "Starting the scripted model provider" });
    const { startScriptedProvider } = await import("./scripted-provider.mjs");
    const provider = await startScriptedProvider({ port: providerPort, log: (line) => say(line) }).catch((error) => {
      throw Object.assign(error, { hint: `Free port ${providerPort} or pick another: npm start -- --provider-port N` });
    });
    running.push({ name: "scripted provider", stop: () => provider.close() });
    say(`scripted model provider on ${provider.url}/v1 (cues: fake:text, fake:tool, fake:429x2, …)`);
    if (stopping) return;

    update({ phase: "starting-gateway", message: "Starting the OpenClaw gateway (usually 15–25 s)" });
    say(`starting the OpenClaw gateway on ws://127.0.0.1:${gatewayPort} (instance ${instanceRel}; usually 15–25 s)…`);
    const { startEmbeddedGateway } = await import("./embedded-gateway.mjs");
    const uiOrigin = new URL(uiUrl).origin;
    const gatewayHint = (/** @type {Error} */ error) =>
      Object.assign(error, {
        hint: /already in use/.test(error.message)
          ? `Free port ${gatewayPort} or pick another: npm start -- --gateway-port N`
          : `Read ${path.join(instanceRel, "logs", "gateway-console.log")}; if the gateway state is damaged, run \`npm start -- --fresh\``,
      });
    gateway = await startEmbeddedGateway({
      instanceDir: path.resolve(ROOT, instanceRel),
      gatewayPort,
      providerUrl: provider.url,
      allowedOrigins: [...new Set([uiOrigin, `http://127.0.0.1:${uiPort}`, `http://localhost:${uiPort}`])],
      fresh: opts.fresh === true,
      signal: startup.signal,
      onProgress: (p) => {
        if (p.pid) gatewayPid = p.pid;
        if (p.phase === "ready") return;
        say(`gateway: ${p.message} (${(p.elapsedMs / 1000).toFixed(1)}s)`);
        if (p.phase !== "failed") update({ message: `Gateway: ${p.message} (${Math.round(p.elapsedMs / 1000)} s)` });
      },
      onExit: ({ code, signal, expected }) => {
        // Failures before "ready" surface as the startup error instead.
        if (expected || stopping || info.phase !== "ready") return;
        const why = signal ?? `exit code ${code}`;
        console.error(`${stamp()} the gateway exited unexpectedly (${why}). Log: ${path.relative(ROOT, gateway?.logFile ?? "")}`);
        console.error(`${stamp()} next step: press Ctrl-C and run \`npm start\` again (add -- --fresh to reset its state)`);
        gatewayPid = null;
        update({ phase: "failed", message: `The gateway exited unexpectedly (${why}). Restart npm start.`, gatewayUrl: null });
      },
    }).catch((error) => {
      throw gatewayHint(error);
    });
    const gw = gateway;
    gatewayPid = gw.pid;
    gatewayToken = gw.token;
    running.push({ name: "gateway", stop: () => gw.stop() });
    if (stopping) return;
    update({ phase: "ready", message: "Gateway ready", gatewayUrl: gw.url });
    say(`gateway ready on ${gw.url} — open ${uiUrl}`);
    say(`gateway log: ${path.relative(ROOT, gw.logFile)}; press Ctrl-C to stop`);
  }

  await booting;
  if (failure && !stopping) {
    stopping = true;
    const err = /** @type {Error & { hint?: string }} */ (failure);
    update({ phase: "failed", message: err.message.split("\n")[0] });
    console.error(`\n${stamp()} ERROR: ${err.message}`);
    console.error(`${stamp()} next step: ${err.hint ?? "fix the cause above and run `npm start` again"}`);
    console.error(`${stamp()} stopping what was started…`);
    await shutdown(1);
  }
}

main().catch((error) => {
  console.error(`ERROR: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
