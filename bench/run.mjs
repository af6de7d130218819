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
// Chromium by Playwright. See bench/README.md for what each figure means.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { historyEntries, runHistoryBench } from "./wire/history-bench.mjs";
import { formatBytes, runWireBench, wireEntries, withWireSetup } from "./wire/wire-bench.mjs";

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

// ---------------------------------------------------------------------------
// Formatting

function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => {
    const position = (sorted.length - 1) * q;
    const low = Math.floor(position);
    const high = Math.ceil(position);
    return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
  };
  return { median: at(0.5), p25: at(0.25), p75: at(0.75), min: sorted[0], max: sorted.at(-1), n: sorted.length, samples };
}

/** Half the interquartile range, relative to the median. */
function spread(summary) {
  return summary.median > 0 ? (summary.p75 - summary.p25) / 2 / summary.median : 0;
}

function formatRate(perSecond) {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M events/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(0)} k events/s`;
  return `${perSecond.toFixed(0)} events/s`;
}

function formatMs(ms) {
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

function formatFigure(entry, summary) {
  if (entry.unit === "bytes") return formatBytes(summary.median);
  const value = entry.unit === "events/s" ? formatRate(entry.perOp / (summary.median / 1000)) : formatMs(summary.median);
  return `${value} ±${Math.round(spread(summary) * 100)}%`;
}

/** Candidate time ÷ baseline time: how many times the baseline's cost the candidate takes. */
function ratioOf(entry) {
  return entry.baseline ? entry.candidate.median / entry.baseline.median : undefined;
}

function formatRatio(ratio) {
  if (ratio === undefined) return "—";
  return ratio >= 10 ? `${ratio.toFixed(0)}×` : ratio >= 1 ? `${ratio.toFixed(1)}×` : `${ratio.toFixed(2)}×`;
}

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows.map((row) => row.map((cell, column) => String(cell).padEnd(widths[column])).join("   ").trimEnd()).join("\n");
}

const ENGINE_NAMES = { chromium: "Chromium", node: "Node" };

function rowLabel(entry) {
  return entry.engine ? `${entry.label} · ${ENGINE_NAMES[entry.engine] ?? entry.engine}` : entry.label;
}

function printResults(results) {
  const m = results.machine;
  console.log(`Clawscope bench — ${results.date} — ${m.cpu} · ${m.cores} cores · ${m.ramGiB} GiB · ${m.os} · Node ${m.node}`);
  const env = [`commit ${results.git}`];
  if (results.render?.browser) env.push(`${results.render.browser} headless, ${results.render.viewport}`);
  env.push(`median of ${results.samples} samples per side, ± = half the interquartile range${results.quick ? " · QUICK RUN (smoke test only)" : ""}`);
  console.log(env.join(" · "));
  console.log("");
  const rows = [["benchmark", "candidate", "baseline", "ratio"]];
  for (const entry of results.entries) {
    rows.push([rowLabel(entry), formatFigure(entry, entry.candidate), entry.baseline ? formatFigure(entry, entry.baseline) : "—", formatRatio(entry.ratio)]);
  }
  console.log(table(rows));
  console.log("");
  console.log("ratio = candidate time ÷ baseline time (bytes ÷ bytes for the wire rows), both measured in this run, samples interleaved (lower is better).");
  const described = new Set();
  for (const entry of results.entries) {
    const base = entry.id.split("@")[0];
    if (described.has(base) || !entry.candidateWhat) continue;
    described.add(base);
    const details = entry.details ? ` [${Object.entries(entry.details).map(([key, value]) => `${key} ${typeof value === "object" ? JSON.stringify(value) : value}`).join(", ")}]` : "";
    console.log(`- ${entry.label.trim()}: ${entry.candidateWhat}${entry.baselineWhat ? `; baseline: ${entry.baselineWhat}` : ""}${details}`);
  }
}

// ---------------------------------------------------------------------------
// --compare a.json b.json

if (argv.includes("--compare")) {
  const [fileA, fileB] = argv.slice(argv.indexOf("--compare") + 1);
  if (!fileA || !fileB) {
    console.error("usage: node bench/run.mjs --compare before.json after.json");
    process.exit(2);
  }
  const a = JSON.parse(readFileSync(fileA, "utf8"));
  const b = JSON.parse(readFileSync(fileB, "utf8"));
  console.log(`A: ${fileA} — ${a.date} — commit ${a.git} — ${a.machine.cpu} · Node ${a.machine.node}`);
  console.log(`B: ${fileB} — ${b.date} — commit ${b.git} — ${b.machine.cpu} · Node ${b.machine.node}`);
  if (a.machine.cpu !== b.machine.cpu || a.machine.cores !== b.machine.cores) console.log("warning: different machines; compare the ratio columns, not the figures");
  console.log("");
  const rows = [["benchmark", "A candidate", "B candidate", "B ÷ A time", "A ratio", "B ratio"]];
  for (const entryB of b.entries) {
    const entryA = a.entries.find((entry) => entry.id === entryB.id);
    if (!entryA) continue;
    rows.push([
      rowLabel(entryB),
      formatFigure(entryA, entryA.candidate),
      formatFigure(entryB, entryB.candidate),
      formatRatio(entryB.candidate.median / entryA.candidate.median),
      formatRatio(entryA.ratio),
      formatRatio(entryB.ratio),
    ]);
  }
  console.log(table(rows));
  console.log("");
  console.log("B ÷ A time < 1: B is faster. A/B ratio: each run's candidate ÷ its own baseline (robust to machine load).");
  process.exit(0);
}

// ---------------------------------------------------------------------------
// Machine facts

function machineFacts() {
  const cpus = os.cpus();
  let distro = "";
  try {
    distro = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? "";
  } catch {
    // not Linux
  }
  return {
    cpu: (cpus[0]?.model ?? "unknown CPU").replace(/\s+/g, " ").trim(),
    cores: cpus.length,
    ramGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}${distro ? ` (${distro})` : ""}`,
    node: process.version,
  };
}

function gitRevision() {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" }).trim() !== "";
    return dirty ? `${head}+changes` : head;
  } catch {
    return "unknown";
  }
}

// ---------------------------------------------------------------------------
// Building the TypeScript benchmarks

async function buildBenches(withRender) {
  const { build } = await import("vite");
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  const shared = {
    configFile: false,
    root,
    logLevel: "warn",
    mode: "production",
    publicDir: false,
    resolve: { alias: { "@": path.join(root, "src") } },
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  };
  await build({
    ...shared,
    build: {
      ssr: "bench/model/node-entry.ts",
      outDir: path.join(cacheDir, "model"),
      emptyOutDir: true,
      target: "node20",
      minify: false,
      sourcemap: false,
      rolldownOptions: { output: { entryFileNames: "model-bench.mjs" } },
    },
  });
  if (!withRender) return;
  const react = (await import("@vitejs/plugin-react")).default;
  const tailwindcss = (await import("@tailwindcss/vite")).default;
  await build({
    ...shared,
    base: "./",
    plugins: [react(), tailwindcss()],
    build: {
      outDir: path.join(cacheDir, "render"),
      emptyOutDir: true,
      sourcemap: false,
      chunkSizeWarningLimit: 5000,
      rolldownOptions: { input: path.join(root, "bench", "render", "index.html") },
    },
  });
}

// ---------------------------------------------------------------------------
// Node benchmarks (fold, replay)

function runModelBench(extraArgs) {
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

// ---------------------------------------------------------------------------
// Render benchmarks (headless Chromium)

const MIME = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json" };

function serve(dir) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "content-type": MIME[path.extname(file)] ?? "application/octet-stream",
      // Cross-origin isolation gives the page a 5 µs performance.now() instead of 100 µs.
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-embedder-policy": "require-corp",
    });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** One frame at 60 Hz: what a render must stay under to show in the next frame. */
const FRAME_BUDGET_MS = 16.7;

const SCENARIOS = [
  {
    id: "render-mount",
    group: "render",
    scenario: "mount",
    label: "render 5,000-event run (open)",
    candidateWhat:
      "main-thread busy time (script, style, layout, paint: DevTools Performance.getMetrics TaskDuration in thread ticks) to mount <RunPanel> of the live run, open, its timeline virtualized, until the DOM settles",
    baselineWhat: "the same rows mounted as a plain non-virtualized <ul> of text lines in the same panel chrome and scroll box",
  },
  {
    id: "render-expand",
    group: "render",
    scenario: "expand",
    label: "expand ended 5,000-event run",
    candidateWhat: "busy time to click the collapsed <RunPanel> of the ended run open",
    baselineWhat: "clicking a plain panel open that renders the same rows as a <ul>",
  },
  {
    id: "render-scroll",
    group: "render",
    scenario: "scroll",
    label: "scroll timeline to the end",
    candidateWhat: "busy time to jump the open, virtualized timeline's scroller to the bottom (the virtualizer renders the last rows)",
    baselineWhat: "the same jump in the plain <ul>, which is already laid out",
  },
  {
    id: "render-child",
    group: "render-child",
    scenario: "mount-child",
    label: "render 300-event run with a sub-agent and an approval (open)",
    candidateWhat:
      "busy time to mount the open <RunPanel> of an ended 300-event run (real frames read through RunRegistry) with its <SubagentList> nested as app/assistant-turn.tsx composes it (one completed child and its steps) and its exec approval row",
    baselineWhat: "the same content (sub-agent, approval, run rows) mounted as plain text lines in a plain <ul>, same panel chrome and scroll box",
    budget: true,
  },
];

async function withBrowser(work) {
  const { chromium } = await import("@playwright/test");
  const server = await serve(path.join(cacheDir, "render"));
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const browser = await chromium.launch({
    executablePath: existsSync(executablePath) ? executablePath : undefined,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-renderer-backgrounding",
      "--disable-background-timer-throttling",
      "--js-flags=--expose-gc",
    ],
  });
  const viewport = { width: 1440, height: 900 };
  const openPage = async () => {
    const page = await browser.newPage({ viewport });
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const { port } = server.address();
    await page.goto(`http://127.0.0.1:${port}/bench/render/index.html`);
    await page.waitForFunction(() => globalThis.clawscopeBench !== undefined, null, { timeout: 60_000 }).catch(() => {
      throw new Error(`bench page did not start: ${errors.join("; ") || "no error reported"}`);
    });
    if (!(await page.evaluate(() => globalThis.crossOriginIsolated))) process.stderr.write("  (page not cross-origin isolated: timer resolution 100 µs)\n");
    return { page, errors };
  };
  try {
    return await work({ openPage, browser: `Chromium ${browser.version()}`, viewport: `${viewport.width}×${viewport.height}` });
  } finally {
    await browser.close();
    server.close();
  }
}

async function runBrowserModelBench(openPage, samples, quick, only) {
  const { page, errors } = await openPage();
  try {
    const result = await page.evaluate((options) => globalThis.clawscopeBench.model(options), { samples, quick, only });
    if (errors.length > 0) throw new Error(`bench page errors: ${errors.join("; ")}`);
    for (const entry of result.entries) process.stderr.write(`  ✓ ${entry.label.trim()} · Chromium\n`);
    return result;
  } finally {
    await page.close();
  }
}

const METRICS = ["TaskDuration", "LayoutDuration", "RecalcStyleDuration"];

async function runRenderBench(openPage, samples, quick, scenarios) {
  const { page, errors } = await openPage();
  try {
    const info = await page.evaluate(() => globalThis.clawscopeBench.info());
    const cdp = await page.context().newCDPSession(page);
    // Thread ticks: the main thread's CPU time, so waiting for the next frame (vsync) counts as nothing.
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    const metrics = async () => {
      const { metrics: list } = await cdp.send("Performance.getMetrics");
      return Object.fromEntries(list.filter((metric) => METRICS.includes(metric.name)).map((metric) => [metric.name, metric.value * 1000]));
    };
    /** One timed action: wall-clock timings from the page, main-thread busy time (ms) from the DevTools protocol. */
    const measure = async (prepare) => {
      await prepare();
      const before = await metrics();
      const timing = await page.evaluate(() => globalThis.clawscopeBench.act());
      const after = await metrics();
      const busy = Object.fromEntries(METRICS.map((name) => [name, after[name] - before[name]]));
      return { ...timing, busy };
    };

    // What the measuring itself costs (a frame, the settle check, the protocol round trip), subtracted below.
    const idle = [];
    for (let index = 0; index < Math.max(5, samples); index += 1) idle.push(await measure(() => page.evaluate(() => globalThis.clawscopeBench.prepareIdle())));
    const overheadMs = summarize(idle.map((timing) => timing.busy.TaskDuration)).median;

    const entries = [];
    for (const spec of scenarios) {
      const run = (variant) => measure(() => page.evaluate(([scenario, side]) => globalThis.clawscopeBench.prepare(scenario, side), [spec.scenario, variant]));
      const warmups = quick ? 1 : 3;
      for (let index = 0; index < warmups; index += 1) {
        await run("baseline");
        await run("candidate");
      }
      const sides = { candidate: [], baseline: [] };
      for (let index = 0; index < samples; index += 1) {
        const order = index % 2 === 0 ? ["candidate", "baseline"] : ["baseline", "candidate"];
        for (const side of order) sides[side].push(await run(side));
      }
      const work = (list) => summarize(list.map((timing) => Math.max(0, timing.busy.TaskDuration - overheadMs)));
      const median = (list, pick) => Number(summarize(list.map(pick)).median.toFixed(2));
      const both = (pick) => `${median(sides.candidate, pick)} vs ${median(sides.baseline, pick)}`;
      entries.push({
        id: spec.id,
        label: spec.label,
        unit: "ms",
        candidate: work(sides.candidate),
        baseline: work(sides.baseline),
        candidateWhat: spec.candidateWhat,
        baselineWhat: spec.baselineWhat,
        details: {
          styleMs: both((timing) => timing.busy.RecalcStyleDuration),
          layoutMs: both((timing) => timing.busy.LayoutDuration),
          firstPaintMs: both((timing) => timing.firstPaintMs),
          settledMs: both((timing) => timing.settledMs),
          elements: `${sides.candidate.at(-1).elements} vs ${sides.baseline.at(-1).elements}`,
          ...(spec.scenario === "scroll" ? { reachedEnd: [...sides.candidate, ...sides.baseline].every((timing) => timing.reachedEnd) } : {}),
        },
      });
      if (spec.budget) {
        entries.push({
          id: `${spec.id}.budget`,
          label: `  · against a ${FRAME_BUDGET_MS} ms frame budget`,
          unit: "ms",
          candidate: work(sides.candidate),
          baseline: summarize([FRAME_BUDGET_MS]),
          candidateWhat: "the same busy time as the row above",
          baselineWhat: `a fixed ${FRAME_BUDGET_MS} ms, one frame at 60 Hz (not measured): a ratio under 1 fits in one frame`,
        });
      }
      entries.push({
        id: `${spec.id}.wall`,
        label: "  · wall clock to settled frame",
        unit: "ms",
        candidate: summarize(sides.candidate.map((timing) => timing.settledMs)),
        baseline: summarize(sides.baseline.map((timing) => timing.settledMs)),
      });
      process.stderr.write(`  ✓ ${spec.label} · Chromium\n`);
    }
    if (errors.length > 0) throw new Error(`bench page errors: ${errors.join("; ")}`);
    return { entries, info: { ...info, measuringOverheadMs: Number(overheadMs.toFixed(3)) } };
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------
// Main

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
await buildBenches(useBrowser);

const entries = [];
const tag = (engine) => (entry) => ({ ...entry, id: `${entry.id}@${engine}`, engine });
if (modelGroups.length > 0 && engines.has("node")) {
  process.stderr.write(`running ${modelGroups.join(" and ")} benchmarks in Node ${process.version}…\n`);
  const model = await runModelBench(["--samples", String(samples), "--only", modelGroups.join(","), ...(quick ? ["--quick"] : [])]);
  entries.push(...model.entries.map(tag("node")));
}
let browserFacts;
if (useBrowser) {
  await withBrowser(async ({ openPage, browser, viewport }) => {
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

/** Table order: the issue's order (fold, render, replay), Chromium (where the app runs) before Node, then the wire. */
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
  git: gitRevision(),
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
