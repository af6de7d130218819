// The fold and replay benchmarks in Node: the built bundle in a fresh `node --expose-gc`, which
// prints one JSON document on stdout.
import { spawn } from "node:child_process";
import path from "node:path";

export function runModelBench({ root, cacheDir }, extraArgs) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", path.join(cacheDir, "model", "model-bench.mjs"), ...extraArgs], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`model bench exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1)));
      } catch (error) {
        reject(error);
      }
    });
  });
}
