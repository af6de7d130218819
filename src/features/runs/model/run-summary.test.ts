import { describe, expect, it } from "vitest";
import { EMPTY_TEXT } from "./bounded-text";
import { foldCapture } from "./capture-fixtures";
import { deriveRunOutcome, type RunOutcome } from "./run-outcome";
import { runDurationMs } from "./run-duration";
import { summarizeRun, GLANCE_TOOL_LIMIT } from "./run-summary";
import type { RunTimeline, TimelineStep, ToolStep } from "./run-timeline";

function ended(run: RunTimeline): RunOutcome {
  return deriveRunOutcome(run, { now: run.lastEventAt, connection: "online", gatewayConfirmedIdle: true });
}

/** A run still going, read 1.2 s after its last event. */
function runningAt(run: RunTimeline): RunOutcome {
  return deriveRunOutcome(run, { now: run.lastEventAt + 1_200, connection: "online", gatewayConfirmedIdle: false });
}

function tool(id: string, overrides: Partial<ToolStep>): ToolStep {
  return { id: `tool:${id}`, kind: "tool", toolCallId: id, name: "exec", at: 0, source: "live", output: EMPTY_TEXT, isError: false, status: "done", ...overrides };
}

/** The fake:tool capture's run with other steps in place of its own. */
function withSteps(steps: TimelineStep[]): RunTimeline {
  const run = foldCapture("b-tool-call-exec.jsonl");
  return { ...run, steps: steps.map((step) => ({ ...step, at: run.createdAt + step.at, ...(step.endedAt !== undefined ? { endedAt: run.createdAt + step.endedAt } : {}) })) };
}

describe("summarizeRun from real captures", () => {
  it("fake:tool: the command as it ran, exit 0, the gateway's duration, and the footer", () => {
    const run = foldCapture("b-tool-call-exec.jsonl");
    expect(summarizeRun(run, ended(run))).toStrictEqual({
      tools: [
        {
          id: "tool:call_fake_whyt4h",
          name: "exec",
          command: "echo hello-from-fake-tool && uname -s",
          title: "Exec print text → run uname",
          state: "done",
          statusText: "exit 0",
          durationText: "315 ms",
        },
      ],
      earlierTools: 0,
      footer: "Done in 7.2 s · 1 tool",
    });
  });

  it("without the tool's arguments it falls back to the gateway's title", () => {
    const run = foldCapture("b-tool-call-exec-no-tool-events-cap.jsonl");
    expect(summarizeRun(run, ended(run)).tools).toStrictEqual([
      { id: "tool:call_fake_m3fc1f", name: "exec", title: "Exec print text → run uname", state: "done", statusText: "exit 0", durationText: "429 ms" },
    ]);
  });

  it("429 three times then an answer: no tools, the retries counted as the banner counts them", () => {
    const run = foldCapture("c-rate-limit-429-recovered.jsonl");
    expect(summarizeRun(run, ended(run))).toStrictEqual({ tools: [], earlierTools: 0, footer: "Done in 10 s · 3 retries" });
  });

  it.each([
    ["d-auth-401.jsonl", "Failed after 579 ms"],
    ["e-timeout-hang-5s.jsonl", "Failed after 40 s · 4 retries"],
    ["chat-abort.jsonl", "Stopped"],
  ])("%s ends with “%s”", (capture, footer) => {
    const run = foldCapture(capture);
    expect(summarizeRun(run, ended(run)).footer).toBe(footer);
  });

  it("a running run says what it is doing now and for how long", () => {
    const run = foldCapture("sigkill-midrun.jsonl");
    expect(summarizeRun(run, runningAt(run))).toStrictEqual({ tools: [], earlierTools: 0, current: "Writing reply…", footer: "Running for 3.3 s" });
  });

  it("a run still retrying counts the retries so far", () => {
    const run = foldCapture("c-rate-limit-429-timeoutMs-not-honored.jsonl");
    expect(summarizeRun(run, runningAt(run))).toStrictEqual({ tools: [], earlierTools: 0, current: "Retrying, attempt 7 of 10 (rate limited)…", footer: "Running for 46 s · 6 retries" });
  });
});

describe("summarizeRun with several tools", () => {
  const steps: TimelineStep[] = [
    tool("a", { name: "read", args: { path: "src/app.ts" }, at: 100, endedAt: 180 }),
    tool("b", { args: { command: "npm test\n  -- --run" }, at: 200, durationMs: 12_400, exitCode: 1 }),
    tool("c", { args: { cmd: "ls" }, at: 13_000, status: "error", isError: true, error: "\nspawn ls ENOENT\n    at spawn (node:child_process)", endedAt: 13_050 }),
    tool("d", { args: { command: "sleep 60" }, at: 14_000, status: "running" }),
  ];

  it("marks a non-zero exit and a gateway error as failed, keeps the error's first line, and shows a running call without a duration", () => {
    const run = withSteps(steps);
    expect(summarizeRun(run, ended(run))).toStrictEqual({
      tools: [
        { id: "tool:a", name: "read", title: "Read src/app.ts", state: "done", statusText: "done", durationText: "80 ms" },
        { id: "tool:b", name: "exec", command: "npm test -- --run", title: "Run npm test -- --run", state: "failed", statusText: "failed · exit 1", durationText: "12 s" },
        { id: "tool:c", name: "exec", command: "ls", title: "Run ls", state: "failed", statusText: "failed", durationText: "50 ms", error: "spawn ls ENOENT" },
        { id: "tool:d", name: "exec", command: "sleep 60", title: "Run sleep 60", state: "running", statusText: "running" },
      ],
      earlierTools: 0,
      footer: "Done in 7.2 s · 4 tools · 2 failed",
    });
  });

  it("keeps the latest calls and counts the earlier ones", () => {
    const many = Array.from({ length: GLANCE_TOOL_LIMIT + 3 }, (_, index) => tool(`t${index}`, { args: { command: `echo ${index}` }, at: index * 10, durationMs: 5, exitCode: 0 }));
    const run = withSteps(many);
    const summary = summarizeRun(run, ended(run));
    expect(summary.earlierTools).toBe(3);
    expect(summary.tools.map((glance) => glance.command)).toEqual(["echo 3", "echo 4", "echo 5", "echo 6", "echo 7", "echo 8", "echo 9", "echo 10"]);
    expect(summary.footer).toBe("Done in 7.2 s · 11 tools");
  });

  it("clips a very long command to 200 characters", () => {
    const run = withSteps([tool("long", { args: { command: `echo ${"x".repeat(300)}` }, durationMs: 1, exitCode: 0 })]);
    const command = summarizeRun(run, ended(run)).tools[0]?.command;
    expect(command).toBe(`echo ${"x".repeat(194)}…`);
    expect(command).toHaveLength(200);
  });
});

describe("runDurationMs", () => {
  it("is the time from creation to the end, and nothing when no time passed", () => {
    expect(runDurationMs(foldCapture("b-tool-call-exec.jsonl"))).toBe(7_187);
    expect(runDurationMs(foldCapture("chat-abort.jsonl"))).toBeUndefined();
  });
});
