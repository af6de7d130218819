/**
 * Starts, once for the whole run: the scripted provider, the real OpenClaw
 * gateway on a fresh state folder, and the UI's production build. A small
 * loopback control endpoint lets specs restart or kill the gateway the way a
 * user's machine would (SIGTERM, SIGKILL), without a gateway per test.
 */
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { startEmbeddedGateway } from "../../scripts/embedded-gateway.mjs";
import { startScriptedProvider } from "../../scripts/scripted-provider.mjs";
import { startUiServer } from "../../scripts/ui-server.mjs";
import { E2E_DIST, E2E_INSTANCE, E2E_PORTS } from "./ports";

const ROOT = path.resolve(import.meta.dirname, "../..");

function log(line: string) {
  process.stdout.write(`[e2e] ${line}\n`);
}

export default async function globalSetup() {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    throw new Error(`No Chromium at ${chromium}. Install Debian's package: apt-get update && apt-get install -y chromium`);
  }
  const distDir = path.resolve(ROOT, E2E_DIST);
  if (!existsSync(path.join(distDir, "index.html"))) throw new Error("No UI build in dist/. Run `npx vite build` (npm run test:e2e does).");

  const started = Date.now();
  const provider = await startScriptedProvider({ port: E2E_PORTS.provider });
  log(`scripted provider on ${provider.url}`);
  const origins = [`http://127.0.0.1:${E2E_PORTS.ui}`, `http://localhost:${E2E_PORTS.ui}`];
  const gateway = await startEmbeddedGateway({
    instanceDir: path.join(ROOT, ".clawscope", E2E_INSTANCE),
    gatewayPort: E2E_PORTS.gateway,
    providerUrl: provider.url,
    allowedOrigins: origins,
    fresh: true,
    onProgress: ({ phase, elapsedMs }: { phase: string; elapsedMs: number }) => log(`gateway ${phase} (${Math.round(elapsedMs / 1000)} s)`),
  });
  log(`gateway ready on ${gateway.url} after ${Math.round((Date.now() - started) / 1000)} s`);

  const ui = await startUiServer({
    port: E2E_PORTS.ui,
    distDir,
    getEmbeddedInfo: () => ({
      mode: "embedded",
      phase: "ready",
      message: "Gateway ready",
      startedAt: started,
      updatedAt: Date.now(),
      gatewayUrl: gateway.url,
      token: gateway.token,
      instance: E2E_INSTANCE,
    }),
  });
  log(`UI on ${ui.url}`);

  // Specs drive the gateway through here: POST /gateway/{sigterm,sigkill,start,restart,restart-in-place,ensure-running}.
  const control = http.createServer(async (req, res) => {
    try {
      const action = req.url?.replace(/^\/gateway\//, "");
      if (req.method !== "POST" || !action) throw new Error(`unknown control request ${req.method} ${req.url}`);
      if (action === "sigterm" || action === "sigkill") {
        gateway.signal(action === "sigterm" ? "SIGTERM" : "SIGKILL");
        await gateway.waitForExit(action === "sigterm" ? 330_000 : 10_000);
      } else if (action === "start" || action === "restart") {
        if (action === "restart") {
          gateway.signal("SIGTERM");
          await gateway.waitForExit(330_000);
        }
        await gateway.restart({ fresh: false });
      } else if (action === "ensure-running") {
        if (await gateway.waitForExit(0)) await gateway.restart({ fresh: false });
      } else if (action === "signal-term-nowait") {
        gateway.signal("SIGTERM");
      } else if (action === "restart-in-place") {
        // OpenClaw restarts in its own process on SIGUSR2 (as after a config change): the socket closes 1012, the pid stays.
        gateway.signal("SIGUSR2");
      } else {
        throw new Error(`unknown action ${action}`);
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true }));
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ ok: false, error: String(error) }));
    }
  });
  await new Promise<void>((resolve) => control.listen(E2E_PORTS.control, "127.0.0.1", resolve));
  // Workers inherit these; only the Node-side set-up client (gateway-admin.ts) reads the token.
  process.env.CLAWSCOPE_E2E_GATEWAY_URL = gateway.url;
  process.env.CLAWSCOPE_E2E_GATEWAY_TOKEN = gateway.token;

  return async () => {
    log("stopping");
    control.close();
    await ui.close();
    await gateway.stop();
    await provider.close();
  };
}
