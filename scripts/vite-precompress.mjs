// Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the production
// build, once, at build time, so the UI server (ui-server.mjs) only picks the copy the
// browser accepts instead of compressing on every request. Node builtins only: Vite
// bundles this file into its config.

import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** What is worth compressing: text. Images and fonts are compressed already. */
export const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".txt", ".webmanifest", ".map"]);
/** Below this the headers cost more than the saving. */
const MIN_BYTES = 1024;

/** @param {string} dir @returns {AsyncGenerator<string>} */
async function* filesUnder(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(file);
    else if (entry.isFile()) yield file;
  }
}

/**
 * Compresses every compressible file under `dir` at the highest levels (it runs once per build).
 * @param {string} dir
 * @returns {Promise<{ file: string, bytes: number, br: number, gz: number }[]>}
 */
export async function precompressDir(dir) {
  const written = [];
  for await (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.has(path.extname(file).toLowerCase())) continue;
    const body = await readFile(file);
    if (body.length < MIN_BYTES) continue;
    const [br, gz] = await Promise.all([
      brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
      gzipAsync(body, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
    written.push({ file: path.relative(dir, file), bytes: body.length, br: br.length, gz: gz.length });
  }
  return written;
}

/** The Vite plugin: after a production build is written, compress it. @returns {import("vite").Plugin} */
export function precompressPlugin() {
  /** @type {string} */
  let outDir = "dist";
  return {
    name: "clawscope-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const written = await precompressDir(outDir);
      const sum = (/** @type {"bytes" | "br" | "gz"} */ key) => written.reduce((total, item) => total + item[key], 0);
      this.info?.(`precompressed ${written.length} files: ${sum("bytes")} B → ${sum("br")} B brotli, ${sum("gz")} B gzip`);
    },
  };
}
