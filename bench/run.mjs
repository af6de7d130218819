#!/usr/bin/env node
// `npm run bench`: Clawscope's speed figures, each measured side by side with a baseline in the same run.
//
//   node bench/run.mjs                      all benchmarks; table on stdout, figures in bench/results/latest.json
//   node bench/run.mjs --quick              fewer, shorter samples (a smoke run, not for the README)
//   node bench/run.mjs --only fold,replay   a subset: fold, replay, render, render-child, wire, wire-history
//   node bench/run.mjs --engines chromium   fold/replay in one engine only (chromium, node)
//   node bench/run.mjs --samples 25         more samples per side
//   node bench/run.mjs --out other.json     write the figures elsewhere
//   node bench/run.mjs --build-dir dist-bench   build into another directory (two checkouts sharing node_modules)
//   node bench/run.mjs --compare a.json b.json   two result files (e.g. two commits) side by side
//
// The TypeScript benchmarks are built with Vite's JS API (no extra tools): bench/model/model-bench.ts as a
// Node bundle run in a fresh `node --expose-gc`, bench/render/ as a production page driven in headless
// Chromium by Playwright. See bench/README.md for what each figure means. This file reads the options and
// runs the groups; bench/runner/ holds the parts: the build, the Node runner, the Chromium page and the
// render driver, the machine facts and the table.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildBenches } from "./runner/build.mjs";
import { runBrowserModelBench, withBrowser } from "./runner/chromium.mjs";
import { printComparison, printResults, ratioOf, summarize } from "./runner/format.mjs";
import { gitRevision, machineFacts } from "./runner/machine.mjs";
import { runModelBench } from "./runner/node-model.mjs";
import { runRenderBench, SCENARIOS } from "./runner/render-driver.mjs";
import { historyEntries, runHistoryBench } from "./wire/history-bench.mjs";
import { runWireBench, wireEntries, withWireSetup } from "./wire/wire-bench.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);

function option(name) {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

// The Node bundle imports its dependencies, so the build must sit where node_modules resolves.
const cacheDir = path.resolve(option("--build-dir") ?? path.join(root, "node_modules", ".cache", "clawscope-bench"));

if (argv.includes("--help") || argv.includes("-h")) {
  const header = readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").slice(1, 12);
  console.log(header.map((line) => line.replace(/^\/\/ ?/, "")).join("\n"));
  process.exit(0);
}

if (argv.includes("--compare")) {
  const [fileA, fileB] = argv.slice(argv.indexOf("--compare") + 1);
  if (!fileA || !fileB) {
    console.error("usage: node bench/run.mjs --compare before.json after.json");
    process.exit(2);
  }
  printComparison(fileA, fileB);
  process.exit(0);
}

const quick = argv.includes("--quick");
const samples = Number(option("--samples") ?? (quick ? 5 : 15));
const only = new Set((option("--only") ?? "fold,replay,render,render-child,wire,wire-history").split(","));
const renderScenarios = SCENARIOS.filter((spec) => only.has(spec.group));
const modelGroups = ["fold", "replay"].filter((group) => only.has(group));
const engines = new Set((option("--engines") ?? "chromium,node").split(","));
const outFile = path.resolve(option("--out") ?? path.join(root, "bench", "results", "latest.json"));
const started = performance.now();
const useBrowser = renderScenarios.length > 0 || (modelGroups.length > 0 && engines.has("chromium"));

process.stderr.write("building benchmarks with Vite…\n");
await buildBenches({ root, cacheDir, withRender: useBrowser });

const entries = [];
const tag = (engine) => (entry) => ({ ...entry, id: `${entry.id}@${engine}`, engine });
if (modelGroups.length > 0 && engines.has("node")) {
  process.stderr.write(`running ${modelGroups.join(" and ")} benchmarks in Node ${process.version}…\n`);
  const model = await runModelBench({ root, cacheDir }, ["--samples", String(samples), "--only", modelGroups.join(","), ...(quick ? ["--quick"] : [])]);
  entries.push(...model.entries.map(tag("node")));
}
let browserFacts;
if (useBrowser) {
  await withBrowser(cacheDir, async ({ openPage, browser, viewport }) => {
    browserFacts = { browser, viewport };
    if (modelGroups.length > 0 && engines.has("chromium")) {
      process.stderr.write(`running ${modelGroups.join(" and ")} benchmarks in ${browser}…\n`);
      const model = await runBrowserModelBench(openPage, samples, quick, modelGroups);
      entries.push(...model.entries.map(tag("chromium")));
    }
    if (renderScenarios.length > 0) {
      process.stderr.write(`running render benchmarks in ${browser}…\n`);
      const render = await runRenderBench(openPage, samples, quick, renderScenarios);
      browserFacts.page = render.info;
      entries.push(...render.entries.map(tag("chromium")));
    }
  });
}

if (only.has("wire") || only.has("wire-history")) {
  const log = (line) => process.stderr.write(`${line}\n`);
  await withWireSetup({ root, cacheDir, log }, async (setup) => {
    if (only.has("wire")) {
      process.stderr.write("running the wire benchmark (Clawscope beside the gateway's Control UI)…\n");
      entries.push(...wireEntries(await runWireBench(setup, quick ? 1 : 3), summarize));
    }
    if (only.has("wire-history")) {
      process.stderr.write("running the long-history benchmark (Clawscope beside the gateway's Control UI)…\n");
      entries.push(...historyEntries(await runHistoryBench(setup, quick ? 1 : 3, log), summarize));
    }
  });
}

/** Table order: the order (fold, render, replay), Chromium (where the app runs) before Node, then the wire. */
const GROUP_ORDER = ["fold-5000", "fold-50000", "fold-captures", "render-mount", "render-expand", "render-scroll", "render-child", "replay-200", "wire-open-chat", "wire-history-3000"];
const ENGINE_ORDER = ["chromium", "node"];
const sortKey = (entry) => {
  const base = entry.id.split("@")[0];
  const group = GROUP_ORDER.indexOf(base.split(".")[0]);
  return [group, ENGINE_ORDER.indexOf(entry.engine), base.includes(".") ? 1 : 0];
};
entries.sort((a, b) => {
  const [ka, kb] = [sortKey(a), sortKey(b)];
  return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
});

const now = new Date();
const results = {
  date: now.toISOString().slice(0, 10),
  time: now.toISOString(),
  machine: machineFacts(),
  git: gitRevision(root),
  samples,
  quick,
  durationS: Math.round((performance.now() - started) / 1000),
  render: browserFacts,
  entries: entries.map((entry) => ({ ...entry, ratio: ratioOf(entry) })),
};
mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
printResults(results);
console.log(`\nfigures written to ${path.relative(process.cwd(), outFile) || outFile} (${results.durationS} s)`);
