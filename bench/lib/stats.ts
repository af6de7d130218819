/**
 * Timing helpers shared by the Node benchmarks and the bench page: repeated
 * samples, candidate and baseline interleaved so that both see the same
 * machine state, and a summary (median and spread) per side.
 */

export interface Summary {
  /** Milliseconds per operation. */
  median: number;
  p25: number;
  p75: number;
  min: number;
  max: number;
  n: number;
  samples: number[];
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => {
    if (sorted.length === 0) return Number.NaN;
    const position = (sorted.length - 1) * q;
    const low = Math.floor(position);
    const high = Math.ceil(position);
    const a = sorted[low] ?? Number.NaN;
    const b = sorted[high] ?? Number.NaN;
    return a + (b - a) * (position - low);
  };
  return {
    median: at(0.5),
    p25: at(0.25),
    p75: at(0.75),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
    n: sorted.length,
    samples: samples.map((value) => Math.round(value * 1000) / 1000),
  };
}

export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Keeps results alive so the JIT cannot drop the work being timed. */
let sink = 0;
export function consume(value: number): void {
  sink = (sink + value) | 0;
}
export function sinkValue(): number {
  return sink;
}

/** Runs `fn` until at least `minMs` have passed; returns milliseconds per call. */
export function timeLoop(fn: () => number, minMs: number): number {
  let calls = 0;
  const start = performance.now();
  let elapsed: number;
  do {
    consume(fn());
    calls += 1;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return elapsed / calls;
}

export interface SideBySideOptions {
  samples: number;
  /** Each sample repeats the operation for at least this long. */
  minSampleMs: number;
  warmupMs: number;
}

export interface Pair {
  candidate: Summary;
  baseline: Summary;
}

/**
 * Candidate and baseline alternate sample by sample (and swap which goes
 * first), so drift in the machine's state hits both sides alike.
 */
export function sideBySide(candidate: () => number, baseline: () => number, options: SideBySideOptions): Pair {
  timeLoop(baseline, options.warmupMs);
  timeLoop(candidate, options.warmupMs);
  const c: number[] = [];
  const b: number[] = [];
  for (let index = 0; index < options.samples; index += 1) {
    const order = index % 2 === 0 ? ["c", "b"] : ["b", "c"];
    for (const side of order) {
      collectGarbage();
      if (side === "c") c.push(timeLoop(candidate, options.minSampleMs));
      else b.push(timeLoop(baseline, options.minSampleMs));
    }
  }
  return { candidate: summarize(c), baseline: summarize(b) };
}
