// A gateway instance is one project-local folder holding everything the gateway writes,
// so the user's own OpenClaw (~/.openclaw) is never read or touched.

import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** @param {string} instanceDir */
export function instanceLayout(instanceDir) {
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

/** @typedef {ReturnType<typeof instanceLayout>} InstanceLayout */

/** Refuses folders whose wiping or use would touch the user's own OpenClaw or home. @param {string} dir */
export function assertSafeInstanceDir(dir) {
  const home = os.homedir();
  const forbidden = [path.parse(dir).root, home, path.join(home, ".openclaw")];
  if (forbidden.includes(dir) || dir.startsWith(path.join(home, ".openclaw") + path.sep)) {
    throw new Error(`Refusing to use ${dir} as a gateway instance folder; use a project-local folder such as .clawscope/embedded.`);
  }
}

/** One token per instance, so a restarted gateway accepts the browser's stored credentials. @param {string} file */
export function readOrCreateToken(file) {
  if (existsSync(file)) {
    const token = readFileSync(file, "utf8").trim();
    if (/^[0-9a-f]{32,}$/.test(token)) return token;
  }
  const token = randomBytes(24).toString("hex");
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

/** @param {InstanceLayout} l @param {boolean} fresh */
export function prepareInstanceFolders(l, fresh) {
  if (fresh) {
    for (const dir of [l.state, l.home, l.workspace, l.tmp, l.logs]) rmSync(dir, { recursive: true, force: true });
  }
  for (const dir of [l.home, l.state, l.workspace, l.tmp, l.logs]) mkdirSync(dir, { recursive: true });
}
