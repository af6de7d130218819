/**
 * The bench page (bench/run.mjs builds it with Vite in production mode and
 * drives it in headless Chromium through Playwright). It runs the model
 * benchmarks (bench/model/model-benches.ts) in Chromium's engine on request,
 * and folds the synthetic 5,000-event run once at load to time, on request,
 * one render scenario at a time:
 *
 * - mount:  render the RunPanel of the live run (open while live) / the plain list;
 * - mount-child: render the open RunPanel of the 300-event run with its sub-agent and
 *   approval (child-run.tsx) / the same content as a plain list;
 * - expand: click the collapsed panel of the ended run open / the plain list's toggle;
 * - scroll: jump the open timeline's scroller to the end.
 *
 * `prepare()` sets a scenario up untimed; `act()` runs its action and reports
 * wall-clock times from just before it: the first frame painted after it, the
 * first DOM change (commit) and when the DOM stopped changing (settled: the
 * paint after the last mutation, e.g. after the virtualizer measured its rows).
 * bench/run.mjs reads the main thread's busy time around `act()` from the
 * DevTools protocol (Performance.getMetrics), which frame timing cannot show.
 */
import "@/styles/index.css";
import { RunPanel } from "@/features/runs/components/run-panel";
import { groupSteps } from "@/features/runs/model/group-steps";
import { deriveRunOutcome, type RunOutcome } from "@/features/runs/model/run-outcome";
import type { RunTimeline } from "@/features/runs/model/run-timeline";
import retryCapture from "@/testing/captures/c-rate-limit-429-recovered.jsonl?raw";
import toolCapture from "@/testing/captures/b-tool-call-exec.jsonl?raw";
import { useState, type ReactElement } from "react";
import { flushSync } from "react-dom";
import { createRoot, type Root } from "react-dom/client";
import { foldRawRun } from "../lib/captures";
import { buildLongRun } from "../lib/long-run";
import { runModelBenches, type ModelBenchOptions } from "../model/model-benches";
import { childRunElement, childRunInfo } from "./child-run";
import { PlainPanel, timelineRows } from "./plain-panel";

const EVENTS = 5_000;

const endedRun = (() => {
  const long = buildLongRun(toolCapture, retryCapture, { events: EVENTS, ended: true });
  return foldRawRun(long.runId, long.events);
})();
const liveRun = (() => {
  const long = buildLongRun(toolCapture, retryCapture, { events: EVENTS, ended: false });
  return foldRawRun(long.runId, long.events);
})();
const endedOutcome = deriveRunOutcome(endedRun, { now: endedRun.lastEventAt, connection: "online" });
const liveOutcome = deriveRunOutcome(liveRun, { now: liveRun.lastEventAt + 1_000, connection: "online" });

const liveRows = timelineRows(liveRun.steps, liveRun.createdAt);
const endedRows = timelineRows(endedRun.steps, endedRun.createdAt);

/** The candidate: RunPanel with its open state kept outside, as the app's turn keeps it. */
function CandidatePanel({ run, outcome, initiallyOpen }: { run: RunTimeline; outcome: RunOutcome; initiallyOpen: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  return <RunPanel run={run} outcome={outcome} open={open} onToggle={() => setOpen(!open)} />;
}

type Scenario = "mount" | "mount-child" | "expand" | "scroll";
type Variant = "candidate" | "baseline";

export interface Timing {
  firstPaintMs: number;
  commitMs: number;
  settledMs: number;
  /** Elements under the stage when settled: what the browser had to lay out. */
  elements: number;
  /** The last timeline row is in the DOM after scrolling to the end. */
  reachedEnd?: boolean;
}

const stageElement = document.getElementById("stage");
if (!stageElement) throw new Error("bench page has no #stage");
const stage: HTMLElement = stageElement;
let root: Root | undefined;

let firstMutation = Number.POSITIVE_INFINITY;
let lastMutation = 0;
new MutationObserver(() => {
  const now = performance.now();
  if (now < firstMutation) firstMutation = now;
  lastMutation = now;
}).observe(stage, { childList: true, subtree: true, attributes: true, characterData: true });

/** Resolves just after the next frame was produced (rAF, then a task queued behind the paint). */
function afterPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
}

/** Frames until two in a row pass without a DOM change; returns when the last change was painted. */
async function settle(paintedAt: number): Promise<number> {
  let settledAt = paintedAt;
  let seen = lastMutation;
  let quiet = 0;
  for (let frames = 0; quiet < 2 && frames < 120; frames += 1) {
    const at = await afterPaint();
    if (lastMutation !== seen) {
      seen = lastMutation;
      settledAt = at;
      quiet = 0;
    } else {
      quiet += 1;
    }
  }
  return settledAt;
}

function freshRoot(): Root {
  root?.unmount();
  stage.replaceChildren();
  root = createRoot(stage);
  return root;
}

function element(variant: Variant, open: boolean): ReactElement {
  if (variant === "candidate") return open ? <CandidatePanel run={liveRun} outcome={liveOutcome} initiallyOpen /> : <CandidatePanel run={endedRun} outcome={endedOutcome} initiallyOpen={false} />;
  return open ? <PlainPanel rows={liveRows} initiallyOpen /> : <PlainPanel rows={endedRows} initiallyOpen={false} />;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The action of the prepared scenario, run by `act()`. */
let pending: { action: () => void; check?: () => boolean } | undefined;

/**
 * Sets a scenario up (untimed): a fresh root, the panel rendered and settled,
 * garbage collected, and the page idle right after a frame.
 */
async function prepare(scenario: Scenario, variant: Variant): Promise<void> {
  const target = freshRoot();
  if (scenario === "mount") {
    pending = { action: () => flushSync(() => target.render(element(variant, true))) };
  } else if (scenario === "mount-child") {
    pending = { action: () => flushSync(() => target.render(childRunElement(variant))) };
  } else if (scenario === "expand") {
    flushSync(() => target.render(element(variant, false)));
    await settle(await afterPaint());
    const toggle = stage.querySelector("button");
    if (!toggle) throw new Error("no toggle to expand");
    pending = { action: () => toggle.click() };
  } else {
    flushSync(() => target.render(element(variant, true)));
    await settle(await afterPaint());
    const scroller = stage.querySelector<HTMLElement>(variant === "candidate" ? '[aria-label$="timeline rows"]' : "[data-scroller]");
    if (!scroller) throw new Error(`no scroller for ${variant}: is the timeline virtualized?`);
    const lastRow = (variant === "candidate" ? groupSteps(liveRun.steps).length : liveRows.length) - 1;
    pending = {
      action: () => {
        scroller.scrollTop = scroller.scrollHeight;
      },
      check: () =>
        variant === "candidate"
          ? stage.querySelector(`[data-index="${lastRow}"]`) !== null
          : Math.abs(scroller.scrollTop + scroller.clientHeight - scroller.scrollHeight) <= 2,
    };
  }
  collectGarbage();
  await afterPaint();
  await afterPaint();
}

/** Runs the prepared action; timings are wall clock from just before it. */
async function act(): Promise<Timing> {
  const prepared = pending;
  pending = undefined;
  if (!prepared) throw new Error("act() without prepare()");
  firstMutation = Number.POSITIVE_INFINITY;
  const t0 = performance.now();
  lastMutation = t0;
  prepared.action();
  const painted = await afterPaint();
  const settled = await settle(painted);
  return {
    firstPaintMs: painted - t0,
    commitMs: (Number.isFinite(firstMutation) ? firstMutation : painted) - t0,
    settledMs: Math.max(painted, settled) - t0,
    elements: stage.getElementsByTagName("*").length,
    reachedEnd: prepared.check?.(),
  };
}

/** For calibration: the measuring machinery alone (a frame and the settle check) around an action that does nothing. */
async function prepareIdle(): Promise<void> {
  pending = { action: () => {} };
  collectGarbage();
  await afterPaint();
  await afterPaint();
}

function info() {
  return {
    events: EVENTS,
    liveRun: { steps: liveRun.steps.length, rows: liveRows.length, outcome: liveOutcome.kind },
    endedRun: { steps: endedRun.steps.length, rows: endedRows.length, outcome: endedOutcome.kind },
    childRun: childRunInfo(),
    userAgent: navigator.userAgent,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === "function",
  };
}

/** The model benchmarks in this browser's engine (the one the app runs in). */
function model(options: Omit<ModelBenchOptions, "log">) {
  return runModelBenches(options);
}

declare global {
  interface Window {
    clawscopeBench?: { info: typeof info; prepare: typeof prepare; prepareIdle: typeof prepareIdle; act: typeof act; model: typeof model };
  }
}

window.clawscopeBench = { info, prepare, prepareIdle, act, model };
