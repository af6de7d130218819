// The render benchmarks: each scenario mounted or driven in the bench page, main-thread busy time
// (DevTools thread ticks) per action, candidate and baseline interleaved.
import { summarize } from "./format.mjs";

/** One frame at 60 Hz: what a render must stay under to show in the next frame. */
const FRAME_BUDGET_MS = 16.7;

export const SCENARIOS = [
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

const METRICS = ["TaskDuration", "LayoutDuration", "RecalcStyleDuration"];

export async function runRenderBench(openPage, samples, quick, scenarios) {
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
