/**
 * The run model's benchmarks: the fold and the reload replay, each measured
 * side by side with the floor it cannot go below (reading the same data).
 * Engine-neutral: bench/model/node-entry.ts runs them in Node, the bench page
 * (bench/render/) runs the very same code in Chromium, where the app runs.
 * The benchmarks themselves: fold-benches.ts and replay-benches.ts.
 */
import { sinkValue, type SideBySideOptions, type Summary } from "../lib/stats";
import { foldBenches } from "./fold-benches";
import { replayBenches } from "./replay-benches";

export interface Entry {
  id: string;
  label: string;
  /** How the figures read: a rate (`events/s`, from `perOp` events per operation) or a duration per operation (`ms`). */
  unit: "events/s" | "ms";
  perOp?: number;
  /** Milliseconds per operation. */
  candidate: Summary;
  baseline?: Summary;
  candidateWhat: string;
  baselineWhat?: string;
  details?: Record<string, unknown>;
}

export interface ModelBenchOptions {
  samples: number;
  quick: boolean;
  only?: ReadonlyArray<"fold" | "replay">;
  log?: (line: string) => void;
}

export function runModelBenches(config: ModelBenchOptions): { entries: Entry[]; sink: number } {
  const options: SideBySideOptions = { samples: config.samples, minSampleMs: config.quick ? 30 : 80, warmupMs: config.quick ? 150 : 400 };
  const want = (group: "fold" | "replay") => config.only === undefined || config.only.includes(group);
  const entries: Entry[] = [];
  const add = (entry: Entry): void => {
    entries.push(entry);
    config.log?.(entry.label);
  };

  if (want("fold")) foldBenches(options, add);
  if (want("replay")) replayBenches(options, add);
  return { entries, sink: sinkValue() };
}
