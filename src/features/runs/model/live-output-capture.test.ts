/**
 * `fake:slowtool` recorded from the real gateway: `exec` runs
 * `for i in 1 2 3 4 5 6 7 8; do echo "step $i"; sleep 1; done`, and the
 * gateway streams its output as partial results and `command_output` deltas.
 */
import { describe, expect, it } from "vitest";
import { boundedToString } from "./bounded-text";
import { captureRunId, captureSignals } from "./capture-fixtures";
import { foldRunSignal, foldRunSignals } from "./fold-run";
import { createRunFold, runTimeline, type RunFold } from "./fold-state";
import type { RunSignal } from "./run-signal";
import { stepsOfKind } from "./run-timeline";

const CAPTURE = "f-slowtool-live-output.jsonl";
const PRINTED = "step 1\nstep 2\nstep 3\nstep 4\nstep 5\nstep 6\nstep 7\nstep 8\n";

const runId = captureRunId(CAPTURE);
const signals = captureSignals(CAPTURE, runId);

function toolOutput(fold: RunFold): string {
  const [tool] = stepsOfKind(runTimeline(fold).steps, "tool");
  return tool ? boundedToString(tool.output) : "";
}

/** The tool's output after each signal, folded one at a time as they arrive live. */
function liveOutputs(sequence: readonly RunSignal[]): string[] {
  let fold = createRunFold(runId);
  return sequence.map((signal) => {
    fold = foldRunSignal(fold, signal);
    return toolOutput(fold);
  });
}

const isLivePiece = (signal: RunSignal) => signal.kind === "tool-update" || (signal.kind === "command-output" && signal.phase === "delta");

describe("the real gateway's live output of a command that prints a line a second", () => {
  it("sends cumulative snapshots: each partial result and each command_output delta holds all the output so far", () => {
    const partials = signals.flatMap((signal) => (signal.kind === "tool-update" && signal.partialText !== undefined ? [signal.partialText] : []));
    const deltas = signals.flatMap((signal) => (signal.kind === "command-output" && signal.phase === "delta" && signal.output !== undefined ? [signal.output] : []));
    expect(partials.length).toBeGreaterThanOrEqual(4);
    expect(deltas.length).toBeGreaterThanOrEqual(4);
    for (const text of [...partials, ...deltas]) expect(text.startsWith("step 1"), text).toBe(true);
    expect(partials.at(-1)).toBe(PRINTED);
    // command_output and the result are trimmed: the command's last newline is only in the partial results.
    expect(deltas.at(-1)).toBe(PRINTED.trimEnd());
    const result = signals.find((signal) => signal.kind === "tool-result");
    expect(result?.kind === "tool-result" && result.resultText).toBe(PRINTED.trimEnd());
  });

  it("is at every moment a prefix of the final output, which is exactly what the command printed", () => {
    const outputs = liveOutputs(signals);
    const final = outputs.at(-1);
    expect(final).toBe(PRINTED);
    outputs.forEach((output, index) => expect(PRINTED.startsWith(output), `after signal ${index} (${signals[index]?.kind}): ${JSON.stringify(output)}`).toBe(true));
    // It was seen growing, line by line, not only at the end.
    expect(new Set(outputs).size).toBeGreaterThanOrEqual(8);
  });

  it("stays a prefix of the final output in any interleaving of the two streams, with late and repeated frames (property)", () => {
    const slots = signals.flatMap((signal, index) => (isLivePiece(signal) ? [index] : []));
    const live = slots.map((index) => signals[index] as RunSignal);
    for (let seed = 1; seed <= 300; seed += 1) {
      const random = seededRandom(seed);
      // Each frame may arrive up to three places late, and one in five arrives twice.
      const jittered = live.flatMap((signal, index) => {
        const copies = [{ signal, key: index + random() * 3 }];
        if (random() < 0.2) copies.push({ signal, key: index + random() * 6 });
        return copies;
      });
      const arrived = jittered.sort((a, b) => a.key - b.key).map((entry) => entry.signal);
      const first = slots[0] ?? 0;
      const sequence = [...signals.slice(0, first).filter((signal) => !isLivePiece(signal)), ...arrived, ...signals.slice(first).filter((signal) => !isLivePiece(signal))];
      const outputs = liveOutputs(sequence);
      expect(outputs.at(-1), `seed ${seed}`).toBe(PRINTED);
      for (const output of outputs) expect(PRINTED.startsWith(output), `seed ${seed}: ${JSON.stringify(output)}`).toBe(true);
    }
  });

  it("folds the same output in one go as one signal at a time", () => {
    expect(toolOutput(foldRunSignals(createRunFold(runId), signals))).toBe(PRINTED);
  });
});

/** A small seeded PRNG (mulberry32): the same seed gives the same case. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
