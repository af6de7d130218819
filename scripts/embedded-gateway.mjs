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
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { gatewayRuntimePaths } from "./install-gateway-runtime.mjs";

// A cold start on a busy 2-core machine has been seen to take well over a minute.
const READY_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 25_000;

/**
 * Console lines that mark boot progress, in boot order. First match wins per line.
 * @type {Array<[RegExp, string, string]>}
 */
const LOG_MILESTONES = [
  [/\[gateway\] loading configuration/, "loading-config", "loading configuration"],
  [/Doctor changes|Doctor notices|Session titles|startup-orphaned/, "repairing", "running startup repairs (slower boot)"],
  [/\[gateway\] starting\.\.\./, "config-loaded", "configuration loaded, starting services"],
  [/\[gateway\] starting HTTP server/, "starting-http", "loading the agent runtime and HTTP server"],
  [/\[gateway\] http server listening/, "listening", "HTTP server listening, starting sidecars"],
  [/\[gateway\] ready\b/, "ready-log", "gateway reports ready"],
];

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

/**
 * @typedef {{ phase: string, message: string, elapsedMs: number, pid: number | null }} GatewayProgress
 * @typedef {{
 *   instanceDir: string, gatewayPort: number, providerUrl: string, allowedOrigins?: string[],
 *   fresh?: boolean, onProgress?: (p: GatewayProgress) => void,
 *   onExit?: (e: { code: number | null, signal: NodeJS.Signals | null, expected: boolean }) => void,
 *   readyTimeoutMs?: number, signal?: AbortSignal,
 * }} EmbeddedGatewayOptions
 */

/** @param {string} instanceDir */
function instanceLayout(instanceDir) {
  const dir = path.resolve(instanceDir);
  return {
    dir,
    home: path.join(dir, "home"),
    state: path.join(dir, "state"),
    workspace: path.join(dir, "workspace"),
    tmp: path.join(dir, "tmp"),
    logs: path.join(dir, "logs"),
    config: path.join(dir, "openclaw.json"),
    tokenFile: path.join(dir, "gateway-token"),
    gatewayLog: path.join(dir, "logs", "openclaw-gateway.log"),
    consoleLog: path.join(dir, "logs", "gateway-console.log"),
  };
}

/** Refuses folders whose wiping or use would touch the user's own OpenClaw or home. @param {string} dir */
function assertSafeInstanceDir(dir) {
  const home = os.homedir();
  const forbidden = [path.parse(dir).root, home, path.join(home, ".openclaw")];
  if (forbidden.includes(dir) || dir.startsWith(path.join(home, ".openclaw") + path.sep)) {
    throw new Error(`Refusing to use ${dir} as a gateway instance folder; use a project-local folder such as .clawscope/embedded.`);
  }
}

/** @param {string} providerUrl @param {number} port @param {string[]} allowedOrigins @param {ReturnType<typeof instanceLayout>} l */
function buildConfig(providerUrl, port, allowedOrigins, l) {
  const baseUrl = `${providerUrl.replace(/\/+$/, "")}/v1`;
  const model = (/** @type {string} */ name) => ({
    id: "fake-model",
    name,
    reasoning: false,
    input: ["text"],
    cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
    contextWindow: 128000,
    maxTokens: 4096,
  });
  return {
    gateway: {
      mode: "local",
      port,
      bind: "loopback",
      // The token itself comes from OPENCLAW_GATEWAY_TOKEN, so this file holds no secret.
      auth: { mode: "token" },
      controlUi: { enabled: true, allowedOrigins },
    },
    update: { checkOnStart: false },
    telemetry: { enabled: false },
    // At debug the file log names each tool call ("embedded run tool start: … tool=exec"), which the run logs panel
    // shows beside the timeline; a tool run then writes about 50 lines (~40 KB) instead of about 8.
    logging: { file: l.gatewayLog, level: "debug" },
    plugins: { enabled: false },
    agents: {
      defaults: {
        workspace: l.workspace,
        model: { primary: "fake/fake-model" },
        heartbeat: { every: "0m" },
      },
    },
    models: {
      mode: "merge",
      providers: {
        fake: { baseUrl, apiKey: "fake-local", api: "openai-completions", timeoutSeconds: 5, models: [model("Fake Model")] },
        // A second credential: a 401 puts a provider into a persisted cooldown, so 401
        // tests point their session at this one and `fake` stays usable.
        fakeauth: {
          baseUrl,
          apiKey: "fake-auth-isolated",
          api: "openai-completions",
          timeoutSeconds: 5,
          models: [model("Fake Model (separate credential, for 401 tests)")],
        },
      },
    },
  };
}

/** One token per instance, so a restarted gateway accepts the browser's stored credentials. @param {string} file */
function readOrCreateToken(file) {
  if (existsSync(file)) {
    const token = readFileSync(file, "utf8").trim();
    if (/^[0-9a-f]{32,}$/.test(token)) return token;
  }
  const token = randomBytes(24).toString("hex");
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

/** @param {number} port @param {string} [host] @returns {Promise<boolean>} */
export function isPortInUse(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (/** @type {boolean} */ used) => {
      socket.destroy();
      resolve(used);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** Is any live (non-zombie) process left in the group? @param {number} pgid */
function groupAlive(pgid) {
  try {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        // Fields after "(comm)": state, ppid, pgrp, …
        const [state, , pgrp] = readFileSync(`/proc/${entry}/stat`, "utf8").replace(/^.*\) /s, "").split(" ");
        if (Number(pgrp) === pgid && state !== "Z") return true;
      } catch {
        /* gone */
      }
    }
    return false;
  } catch {
    // No /proc: ask the kernel (zombies count as alive there).
    try {
      process.kill(-pgid, 0);
      return true;
    } catch (error) {
      return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
    }
  }
}

/** @param {number} pgid @param {NodeJS.Signals} sig */
function killGroup(pgid, sig) {
  try {
    process.kill(-pgid, sig);
  } catch {
    /* already gone */
  }
}

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** @param {() => boolean} test @param {number} ms @param {number} [every] */
async function waitUntil(test, ms, every = 100) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (test()) return true;
    await sleep(every);
  }
  return test();
}

/**
 * Every process of an instance (the gateway, its helpers, the commands its tools
 * run) inherits OPENCLAW_STATE_DIR, and some run in their own sessions (the spawn
 * broker calls setsid), so the environment, not the process group, says what is ours.
 * Linux only (/proc); elsewhere the process group has to do.
 * @param {string} stateDir
 */
export function findInstanceProcesses(stateDir) {
  const marker = `OPENCLAW_STATE_DIR=${stateDir}`;
  /** @type {number[]} */
  const pids = [];
  /** @type {string[]} */
  let entries;
  try {
    entries = readdirSync("/proc");
  } catch {
    return pids;
  }
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      // Zombies cannot be signalled away and hold nothing.
      if (/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, "utf8"))) continue;
      if (readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(marker)) pids.push(pid);
    } catch {
      /* gone, or not ours to read */
    }
  }
  return pids;
}

/** SIGTERM, then SIGKILL after `graceMs`, everything still carrying the instance's state dir. @param {string} stateDir @param {number} graceMs */
async function sweepInstance(stateDir, graceMs) {
  let pids = findInstanceProcesses(stateDir);
  if (pids.length === 0) return 0;
  const found = pids.length;
  for (const pid of pids) killPid(pid, "SIGTERM");
  await waitUntil(() => (pids = findInstanceProcesses(stateDir)).length === 0, graceMs, 100);
  for (const pid of pids) killPid(pid, "SIGKILL");
  await waitUntil(() => findInstanceProcesses(stateDir).length === 0, 3_000, 100);
  return found;
}

/** @param {number} pid @param {NodeJS.Signals} sig */
function killPid(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}

/** Last lines of a log, ANSI stripped, optionally only what was written after `from`. @param {string} file @param {number} [lines] @param {number} [from] */
export function readLogTail(file, lines = 40, from = 0) {
  try {
    const size = statSync(file).size;
    const start = Math.max(from, size - 64 * 1024);
    const fd = openSync(file, "r");
    const buf = Buffer.alloc(Math.max(0, size - start));
    readSync(fd, buf, 0, buf.length, start);
    closeSync(fd);
    const text = buf.toString("utf8").replace(ANSI, "").trimEnd();
    return text ? text.split("\n").slice(-lines).join("\n") : "(no output yet)";
  } catch {
    return "(no log output)";
  }
}

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
    if (child?.pid) killGroup(child.pid, "SIGKILL");
    for (const pid of findInstanceProcesses(l.state)) killPid(pid, "SIGKILL");
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
    if (fresh) {
      for (const dir of [l.state, l.home, l.workspace, l.tmp, l.logs]) rmSync(dir, { recursive: true, force: true });
    }
    for (const dir of [l.home, l.state, l.workspace, l.tmp, l.logs]) mkdirSync(dir, { recursive: true });
    writeFileSync(l.config, `${JSON.stringify(buildConfig(providerUrl, gatewayPort, allowedOrigins, l), null, 2)}\n`);

    if (await isPortInUse(gatewayPort)) {
      throw new Error(
        `Port ${gatewayPort} on 127.0.0.1 is already in use, so the embedded gateway cannot start. ` +
          "Stop whatever listens there (`ss -ltnp | grep " + gatewayPort + "`) or pick another gateway port.",
      );
    }

    /** @type {NodeJS.ProcessEnv} */
    const env = {};
    for (const [key, value] of Object.entries(process.env)) {
      // Inherited OpenClaw settings or Node loaders (e.g. from a test runner) would change the gateway.
      if (key.startsWith("OPENCLAW_") || key === "NODE_OPTIONS" || key.startsWith("npm_")) continue;
      env[key] = value;
    }
    Object.assign(env, {
      PATH: `${runtime.nodeBinDir}${path.delimiter}${process.env.PATH ?? ""}`,
      HOME: l.home,
      OPENCLAW_HOME: l.home,
      OPENCLAW_STATE_DIR: l.state,
      OPENCLAW_CONFIG_PATH: l.config,
      OPENCLAW_GATEWAY_TOKEN: token,
      OPENCLAW_DISABLE_BONJOUR: "1",
      OPENCLAW_SKIP_CHANNELS: "1",
      OPENCLAW_OFFLINE: "1",
      OPENCLAW_NO_AUTO_UPDATE: "1",
      CI: "1",
      DO_NOT_TRACK: "1",
      NO_COLOR: "1",
      TMPDIR: l.tmp,
    });

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

    // Follow the console log for milestones while waiting for /readyz.
    let offset = logOffset;
    let partial = "";
    const seen = new Set();
    const follow = () => {
      try {
        const size = statSync(l.consoleLog).size;
        if (size <= offset) return;
        const fd = openSync(l.consoleLog, "r");
        const buf = Buffer.alloc(size - offset);
        readSync(fd, buf, 0, buf.length, offset);
        closeSync(fd);
        offset = size;
        const lines = (partial + buf.toString("utf8").replace(ANSI, "")).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines) {
          const hit = LOG_MILESTONES.find(([re]) => re.test(line));
          if (hit && !seen.has(hit[1])) {
            seen.add(hit[1]);
            if (hit[1] !== "ready-log") progress(hit[1], hit[2]);
          }
        }
      } catch {
        /* log not there yet */
      }
    };

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
    if (proc.exitCode === null && proc.signalCode === null) killGroup(pgid, "SIGTERM");
    await waitUntil(() => done, graceMs, 100);
    if (!done || groupAlive(pgid)) {
      killGroup(pgid, "SIGKILL");
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
      if (child?.pid) killGroup(child.pid, sig);
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
