// The bench's table: figures (rates, durations, bytes) with their spread, ratios, the printed
// results of a run and two result files side by side (`--compare`).
import { readFileSync } from "node:fs";
import { formatBytes } from "../wire/wire-bench.mjs";

export function summarize(samples) {
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
export function ratioOf(entry) {
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

export function printResults(results) {
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

/** `--compare a.json b.json`: two result files (e.g. two commits) side by side. */
export function printComparison(fileA, fileB) {
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
}
