// The gateway's spawn broker and the commands its tools run can outlive it in their own
// sessions, so stopping an instance means finding its processes, not only its group.

import { readdirSync, readFileSync } from "node:fs";
import { signalProcess } from "../lib/signals.mjs";
import { waitUntil } from "../lib/wait.mjs";

/** Is any live (non-zombie) process left in the group? @param {number} pgid */
export function groupAlive(pgid) {
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
export async function sweepInstance(stateDir, graceMs) {
  let pids = findInstanceProcesses(stateDir);
  if (pids.length === 0) return 0;
  const found = pids.length;
  for (const pid of pids) signalProcess(pid, "SIGTERM");
  await waitUntil(() => (pids = findInstanceProcesses(stateDir)).length === 0, graceMs, 100);
  for (const pid of pids) signalProcess(pid, "SIGKILL");
  await waitUntil(() => findInstanceProcesses(stateDir).length === 0, 3_000, 100);
  return found;
}
