// Runs the real OpenClaw gateway (openclaw@2026.9.6 under the pinned Node 24) on
// loopback, fully contained in a project-local instance folder, talking to the
// scripted provider. Used by `npm start` and by the e2e harness.
//
// Facts this relies on (see /work/shared/real-gateway.md):
// - boot takes 12–26 s on a small machine; `GET /readyz` says `{"ready":true}` when done;
// - SIGTERM drains in-flight runs (can take minutes with a retry ladder), so stop()
//   escalates to SIGKILL of the whole process group after a grace period;
// - the gateway spawns helpers with the same Node binary, so Node 24 goes first on PATH;
// - its spawn broker (which runs tool commands) lives in its own session and can
//   outlive a killed gateway for a while, so stop() also sweeps the instance's processes.

import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, statSync, writeFileSync } from "node:fs";
import { buildConfig, gatewayEnvironment } from "./embedded-gateway/config.mjs";
import { followBootMilestones, readLogTail } from "./embedded-gateway/console-log.mjs";
import { assertSafeInstanceDir, instanceLayout, prepareInstanceFolders, readOrCreateToken } from "./embedded-gateway/instance.mjs";
import { findInstanceProcesses, groupAlive, sweepInstance } from "./embedded-gateway/instance-processes.mjs";
import { gatewayRuntimePaths } from "./install-gateway-runtime.mjs";
import { isPortInUse } from "./lib/ports.mjs";
import { signalProcess, signalProcessGroup } from "./lib/signals.mjs";
import { sleep, waitUntil } from "./lib/wait.mjs";


// A cold start on a busy 2-core machine has been seen to take well over a minute.
const READY_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 25_000;

/**
 * @typedef {{ phase: string, message: string, elapsedMs: number, pid: number | null }} GatewayProgress
 * @typedef {{
 *   instanceDir: string, gatewayPort: number, providerUrl: string, allowedOrigins?: string[],
 *   fresh?: boolean, onProgress?: (p: GatewayProgress) => void,
 *   onExit?: (e: { code: number | null, signal: NodeJS.Signals | null, expected: boolean }) => void,
 *   readyTimeoutMs?: number, signal?: AbortSignal,
 * }} EmbeddedGatewayOptions
 */

/** @param {string} url @returns {Promise<boolean>} */
async function probeReady(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    const body = await res.json().catch(() => null);
    return res.ok && body?.ready === true;
  } catch {
    return false;
  }
}

/**
 * Starts the real gateway and resolves once it is ready for connections.
 * @param {EmbeddedGatewayOptions} options
 */
export async function startEmbeddedGateway(options) {
  const { instanceDir, gatewayPort, providerUrl, onProgress, onExit } = options;
  const allowedOrigins = options.allowedOrigins ?? ["http://127.0.0.1:5173", "http://localhost:5173"];
  const readyTimeoutMs = options.readyTimeoutMs ?? READY_TIMEOUT_MS;
  if (!instanceDir || !Number.isInteger(gatewayPort) || !providerUrl) {
    throw new Error("startEmbeddedGateway needs instanceDir, gatewayPort and providerUrl");
  }
  const l = instanceLayout(instanceDir);
  assertSafeInstanceDir(l.dir);
  const runtime = gatewayRuntimePaths();
  if (!existsSync(runtime.nodeBinary) || !existsSync(runtime.openclawEntry)) {
    throw new Error("The gateway runtime is not installed. Run: node scripts/install-gateway-runtime.mjs");
  }

  mkdirSync(l.dir, { recursive: true });
  const token = readOrCreateToken(l.tokenFile);

  /** @type {import("node:child_process").ChildProcess | null} */
  let child = null;
  /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }> | null} */
  let exited = null;
  let stopping = false;

  // If the host process dies (uncaught error, process.exit) the detached gateway would live on.
  const killOnHostExit = () => {
    if (child?.pid) signalProcessGroup(child.pid, "SIGKILL");
    for (const pid of findInstanceProcesses(l.state)) signalProcess(pid, "SIGKILL");
  };
  process.on("exit", killOnHostExit);

  /** @param {boolean} fresh */
  async function launch(fresh) {
    const started = Date.now();
    const progress = (/** @type {string} */ phase, /** @type {string} */ message) =>
      onProgress?.({ phase, message, elapsedMs: Date.now() - started, pid: child?.pid ?? null });

    child = null;
    // A gateway of this instance can outlive a crashed `npm start` or test run.
    const leftovers = await sweepInstance(l.state, 10_000);
    if (leftovers) progress("cleanup", `stopped ${leftovers} process(es) left over from an earlier run of this instance`);
    prepareInstanceFolders(l, fresh);
    writeFileSync(l.config, `${JSON.stringify(buildConfig(providerUrl, gatewayPort, allowedOrigins, l), null, 2)}\n`);

    if (await isPortInUse(gatewayPort)) {
      throw new Error(
        `Port ${gatewayPort} on 127.0.0.1 is already in use, so the embedded gateway cannot start. ` +
          "Stop whatever listens there (`ss -ltnp | grep " + gatewayPort + "`) or pick another gateway port.",
      );
    }

    const env = gatewayEnvironment(l, token, runtime.nodeBinDir);
    writeFileSync(l.consoleLog, `=== ${new Date().toISOString()} starting gateway on port ${gatewayPort}${fresh ? " (fresh)" : ""} ===\n`, { flag: "a" });
    const logOffset = statSync(l.consoleLog).size;
    const out = openSync(l.consoleLog, "a");
    const proc = spawn(
      runtime.nodeBinary,
      [runtime.openclawEntry, "gateway", "run", "--port", String(gatewayPort), "--bind", "loopback"],
      // Own process group: stop() can signal the gateway and its helpers together,
      // and a Ctrl-C in the terminal does not hit the gateway before we drain it.
      { cwd: l.dir, env, detached: true, stdio: ["ignore", out, out] },
    );
    closeSync(out);
    child = proc;
    stopping = false;
    exited = new Promise((resolve) => {
      proc.once("exit", (code, signal) => {
        resolve({ code, signal });
        onExit?.({ code, signal, expected: stopping });
      });
      proc.once("error", () => resolve({ code: null, signal: null }));
    });
    progress("spawned", `gateway process started (pid ${proc.pid}); loading openclaw under Node 24`);

    const follow = followBootMilestones(l.consoleLog, logOffset, progress);

    let exitInfo = /** @type {{ code: number | null, signal: NodeJS.Signals | null } | null} */ (null);
    exited.then((e) => (exitInfo = e));
    const readyUrl = `http://127.0.0.1:${gatewayPort}/readyz`;
    const deadline = started + readyTimeoutMs;
    while (true) {
      follow();
      if (exitInfo) {
        const e = /** @type {{ code: number | null, signal: NodeJS.Signals | null }} */ (exitInfo);
        const msg = `The gateway exited during startup (${e.signal ?? `exit code ${e.code}`}).`;
        progress("failed", msg);
        throw new Error(`${msg}\nLast lines of ${l.consoleLog}:\n${readLogTail(l.consoleLog, 40, logOffset)}`);
      }
      if (options.signal?.aborted) {
        progress("failed", "startup cancelled");
        await stopProcess(5_000);
        throw new Error("Gateway startup was cancelled.");
      }
      if (await probeReady(readyUrl)) break;
      if (Date.now() > deadline) {
        const msg = `The gateway did not become ready within ${Math.round(readyTimeoutMs / 1000)} s.`;
        progress("failed", msg);
        await stopProcess(5_000);
        throw new Error(`${msg}\nLast lines of ${l.consoleLog}:\n${readLogTail(l.consoleLog, 40, logOffset)}`);
      }
      await sleep(400);
    }
    follow();
    progress("ready", `gateway ready on ws://127.0.0.1:${gatewayPort}`);
  }

  /** SIGTERM the group, escalate to SIGKILL, then wait for the port to be released. */
  async function stopProcess(graceMs = STOP_GRACE_MS) {
    const proc = child;
    if (!proc?.pid) return;
    stopping = true;
    const pgid = proc.pid;
    let done = false;
    exited?.then(() => (done = true));
    if (proc.exitCode === null && proc.signalCode === null) signalProcessGroup(pgid, "SIGTERM");
    await waitUntil(() => done, graceMs, 100);
    if (!done || groupAlive(pgid)) {
      signalProcessGroup(pgid, "SIGKILL");
      await waitUntil(() => done && !groupAlive(pgid), 10_000, 100);
    }
    // Helpers in their own sessions (spawn broker, tool commands) can outlive the group.
    await sweepInstance(l.state, 2_000);
    const end = Date.now() + 10_000;
    while (Date.now() < end && (await isPortInUse(gatewayPort))) await sleep(200);
  }

  try {
    await launch(options.fresh === true);
  } catch (error) {
    await stopProcess(2_000);
    process.off("exit", killOnHostExit);
    throw error;
  }

  return {
    url: `ws://127.0.0.1:${gatewayPort}`,
    httpUrl: `http://127.0.0.1:${gatewayPort}`,
    token,
    get pid() {
      return child?.pid ?? null;
    },
    logFile: l.consoleLog,
    gatewayLogFile: l.gatewayLog,
    instanceDir: l.dir,
    /** Last lines of the gateway's console output, ANSI stripped. */
    logTail: (lines = 40) => readLogTail(l.consoleLog, lines),
    /** Sends a signal to the gateway's process group (for restart tests). @param {NodeJS.Signals} sig */
    signal(sig) {
      if (child?.pid) signalProcessGroup(child.pid, sig);
    },
    /** Resolves true if the gateway has exited within `ms`. */
    async waitForExit(ms = 30_000) {
      if (!exited) return true;
      return Promise.race([exited.then(() => true), sleep(ms).then(() => false)]);
    },
    /** Stops whatever is left and starts again on the same port with the same token. */
    async restart({ fresh = false } = {}) {
      await stopProcess();
      try {
        await launch(fresh);
      } catch (error) {
        await stopProcess(2_000);
        throw error;
      }
    },
    /** SIGTERM, up to ~25 s to drain, then SIGKILL; the port is free afterwards. */
    async stop(/** @type {{ graceMs?: number }} */ { graceMs = STOP_GRACE_MS } = {}) {
      await stopProcess(graceMs);
      process.off("exit", killOnHostExit);
    },
  };
}

/** @typedef {Awaited<ReturnType<typeof startEmbeddedGateway>>} EmbeddedGateway */
