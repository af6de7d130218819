// The gateway's console output goes to a file (it runs detached); boot progress and
// startup failures are read back from there.

import { closeSync, openSync, readSync, statSync } from "node:fs";

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

/**
 * Returns a function that reads what was appended to `file` since the last call and reports
 * each boot milestone once. "ready-log" is not reported: /readyz, not the log, says ready.
 * @param {string} file @param {number} offset where this launch's output starts
 * @param {(phase: string, message: string) => void} onMilestone
 */
export function followBootMilestones(file, offset, onMilestone) {
  let partial = "";
  const seen = new Set();
  return () => {
    try {
      const size = statSync(file).size;
      if (size <= offset) return;
      const fd = openSync(file, "r");
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
          if (hit[1] !== "ready-log") onMilestone(hit[1], hit[2]);
        }
      }
    } catch {
      /* log not there yet */
    }
  };
}
