/**
 * A browser with no run log of its own rebuilds runs from `chat.history` alone. It must show what the live
 * view showed wherever history keeps the fact, and nothing where it does not: the real gateway's history
 * projection drops a tool result's `details` (exit code, duration) and the provider's own error detail.
 */
import { describe, expect, it } from "vitest";
import { captureRunId, foldCapture, historyPayloads, lastHistoryMessages } from "./capture-fixtures";
import { groupSteps } from "./group-steps";
import { runsFromHistory } from "./history-to-runs";
import { deriveRunOutcome, type RunOutcome } from "./run-outcome";
import { buildRunReport } from "./run-report";
import { summarizeRun } from "./run-summary";
import { usageFooter } from "./run-usage";
import { stepsOfKind, toolDurationMs, type RunTimeline, type TimelineStep } from "./run-timeline";
import { spawnRequests } from "./subagents";
import { toolTitle } from "./tool-title";

function historyOnly(name: string, messages = lastHistoryMessages(name)): RunTimeline {
  const payload = historyPayloads(name).at(-1);
  const runs = runsFromHistory(messages, { activity: payload?.activity, sessionInfo: payload?.sessionInfo });
  const run = runs.find((candidate) => candidate.runId === captureRunId(name));
  if (!run) throw new Error(`no run of ${name} in its history`);
  return run;
}

/** The run of `name` rebuilt from one of its chat.history reads (the sub-agent captures read the parent's first). */
function historyOnlyFrom(name: string, read: number): RunTimeline {
  const payload = historyPayloads(name)[read];
  const messages = Array.isArray(payload?.messages) ? payload.messages : [];
  const runs = runsFromHistory(messages, { sessionKey: "agent:main:main", activity: payload?.activity, sessionInfo: payload?.sessionInfo });
  const run = runs.find((candidate) => candidate.runId === captureRunId(name));
  if (!run) throw new Error(`no run of ${name} in history read ${read}`);
  return run;
}

/** Each tool step as a row of the timeline reads: its name, its title, its state, and the call it ran inside. */
function toolRows(run: RunTimeline): Array<[string, string, string, string | undefined]> {
  return stepsOfKind(run.steps, "tool").map((step) => [step.name, toolTitle(step), step.status, step.parentToolCallId]);
}

/** The timeline's rows, kind by kind ("tool" for a group of tools), in the order shown. */
function rowKinds(steps: readonly TimelineStep[]): string[] {
  return groupSteps(steps).map((group) => (group.kind === "single" ? (group.step.kind === "lifecycle" ? group.step.event : group.step.kind) : "tools"));
}

function ended(run: RunTimeline): RunOutcome {
  return deriveRunOutcome(run, { now: run.lastEventAt + 1_000, connection: "online", gatewayConfirmedIdle: true });
}

describe("an exec run rebuilt from chat.history alone (b-tool-call-exec)", () => {
  const live = foldCapture("b-tool-call-exec.jsonl");
  const restored = historyOnly("b-tool-call-exec.jsonl");
  const [tool] = stepsOfKind(restored.steps, "tool");

  it("titles the call by its command: the history's title is only the tool's name", () => {
    expect(tool && toolTitle(tool)).toBe("Run echo hello-from-fake-tool && uname -s");
  });

  it("shows the same tool, command and state as live, and neither an exit code nor a duration history does not keep", () => {
    expect(summarizeRun(live, ended(live)).tools).toStrictEqual([
      {
        id: "tool:call_fake_whyt4h",
        name: "exec",
        command: "echo hello-from-fake-tool && uname -s",
        title: "Exec print text → run uname",
        state: "done",
        statusText: "exit 0",
        durationText: "315 ms",
      },
    ]);
    // The rows' times are when the model wrote the call and when the result was stored, not when the command ran.
    expect(summarizeRun(restored, ended(restored)).tools).toStrictEqual([
      { id: "tool:call_fake_whyt4h", name: "exec", command: "echo hello-from-fake-tool && uname -s", title: "Run echo hello-from-fake-tool && uname -s", state: "done", statusText: "done" },
    ]);
    expect(tool && toolDurationMs(tool)).toBeUndefined();
  });

  it("reads a non-zero exit from the text the exec tool appends to its result", () => {
    const messages = lastHistoryMessages("b-tool-call-exec.jsonl").map((row) =>
      isToolResult(row) ? { ...row, content: [{ type: "text", text: "hello-from-fake-tool\nLinux\n\n(Command exited with code 2)" }] } : row,
    );
    const failed = historyOnly("b-tool-call-exec.jsonl", messages);
    expect(stepsOfKind(failed.steps, "tool")[0]).toMatchObject({ exitCode: 2, status: "done" });
    expect(summarizeRun(failed, ended(failed)).tools[0]?.statusText).toBe("failed · exit 2");
  });

  it("does not read an exit code out of another tool's text", () => {
    const messages = lastHistoryMessages("b-tool-call-exec.jsonl").map((row) =>
      isToolResult(row) ? { ...row, toolName: "read", content: [{ type: "text", text: "notes\n(Command exited with code 2)" }] } : row,
    );
    expect(stepsOfKind(historyOnly("b-tool-call-exec.jsonl", messages).steps, "tool")[0]?.exitCode).toBeUndefined();
  });
});

describe("a 401 run rebuilt from chat.history alone (d-auth-401-isolated-provider)", () => {
  it("fails with the live run's class, provider, model and HTTP status; the provider's own detail was never stored, so it names none", () => {
    const live = ended(foldCapture("d-auth-401-isolated-provider.jsonl"));
    const restored = ended(historyOnly("d-auth-401-isolated-provider.jsonl"));
    const same = { kind: "failed", title: "Authentication failed", errorClass: "auth", provider: "fakeauth", model: "fake-model", httpStatus: 401 };
    expect(live).toMatchObject({ ...same, providerDetail: "401 Missing scopes: model.request" });
    expect(restored).toMatchObject(same);
    expect(restored).toMatchObject({
      summary: "fakeauth/fake-model rejected the credentials (HTTP 401).",
      nextStep: "Re-authenticate fakeauth (check the API key and its permissions), then send again.",
    });
    expect(restored.kind === "failed" ? restored.providerDetail : "not failed").toBeUndefined();
  });
});

describe("a sub-agent parent rebuilt from chat.history alone (g-subagent-spawn)", () => {
  const SPAWN = "g-subagent-spawn.jsonl";
  const live = foldCapture(SPAWN);
  const restored = historyOnlyFrom(SPAWN, 0);

  it("shows the sessions_spawn call inside Tool Search's tool_call as the live view did: the history row of the nested call, with the sub-agent's title", () => {
    const nested = "tool_search_code:call_e61573c6750b42bda9f5d5ab:sessions_spawn:1";
    const rows: Array<[string, string, string, string | undefined]> = [
      ["tool_call", "Tool Call", "done", undefined],
      ["sessions_spawn", "Sub-agent label kernel-check, timeout 60", "done", "call_e61573c6750b42bda9f5d5ab"],
    ];
    expect(toolRows(live)).toStrictEqual(rows);
    expect(toolRows(restored)).toStrictEqual(rows);
    expect(stepsOfKind(restored.steps, "tool")[1]).toMatchObject({ toolCallId: nested, args: { label: "kernel-check", task: "Print the greeting and the kernel name. fake:tool" } });
    // The spawn is the nested call in both, so the sub-agent is linked by the same call.
    const spawn = { toolCallId: nested, label: "kernel-check", status: "accepted", childSessionKey: "agent:main:subagent:386463e2-ca74-45f5-a9c4-45168543d83e", childRunId: "68b3e883-0934-48d6-95de-2e2b64a2dc64" };
    expect(spawnRequests(live)).toMatchObject([spawn]);
    expect(spawnRequests(restored)).toMatchObject([spawn]);
  });

  it("times the nested call by the gateway's own start and end, which history keeps for it (346 ms; live measured 341 ms)", () => {
    const spawnStep = stepsOfKind(restored.steps, "tool")[1];
    expect(spawnStep && toolDurationMs(spawnStep)).toBe(346);
    expect(spawnStep?.at).toBe(1796120827609);
  });

  it("lists the model call that wrote the tool call before the tools, as live did", () => {
    expect(rowKinds(live.steps)).toStrictEqual(["started", "model-selected", "usage", "tools", "text", "usage", "finishing", "completed"]);
    expect(rowKinds(restored.steps)).toStrictEqual(["queued", "model-selected", "usage", "tools", "text", "usage", "completed"]);
  });
});

describe("how long a run rebuilt from chat.history alone took (b-tool-call-exec)", () => {
  const NAME = "b-tool-call-exec.jsonl";
  const live = foldCapture(NAME);
  const payload = historyPayloads(NAME).at(-1);
  const restoredWith = (sessionInfo: unknown): RunTimeline => {
    const runs = runsFromHistory(lastHistoryMessages(NAME), { activity: payload?.activity, sessionInfo });
    const run = runs.find((candidate) => candidate.runId === captureRunId(NAME));
    if (!run) throw new Error("no run");
    return run;
  };
  const footer = (run: RunTimeline): string => summarizeRun(run, ended(run)).footer;

  it("ends the session's last run when the gateway says it ended (sessionInfo.endedAt), not at its last reply's start", () => {
    expect(footer(live)).toBe("Done in 7.2 s · 1 tool");
    const restored = restoredWith(payload?.sessionInfo);
    // From the user row (7,303 ms before the end the gateway gives): live counted from its first event.
    expect(footer(restored)).toBe("Done in 7.3 s · 1 tool");
    expect(restored.endedAt).toBe(1795485405728);
    expect(restored.endIsLowerBound).toBeUndefined();
  });

  it("says \"at least\" up to its last row when the gateway gives no end for it: a later run came after it", () => {
    const restored = restoredWith({ ...(payload?.sessionInfo as object), lastRunId: "a-later-run" });
    expect(restored.endIsLowerBound).toBe(true);
    expect(footer(restored)).toBe("Done in at least 6.8 s · 1 tool");
    expect(usageFooter(restored, "completed", false)).toMatch(/^Done in at least 6\.8 s · /);
    expect(ended(restored).summary).toBe("Answered in at least 6.8 s, ran 1 tool call.");
    const report = buildRunReport(restored, ended(restored), { gatewayUrl: "ws://127.0.0.1:1", clientVersion: "test", generatedAt: 0, secrets: [] });
    expect(report.markdown).toMatch(/, took at least 6\.8 s$/m);
  });

  it("says how the run ended once: under its glance the usage line gives the counts alone, without a glance the lead too", () => {
    const restored = restoredWith(payload?.sessionInfo);
    expect(footer(restored)).toBe("Done in 7.3 s · 1 tool");
    expect(usageFooter(restored, "completed", true)).toBe("14 output tokens · 38 total");
    expect(usageFooter(restored, "completed", false)).toBe("Done in 7.3 s · 14 output tokens · 38 total");
  });

  it("ignores an end the gateway gives that is before the run's own rows", () => {
    const restored = restoredWith({ ...(payload?.sessionInfo as object), endedAt: 1795485405000 });
    expect(footer(restored)).toBe("Done in at least 6.8 s · 1 tool");
  });
});

describe("how long an announce run rebuilt from chat.history alone took (g-subagent-spawn)", () => {
  it("starts the session's last run when the gateway says it started: the run has no user row, and its first row is its reply", () => {
    const payload = historyPayloads("g-subagent-spawn.jsonl")[0];
    const messages = Array.isArray(payload?.messages) ? payload.messages : [];
    const announce = runsFromHistory(messages, { sessionInfo: payload?.sessionInfo }).at(-1);
    expect(announce?.runId).toMatch(/^announce:v1:agent:main:subagent:386463e2/);
    expect(announce && { createdAt: announce.createdAt, endedAt: announce.endedAt }).toStrictEqual({ createdAt: 1796120830259, endedAt: 1796120830653 });
    expect(announce && summarizeRun(announce, ended(announce)).footer).toBe("Done in 394 ms");
  });
});

function isToolResult(row: unknown): row is Record<string, unknown> {
  return typeof row === "object" && row !== null && (row as { role?: unknown }).role === "toolResult";
}
