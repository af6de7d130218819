import { describe, expect, it } from "vitest";
import { boundedToString, HEAD_CHARS, TAIL_CHARS } from "./bounded-text";
import { captureClose, captureFold, captureRunId, captureSignals, foldCapture } from "./capture-fixtures";
import { KEY_LOG_LIMIT } from "./fold-dedupe";
import { foldRunSignal, foldRunSignals, foldTimeline } from "./fold-run";
import { createRunFold, runTimeline } from "./fold-state";
import { deriveRunOutcome } from "./run-outcome";
import type { RunSignal } from "./run-signal";
import { stepsOfKind, type RunTimeline } from "./run-timeline";
import { seededShuffle, signalOf, T0 } from "./test-signals";

const ONLINE = { connection: "online" as const };

function outcomeOf(run: RunTimeline) {
  return deriveRunOutcome(run, { ...ONLINE, now: run.lastEventAt + 1_000 });
}

describe("folding real captures", () => {
  it("a-text: one text segment, the model, lifecycle from queued to completed", () => {
    const run = foldCapture("a-text.jsonl");
    expect(run.status).toBe("ended");
    expect(run.text).toBe("Hello from the fake LLM. This is a scripted reply.");
    expect(run.model).toEqual({ provider: "fake", model: "fake-model" });
    expect(run.sessionKey).toBe("agent:main:main");
    expect(stepsOfKind(run.steps, "text")).toHaveLength(1);
    expect(stepsOfKind(run.steps, "lifecycle").map((step) => step.event)).toEqual([
      "queued",
      "model-selected",
      "started",
      "finishing",
      "completed",
    ]);
    expect(run.endedAt).toBeGreaterThan(run.createdAt);
  });

  it("b-tool-call-exec: the exec call with args, live and final output, exit code, duration and title", () => {
    const run = foldCapture("b-tool-call-exec.jsonl");
    const tools = stepsOfKind(run.steps, "tool");
    expect(tools).toHaveLength(1);
    expect(tools[0]).toMatchObject({
      name: "exec",
      title: "Exec print text → run uname",
      args: { command: "echo hello-from-fake-tool && uname -s" },
      exitCode: 0,
      durationMs: 315,
      isError: false,
      status: "done",
      source: "live",
    });
    const [tool] = tools;
    expect(tool && boundedToString(tool.output)).toBe("hello-from-fake-tool\nLinux");
    expect(tool?.result && boundedToString(tool.result)).toBe("hello-from-fake-tool\nLinux");
    expect(run.text).toBe("Tool finished. Result was: hello-from-fake-tool Linux");
    // The tool sits between the start and the reply on the time axis.
    const kinds = run.steps.map((step) => step.kind);
    expect(kinds.indexOf("tool")).toBeLessThan(kinds.indexOf("text"));
  });

  it("b-tool-call-exec without the tool-events cap: the step is built from item and command_output alone", () => {
    const [tool] = stepsOfKind(foldCapture("b-tool-call-exec-no-tool-events-cap.jsonl").steps, "tool");
    expect(tool).toMatchObject({ name: "exec", title: "Exec print text → run uname", exitCode: 0, status: "done" });
    expect(tool && boundedToString(tool.output)).toBe("hello-from-fake-tool\nLinux");
  });

  it("c-rate-limit-429-recovered: each retry once (chat + agent halves merged), with its wait and cause", () => {
    const run = foldCapture("c-rate-limit-429-recovered.jsonl");
    const retries = stepsOfKind(run.steps, "retry");
    // The capture has three retry announcements (attempts 2-4); the fake's counter repeats "1/2" once.
    expect(retries.map((step) => [step.attempt, step.maxAttempts, step.reason, step.delayMs])).toEqual([
      [2, 10, "rate_limit", 1000],
      [3, 10, "rate_limit", 2924],
      [4, 10, "rate_limit", 3349],
    ]);
    const errors = stepsOfKind(run.steps, "provider-error");
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatchObject({ provider: "fake", model: "fake-model", failoverReason: "rate_limit", retryAfterMs: 1000 });
    expect(run.text).toBe("Recovered after 2 rate limit responses.");
  });

  it("c-rate-limit-429-exhausted: two terminal errors make one terminal record", () => {
    const run = foldCapture("c-rate-limit-429-exhausted.jsonl");
    expect(run.terminal).toMatchObject({ kind: "error", errorKind: "rate_limit" });
    expect(run.terminal?.followUps).toEqual(["⚠️ The model request was rate-limited. Please try again in a few minutes."]);
    expect(run.stats.extraTerminals).toBe(1);
    expect(run.steps.filter((step) => step.kind === "lifecycle" && step.event === "failed")).toHaveLength(1);
    expect(stepsOfKind(run.steps, "retry")).toHaveLength(9);
  });

  it("chat-abort: the empty replace after the abort does not blank what was kept", () => {
    const runId = captureRunId("chat-abort.jsonl");
    const withText = foldRunSignal(createRunFold(runId), signalOf(runId, 0, { kind: "assistant-text", text: "partial answer" }, { runSeq: 40 }));
    const run = runTimeline(foldRunSignals(withText, captureSignals("chat-abort.jsonl", runId)));
    expect(run.terminal?.kind).toBe("aborted");
    expect(run.text).toBe("partial answer");
  });

  it("sigkill-midrun: a dead socket leaves the run open with its partial text", () => {
    const run = foldCapture("sigkill-midrun.jsonl");
    expect(run.status).toBe("running");
    expect(run.phase).toEqual({ kind: "writing-reply" });
    expect(run.text).toBe("slow1");
  });
});

describe("duplicates, order and unknown events", () => {
  const captures = [
    "a-text.jsonl",
    "b-tool-call-exec.jsonl",
    "c-rate-limit-429-recovered.jsonl",
    "c-rate-limit-429-exhausted.jsonl",
    "d-auth-401-isolated-provider.jsonl",
    "d-auth-cooldown-after-401.jsonl",
    "e-timeout-hang-5s.jsonl",
    "chat-abort.jsonl",
  ];

  it("returns the same object for a signal folded twice, and for another run's signal", () => {
    const runId = captureRunId("b-tool-call-exec.jsonl");
    let run = createRunFold(runId);
    for (const signal of captureSignals("b-tool-call-exec.jsonl", runId)) {
      run = foldRunSignal(run, signal);
      expect(foldRunSignal(run, signal)).toBe(run);
      expect(runTimeline(foldRunSignal(run, signal))).toBe(runTimeline(run));
    }
    expect(foldRunSignal(run, { ...signalOf("other-run", 0, { kind: "queued" }) })).toBe(run);
  });

  it("history-style signals without a seq are idempotent too", () => {
    const signals = captureSignals("b-tool-call-exec.jsonl").map(({ runSeq: _seq, ...signal }): RunSignal => ({ ...signal, source: "history" }));
    let run = createRunFold(signals[0]?.runId ?? "r");
    for (const signal of signals) {
      run = foldRunSignal(run, signal);
      if (signal.kind !== "unknown" && signal.kind !== "command-output") expect(foldRunSignal(run, signal), signal.kind).toBe(run);
    }
  });

  it.each(captures)("%s: every event delivered twice gives the same timeline", (name) => {
    const runId = captureRunId(name);
    const signals = captureSignals(name, runId);
    const once = foldTimeline(runId, signals);
    const twice = foldTimeline(runId, signals.flatMap((signal) => [signal, signal]));
    expect(twice.steps).toEqual(once.steps);
    expect(twice.terminal).toEqual(once.terminal);
    expect(outcomeOf(twice)).toEqual(outcomeOf(once));
  });

  it.each(captures)("%s: shuffled, duplicated and sprinkled with unknown events, the outcome is the same", (name) => {
    const runId = captureRunId(name);
    const signals = captureSignals(name, runId);
    const expected = outcomeOf(foldTimeline(runId, signals));
    const noise: RunSignal[] = [
      signalOf(runId, 1, { kind: "unknown", event: "agent", detail: "stream telepathy" }, { runSeq: 9_001 }),
      signalOf(runId, 2, { kind: "unknown", event: "brand.new.event" }, { runSeq: 9_002 }),
      signalOf(runId, 3, { kind: "activity", label: "usage" }, { runSeq: 9_003 }),
    ];
    for (const seed of [1, 2, 3, 4, 5]) {
      const mixed = seededShuffle([...signals, ...signals.slice(0, 10), ...noise], seed);
      const run = foldTimeline(runId, mixed);
      const outcome = outcomeOf(run);
      expect(outcome.kind).toBe(expected.kind);
      expect(outcome.title).toBe(expected.title);
      if (outcome.kind === "failed" && expected.kind === "failed") {
        expect(outcome.errorClass).toBe(expected.errorClass);
        expect(outcome.providerDetail).toBe(expected.providerDetail);
      }
      expect(stepsOfKind(run.steps, "tool")).toHaveLength(stepsOfKind(foldCapture(name).steps, "tool").length);
      expect(stepsOfKind(run.steps, "retry")).toHaveLength(stepsOfKind(foldCapture(name).steps, "retry").length);
      expect(run.stats.unknown).toBe(2);
      // Steps stay on one time axis whatever the arrival order.
      const times = run.steps.map((step) => step.at);
      expect(times).toEqual(times.slice().sort((a, b) => a - b));
    }
  });

  it("merges a tool result that arrives before its start into one step", () => {
    const run = foldTimeline("r", [
      signalOf("r", 200, { kind: "tool-result", toolCallId: "c1", name: "read", isError: true, resultText: "ENOENT: no such file\nstack" }, { runSeq: 5 }),
      signalOf("r", 100, { kind: "tool-start", toolCallId: "c1", name: "read", args: { path: "/nope" } }, { runSeq: 4 }),
    ]);
    const tools = stepsOfKind(run.steps, "tool");
    expect(tools).toHaveLength(1);
    expect(tools[0]).toMatchObject({
      name: "read",
      args: { path: "/nope" },
      status: "error",
      isError: true,
      error: "ENOENT: no such file",
      at: T0 + 100,
    });
  });

  it("ignores a delta that arrives after the final message and an older delta that arrives late", () => {
    const run = foldTimeline("r", [
      signalOf("r", 10, { kind: "assistant-text", text: "Hello wor" }, { runSeq: 3 }),
      signalOf("r", 20, { kind: "assistant-text", text: "Hel" }, { runSeq: 2 }),
      signalOf("r", 30, { kind: "chat-final", text: "Hello world." }, { runSeq: 4 }),
      signalOf("r", 40, { kind: "assistant-text", text: "Hello w" }, { runSeq: 3 }),
      signalOf("r", 50, { kind: "assistant-text", text: "" , replace: true }, { runSeq: 5 }),
    ]);
    expect(run.text).toBe("Hello world.");
  });

  it("puts connection events on the run only while it was open", () => {
    const during = signalOf("r", 50, { kind: "disconnected", code: 1006, reason: "" });
    const after = signalOf("r", 500, { kind: "disconnected", code: 1012, reason: "service restart" });
    const run = foldTimeline("r", [
      signalOf("r", 0, { kind: "queued" }),
      during,
      signalOf("r", 60, { kind: "reconnected", bootChanged: false }),
      signalOf("r", 100, { kind: "chat-final", text: "ok" }, { runSeq: 9 }),
      after,
    ]);
    const connections = stepsOfKind(run.steps, "connection");
    expect(connections.map((step) => step.words)).toEqual(["1006 connection lost (no close frame)", "reconnected"]);
    // Reconnecting to the same boot shows the 1006 was a network drop, not a crash.
    expect(run.restart).toBeUndefined();
  });

  it("records the gateway's seq-gap report once", () => {
    const gap = signalOf("r", 5, { kind: "seq-gap", expected: 4, received: 9 });
    const run = foldTimeline("r", [gap, { ...gap, at: gap.at + 1 }]);
    expect(stepsOfKind(run.steps, "gap")).toEqual([expect.objectContaining({ expected: 4, received: 9 })]);
  });

  it("shows the phase the status line needs", () => {
    const runId = captureRunId("b-tool-call-exec.jsonl");
    const signals = captureSignals("b-tool-call-exec.jsonl", runId);
    const toolStart = signals.findIndex((signal) => signal.kind === "tool-start");
    const mid = foldTimeline(runId, signals.slice(0, toolStart + 1));
    expect(mid.phase).toEqual({ kind: "using-tool", tool: "exec", title: "Exec print text → run uname" });
    const retrying = foldTimeline("r", [signalOf("r", 0, { kind: "retry", attempt: 2, maxAttempts: 10, reason: "rate_limit" })]);
    expect(retrying.phase).toEqual({ kind: "retrying", attempt: 2, maxAttempts: 10, reason: "rate_limit" });
  });
});

describe("long runs stay small", () => {
  it("folds 5,000 events of live output and text into a bounded run, quickly", () => {
    const signals: RunSignal[] = [
      signalOf("big", 0, { kind: "queued" }),
      signalOf("big", 1, { kind: "tool-start", toolCallId: "t1", name: "exec", args: { command: "yes" } }, { runSeq: 1 }),
    ];
    const line = `${"y".repeat(99)}\n`;
    for (let index = 0; index < 4_000; index += 1) {
      signals.push(signalOf("big", 2 + index, { kind: "command-output", phase: "delta", toolCallId: "t1", chunk: line }, { runSeq: 2 + index }));
    }
    let text = "";
    for (let index = 0; index < 998; index += 1) {
      text += "word ";
      signals.push(signalOf("big", 5_000 + index, { kind: "assistant-text", text, segmentId: "s" }, { runSeq: 5_000 + index }));
    }
    expect(signals).toHaveLength(5_000);

    const started = performance.now();
    const fold = foldRunSignals(createRunFold("big"), signals);
    const run = runTimeline(fold);
    const elapsed = performance.now() - started;

    const [tool] = stepsOfKind(run.steps, "tool");
    expect(tool?.output.totalChars).toBe(400_000);
    expect(tool && tool.output.head.length + tool.output.tail.length).toBeLessThanOrEqual(HEAD_CHARS + TAIL_CHARS);
    expect(tool?.output.tail.endsWith(line)).toBe(true);
    expect(run.steps.length).toBeLessThan(10);
    expect(fold.seenKeys.size).toBeLessThanOrEqual(KEY_LOG_LIMIT);
    expect(JSON.stringify(run).length).toBeLessThan(40_000);
    expect(elapsed).toBeLessThan(2_000);
  });

  it("stays bounded for 5,000 random events over many tools (property)", () => {
    for (const seed of [11, 23, 37]) {
      let state = seed;
      const random = (below: number): number => {
        state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
        return state % below;
      };
      const signals: RunSignal[] = [];
      for (let index = 0; index < 5_000; index += 1) {
        const tool = `t${random(200)}`;
        const at = random(100_000);
        const choice = random(6);
        const body: RunSignal[] = [
          signalOf("p", at, { kind: "tool-start", toolCallId: tool, name: random(2) ? "exec" : "read", args: { n: index } }, { runSeq: index }),
          signalOf("p", at, { kind: "command-output", phase: "delta", toolCallId: tool, output: "z".repeat(random(3_000)) }, { runSeq: index }),
          signalOf("p", at, { kind: "tool-result", toolCallId: tool, isError: random(5) === 0, resultText: "r".repeat(random(20_000)) }, { runSeq: index }),
          signalOf("p", at, { kind: "retry", attempt: random(10), maxAttempts: 10 }, { runSeq: index }),
          signalOf("p", at, { kind: "assistant-text", delta: "x", segmentId: `s${random(30)}` }, { runSeq: index }),
          signalOf("p", at, { kind: "status", phase: "preparing_context" }, { runSeq: index }),
        ];
        const picked = body[choice];
        if (picked) signals.push(picked);
      }
      const run = foldTimeline("p", signals);
      for (const tool of stepsOfKind(run.steps, "tool")) {
        expect(tool.output.head.length + tool.output.tail.length).toBeLessThanOrEqual(HEAD_CHARS + TAIL_CHARS);
        expect((tool.result?.head.length ?? 0) + (tool.result?.tail.length ?? 0)).toBeLessThanOrEqual(HEAD_CHARS + TAIL_CHARS);
      }
      // At most one step per tool, retry attempt and text segment, plus lifecycle.
      expect(run.steps.length).toBeLessThanOrEqual(200 + 10 + 30 + 5);
      expect(JSON.stringify(run).length).toBeLessThan(200 * (HEAD_CHARS + TAIL_CHARS) * 2 + 100_000);
      const times = run.steps.map((step) => step.at);
      expect(times).toEqual(times.slice().sort((a, b) => a - b));
    }
  });
});

describe("socket close captured with the run", () => {
  it("sigterm-midrun-slim: the 1012 after the final answer is not part of the run", () => {
    const runId = captureRunId("sigterm-midrun-slim.jsonl");
    const close = captureClose("sigterm-midrun-slim.jsonl");
    expect(close?.code).toBe(1012);
    const run = runTimeline(
      foldRunSignals(captureFold("sigterm-midrun-slim.jsonl"), [
        { runId, at: close?.at ?? 0, source: "live", kind: "disconnected", code: close?.code ?? 0, reason: close?.reason ?? "" },
      ]),
    );
    expect(stepsOfKind(run.steps, "connection")).toHaveLength(0);
    expect(run.restart).toBeUndefined();
  });
});
