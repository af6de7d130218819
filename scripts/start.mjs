#!/usr/bin/env node
// `npm start`: one command from a fresh clone to a working webchat. Installs what is
// missing, builds the UI if it is stale, serves it, and runs a real OpenClaw gateway
// against the scripted provider, showing the gateway's boot progress in the terminal
// and (through /__clawscope/embedded) in the page.
//
// Static imports are node builtins and local modules that use only builtins: this must run
// before `npm install`. Whatever needs a dependency is imported once it is installed.

import path from "node:path";
import { fileURLToPath } from "node:url";
import { signalProcessGroup } from "./lib/signals.mjs";
import { createEmbeddedInfo } from "./start/embedded-info.mjs";
import { HELP, parseArgs, resolveOptions } from "./start/options.mjs";
import { assertSupportedNode, ensureBuild, ensureDependencies } from "./start/prerequisites.mjs";
import { say, stamp } from "./start/terminal.mjs";
import { startBuiltUiServer, startViteDevServer } from "./start/ui.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(HELP);
    return;
  }
  assertSupportedNode();
  const { uiPort, gatewayPort, providerPort, instanceRel, external, dev, fresh, dist } = resolveOptions(opts, process.env);

  const externalToken = external ? process.env.OPENCLAW_GATEWAY_TOKEN?.trim() || null : null;
  const info = createEmbeddedInfo({ external, instance: instanceRel, externalToken });

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
    if (!external && info.phase() !== "failed") info.update({ phase: "stopping", message: "Clawscope is stopping", gatewayUrl: null });
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
      if (gatewayPid) signalProcessGroup(gatewayPid, "SIGKILL");
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
    await ensureDependencies(ROOT);
    if (!external) {
      const { ensureGatewayRuntime } = await import("./install-gateway-runtime.mjs");
      await ensureGatewayRuntime({ root: ROOT, log: (line) => say(line.replace(/^\[gateway-runtime\] /, "gateway runtime: ")) });
    }
    if (stopping) return;

    if (!dev && dist === null) await ensureBuild(ROOT);
    if (stopping) return;
    const ui = dev
      ? await startViteDevServer(ROOT, uiPort, info.get)
      : await startBuiltUiServer(dist === null ? path.join(ROOT, "dist") : path.resolve(dist), uiPort, info.get);
    running.push(ui);
    const uiUrl = ui.url;
    console.log(`\n  Clawscope is running at  \x1b[1m${uiUrl}\x1b[0m${dev ? "  (dev server, hot reload)" : ""}\n`);

    if (external) {
      say(`using the external gateway ${external} (${externalToken ? "token from OPENCLAW_GATEWAY_TOKEN" : "no OPENCLAW_GATEWAY_TOKEN set: the page will ask for it"})`);
      say("press Ctrl-C to stop");
      return;
    }

    info.update({ phase: "starting-provider", message: "Starting the scripted model provider" });
    const { startScriptedProvider } = await import("./scripted-provider.mjs");
    const provider = await startScriptedProvider({ port: providerPort, log: (line) => say(line) }).catch((error) => {
      throw Object.assign(error, { hint: `Free port ${providerPort} or pick another: npm start -- --provider-port N` });
    });
    running.push({ name: "scripted provider", stop: () => provider.close() });
    say(`scripted model provider on ${provider.url}/v1 (cues: fake:text, fake:tool, fake:429x2, …)`);
    if (stopping) return;

    info.update({ phase: "starting-gateway", message: "Starting the OpenClaw gateway (usually 15–25 s)" });
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
      fresh,
      signal: startup.signal,
      onProgress: (p) => {
        if (p.pid) gatewayPid = p.pid;
        if (p.phase === "ready") return;
        say(`gateway: ${p.message} (${(p.elapsedMs / 1000).toFixed(1)}s)`);
        if (p.phase !== "failed") info.update({ message: `Gateway: ${p.message} (${Math.round(p.elapsedMs / 1000)} s)` });
      },
      onExit: ({ code, signal, expected }) => {
        // Failures before "ready" surface as the startup error instead.
        if (expected || stopping || info.phase() !== "ready") return;
        const why = signal ?? `exit code ${code}`;
        console.error(`${stamp()} the gateway exited unexpectedly (${why}). Log: ${path.relative(ROOT, gateway?.logFile ?? "")}`);
        console.error(`${stamp()} next step: press Ctrl-C and run \`npm start\` again (add -- --fresh to reset its state)`);
        gatewayPid = null;
        info.update({ phase: "failed", message: `The gateway exited unexpectedly (${why}). Restart npm start.`, gatewayUrl: null });
      },
    }).catch((error) => {
      throw gatewayHint(error);
    });
    const gw = gateway;
    gatewayPid = gw.pid;
    info.setGatewayToken(gw.token);
    running.push({ name: "gateway", stop: () => gw.stop() });
    if (stopping) return;
    info.update({ phase: "ready", message: "Gateway ready", gatewayUrl: gw.url });
    say(`gateway ready on ${gw.url} — open ${uiUrl}`);
    say(`gateway log: ${path.relative(ROOT, gw.logFile)}; press Ctrl-C to stop`);
  }

  await booting;
  if (failure && !stopping) {
    stopping = true;
    const err = /** @type {Error & { hint?: string }} */ (failure);
    info.update({ phase: "failed", message: err.message.split("\n")[0] });
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
