import { describe, expect, it } from "vitest";
import { boundedToString, HEAD_CHARS, TAIL_CHARS, type BoundedText } from "./bounded-text";
import { foldTimeline } from "./fold-run";
import { addOutputPiece, type LiveOutput } from "./live-output";
import type { RunSignal, RunSignalBody } from "./run-signal";
import { stepsOfKind } from "./run-timeline";
import { seededShuffle, signalOf } from "./test-signals";

const LINES = ["step 1\n", "step 2\n", "step 3\n", "step 4\n"];
const PRINTED = LINES.join("");

function run(bodies: readonly RunSignalBody[]): RunSignal[] {
  return [
    signalOf("r", 0, { kind: "tool-start", toolCallId: "c", name: "exec", args: { command: "count" } }, { runSeq: 1 }),
    ...bodies.map((body, index) => signalOf("r", 10 * (index + 1), body, { runSeq: index + 2 })),
  ];
}

const chunk = (text: string): RunSignalBody => ({ kind: "command-output", phase: "delta", toolCallId: "c", chunk: text });
const snapshot = (text: string): RunSignalBody => ({ kind: "command-output", phase: "delta", toolCallId: "c", output: text });
const partial = (text: string): RunSignalBody => ({ kind: "tool-update", toolCallId: "c", partialText: text });
const result = (text: string): RunSignalBody => ({ kind: "tool-result", toolCallId: "c", isError: false, resultText: text });

function outputOf(signals: readonly RunSignal[]): BoundedText | undefined {
  return stepsOfKind(foldTimeline("r", signals).steps, "tool")[0]?.output;
}

/** The tool's output after each signal, as the live box would show it. */
function liveOutputs(signals: readonly RunSignal[]): string[] {
  return signals.map((_, index) => {
    const output = outputOf(signals.slice(0, index + 1));
    return output ? boundedToString(output) : "";
  });
}

/** Everything printed up to line `count`: the cumulative text a snapshot carries. */
const upTo = (count: number) => LINES.slice(0, count).join("");

describe("live output: chunks are appended once, snapshots replace, never both", () => {
  it("appends chunks once each", () => {
    expect(liveOutputs(run(LINES.map(chunk)))).toEqual(["", upTo(1), upTo(2), upTo(3), upTo(4)]);
  });

  it("replaces with each snapshot instead of adding it to the text before", () => {
    expect(liveOutputs(run([1, 2, 3, 4].map((count) => snapshot(upTo(count)))))).toEqual(["", upTo(1), upTo(2), upTo(3), upTo(4)]);
  });

  it("takes partial results and command output as snapshots of one output, trimmed copies included", () => {
    // What the gateway sends: the partial result keeps the newline, command_output trims it.
    const signals = run([partial(upTo(1)), snapshot("step 1"), partial(upTo(2)), snapshot("step 1\nstep 2"), result("step 1\nstep 2")]);
    expect(liveOutputs(signals)).toEqual(["", upTo(1), upTo(1), upTo(2), upTo(2), upTo(2)]);
  });

  it("drops chunks once a snapshot has been seen, whichever comes first", () => {
    const interleaved = run([chunk(LINES[0] ?? ""), snapshot(upTo(1)), chunk(LINES[1] ?? ""), snapshot(upTo(2)), chunk(LINES[2] ?? ""), snapshot(upTo(4))]);
    expect(liveOutputs(interleaved)).toEqual(["", upTo(1), upTo(1), upTo(1), upTo(2), upTo(2), upTo(4)]);
    const snapshotFirst = run([snapshot(upTo(2)), chunk(LINES[1] ?? ""), chunk(LINES[2] ?? "")]);
    expect(liveOutputs(snapshotFirst).at(-1)).toBe(upTo(2));
  });

  it("keeps chunks that a late, shorter snapshot already starts, and hands the output to snapshots from then on", () => {
    const signals = run([chunk(upTo(2)), snapshot(upTo(1)), chunk(LINES[2] ?? ""), snapshot(upTo(3))]);
    expect(liveOutputs(signals)).toEqual(["", upTo(2), upTo(2), upTo(2), upTo(3)]);
  });

  it("ignores an older snapshot that arrives late and a snapshot delivered twice", () => {
    const late = run([snapshot(upTo(1)), snapshot(upTo(3)), snapshot(upTo(2)), snapshot(upTo(3)), snapshot(upTo(4))]);
    expect(liveOutputs(late)).toEqual(["", upTo(1), upTo(3), upTo(3), upTo(3), upTo(4)]);
    const signals = run([snapshot(upTo(1)), snapshot(upTo(2))]);
    const twice = [...signals, ...signals];
    expect(outputOf(twice)).toEqual(outputOf(signals));
    expect(boundedToString(outputOf(twice) ?? { head: "", tail: "", totalChars: 0 })).toBe(upTo(2));
  });

  it("appends a chunk delivered twice only once (the second copy has the same seq)", () => {
    const signals = run(LINES.map(chunk));
    expect(boundedToString(outputOf([...signals, ...seededShuffle(signals, 7)]) ?? { head: "", tail: "", totalChars: 0 })).toBe(PRINTED);
  });

  it("ignores live pieces that arrive after the result", () => {
    const signals = run([snapshot(upTo(2)), result(upTo(3)), snapshot(upTo(4)), chunk("late\n")]);
    expect(liveOutputs(signals).at(-1)).toBe(upTo(3));
  });

  it("lets the command's end and the result replace the live output only when they carry it on", () => {
    const end = run([snapshot(upTo(2)), { kind: "command-output", phase: "end", toolCallId: "c", output: upTo(4), exitCode: 0 }]);
    expect(liveOutputs(end).at(-1)).toBe(upTo(4));
    const other = run([snapshot(upTo(2)), result("Command failed: exit 1")]);
    const [tool] = stepsOfKind(foldTimeline("r", other).steps, "tool");
    expect(tool && boundedToString(tool.output)).toBe(upTo(2));
    expect(tool?.result && boundedToString(tool.result)).toBe("Command failed: exit 1");
  });

  it("keeps the head, the newest tail and the true length of output over the bound, from chunks or snapshots", () => {
    const line = (index: number) => `line ${String(index).padStart(5, "0")} ${"x".repeat(40)}\n`;
    const lines = Array.from({ length: 400 }, (_, index) => line(index));
    const full = lines.join("");
    expect(full.length).toBeGreaterThan(HEAD_CHARS + TAIL_CHARS);
    const expected = { head: full.slice(0, HEAD_CHARS), tail: full.slice(-TAIL_CHARS), totalChars: full.length };

    expect(outputOf(run(lines.map(chunk)))).toEqual(expected);
    const snapshots = lines.map((_, index) => snapshot(lines.slice(0, index + 1).join("")));
    expect(outputOf(run(snapshots))).toEqual(expected);
    // An older snapshot past the bound is still recognised as older.
    expect(outputOf(run([...snapshots, snapshot(lines.slice(0, 300).join(""))]))).toEqual(expected);
  });
});

describe("addOutputPiece", () => {
  it("returns the same output when a piece adds nothing", () => {
    const output: LiveOutput = addOutputPiece({ text: { head: "", tail: "", totalChars: 0 }, fromSnapshots: false }, { mode: "snapshot", text: "a\nb\n" });
    expect(addOutputPiece(output, { mode: "snapshot", text: "a\nb" })).toBe(output);
    expect(addOutputPiece(output, { mode: "chunk", text: "c\n" })).toBe(output);
    expect(addOutputPiece(output, { mode: "snapshot", text: "a\nb\nc\n" }).text).toEqual({ head: "a\nb\nc\n", tail: "", totalChars: 6 });
  });
});
