import { test } from "vitest";
import { createRun, foldRunSignals } from "./fold-run";
import type { RunSignal } from "./run-signal";
import { signalOf } from "./test-signals";
import { captureRunId, captureSignals } from "./capture-fixtures";

test("bench", () => {
  const signals: RunSignal[] = [signalOf("big", 0, { kind: "queued" }), signalOf("big", 1, { kind: "tool-start", toolCallId: "t1", name: "exec", args: { command: "yes" } }, { runSeq: 1 })];
  const line = `${"y".repeat(99)}\n`;
  for (let i = 0; i < 4000; i++) signals.push(signalOf("big", 2 + i, { kind: "command-output", phase: "delta", toolCallId: "t1", output: line }, { runSeq: 2 + i }));
  let text = "";
  for (let i = 0; i < 998; i++) { text += "word "; signals.push(signalOf("big", 5000 + i, { kind: "assistant-text", text, segmentId: "s" }, { runSeq: 5000 + i })); }
  const many: RunSignal[] = [];
  for (let i = 0; i < 5000; i++) many.push(signalOf("m", i, i % 2 ? { kind: "tool-start", toolCallId: `t${i >> 1}`, name: "exec", args: { i } } : { kind: "tool-result", toolCallId: `t${(i >> 1) - 1}`, isError: false, resultText: "ok" }, { runSeq: i }));
  const runId = captureRunId("c-rate-limit-429-exhausted.jsonl");
  const real = captureSignals("c-rate-limit-429-exhausted.jsonl", runId);
  const realMany: RunSignal[] = [];
  for (let k = 0; realMany.length < 5000; k++) for (const s of real) realMany.push({ ...s, runSeq: (s.runSeq ?? 0) + k * 1000, at: s.at + k });
  for (const [name, list, id] of [["output", signals, "big"], ["many tools", many, "m"], ["real 429 x N", realMany.slice(0, 5000), runId]] as const) {
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      foldRunSignals(createRun(id), list);
      const ms = performance.now() - t;
      console.log(name, r, ms.toFixed(1), "ms", Math.round(list.length / ms * 1000), "events/s");
    }
  }
});
