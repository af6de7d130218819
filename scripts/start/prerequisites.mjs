// What must be in place before anything runs: a recent enough Node, node_modules, and a
// UI build no older than its sources.

import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { say } from "./terminal.mjs";

export function assertSupportedNode() {
  const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    throw Object.assign(new Error(`Node ${process.versions.node} is too old.`), { hint: "Use Node 20.19 or newer for `npm start` (the gateway brings its own Node 24)." });
  }
}

/** @param {string} root @param {string} cmd @param {string[]} args @returns {Promise<void>} */
function run(root, cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit" });
    child.on("error", (err) => reject(new Error(`could not run ${cmd}: ${err.message}`)));
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`\`${path.basename(cmd)} ${args.join(" ")}\` failed (${signal ?? `exit ${code}`})`))));
  });
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** @param {string} root */
export async function ensureDependencies(root) {
  if (existsSync(path.join(root, "node_modules", "vite", "package.json"))) return;
  const ci = existsSync(path.join(root, "package-lock.json"));
  say(`node_modules is missing: running \`npm ${ci ? "ci" : "install"}\` (first run; this also installs the gateway runtime)…`);
  if (!ci) {
    await run(root, npm, ["install", "--no-audit", "--no-fund"]);
    return;
  }
  try {
    await run(root, npm, ["ci", "--no-audit", "--no-fund"]);
  } catch (error) {
    // Typically a lockfile that does not match what this registry offers (e.g. a mirror
    // without some platform-specific optional packages); install without rewriting it.
    say(`${/** @type {Error} */ (error).message}; retrying with \`npm install --no-save\` (package-lock.json is left unchanged)…`);
    await run(root, npm, ["install", "--no-audit", "--no-fund", "--no-save"]);
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

/** @param {string} root */
export async function ensureBuild(root) {
  const built = path.join(root, "dist", "index.html");
  const inputs = ["src", "public", "index.html", "vite.config.ts"].map((p) => path.join(root, p));
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  if (builtAt && builtAt >= newestMtime(inputs)) {
    say("UI build is up to date (dist/)");
    return;
  }
  say(builtAt ? "UI sources changed: rebuilding dist/ (vite build)…" : "no UI build yet: building dist/ (vite build)…");
  try {
    await run(root, process.execPath, [path.join(root, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"]);
  } catch (error) {
    throw Object.assign(new Error(`The UI build failed: ${/** @type {Error} */ (error).message}.`), {
      hint: "Fix the build error shown above, then run `npm start` again (`npx vite build` reproduces it).",
    });
  }
  say("UI built");
}
