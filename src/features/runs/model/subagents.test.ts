import { describe, expect, it } from "vitest";
import { boundedToString } from "./bounded-text";
import { captureEvents, captureRunId, historyPayloads } from "./capture-fixtures";
import { runsFromHistory } from "./history-to-runs";
import { buildRunReport } from "./run-report";
import { deriveRunOutcome } from "./run-outcome";
import { stepsOfKind, type RunTimeline } from "./run-timeline";
import { runUsage, usageFooter } from "./run-usage";
import { ANNOUNCE_GRACE_MS, announceRunId, judgeSubagent, spawnRequests, spawnsSettled, type SpawnedRun } from "./subagents";
import { RunRegistry } from "../registry/run-registry";

const SPAWN = "g-subagent-spawn.jsonl";
const SPAWN_FAIL = "g-subagent-spawn-fail.jsonl";

/** A registry fed every event of a capture, the way the live feed feeds it. */
function registryAfter(name: string, skip: (runId: string) => boolean = () => false): RunRegistry {
  const registry = new RunRegistry({ readLocalLog: () => Promise.resolve([]), recordLocalLog: () => undefined });
  for (const { frame, receivedAt } of captureEvents(name)) {
    const runId = (frame.payload as { runId?: string } | undefined)?.runId;
    if (runId && skip(runId)) continue;
    registry.runEventReceived({ frame, runEnded: false }, receivedAt);
  }
  return registry;
}

const ONLINE = { connection: "online" as const };

function judged(link: SpawnedRun, now: number) {
  return judgeSubagent(link, link.child && deriveRunOutcome(link.child, { now, ...ONLINE }), now);
}

describe("a spawned sub-agent, from the real gateway's frames", () => {
  it("links the parent's sessions_spawn (through Tool Search) to the child's run and its announce run", () => {
    const registry = registryAfter(SPAWN);
    const parentId = captureRunId(SPAWN);
    const [link, ...others] = registry.spawnedRuns(parentId);
    expect(others).toEqual([]);
    expect(link?.spawn).toMatchObject({
      label: "kernel-check",
      task: "Print the greeting and the kernel name. fake:tool",
      status: "accepted",
      childSessionKey: "agent:main:subagent:386463e2-ca74-45f5-a9c4-45168543d83e",
      expectsAnnounce: true,
    });
    const child = link?.child as RunTimeline;
    expect(child.sessionKey).toBe(link?.spawn.childSessionKey);
    const [exec] = stepsOfKind(child.steps, "tool");
    expect(exec?.name).toBe("exec");
    expect(boundedToString(exec?.output ?? { head: "", tail: "", totalChars: 0 })).toBe("hello-from-fake-tool\nLinux");
    expect(child.text).toBe("Tool finished. Output: hello-from-fake-tool Linux");
    expect(link?.announce?.runId).toBe(announceRunId(link?.spawn.childSessionKey ?? "", link?.spawn.childRunId ?? ""));
    expect(spawnsSettled(registry.spawnedRuns(parentId))).toBe(true);
    // The same array while nothing changed, so React re-renders nothing.
    expect(registry.spawnedRuns(parentId)).toBe(registry.spawnedRuns(parentId));
  });

  it("a child that completed and reported back leaves the parent completed", () => {
    const registry = registryAfter(SPAWN);
    const parentId = captureRunId(SPAWN);
    const link = registry.spawnedRuns(parentId)[0] as SpawnedRun;
    const now = (link.child?.endedAt ?? 0) + 60_000;
    const view = judged(link, now);
    expect(view.state).toBe("completed");
    expect(view.problem).toBeUndefined();
    const parent = registry.getRun(parentId) as RunTimeline;
    expect(deriveRunOutcome(parent, { now, ...ONLINE, subagentProblems: [] }).kind).toBe("completed");
  });

  it("a child that never reported back degrades the parent once the grace time is over", () => {
    const registry = registryAfter(SPAWN, (runId) => runId.startsWith("announce:"));
    const parentId = captureRunId(SPAWN);
    const link = registry.spawnedRuns(parentId)[0] as SpawnedRun;
    expect(link.announce).toBeUndefined();
    const endedAt = link.child?.endedAt ?? 0;
    expect(judged(link, endedAt + ANNOUNCE_GRACE_MS - 1).state).toBe("completed");
    const late = judged(link, endedAt + ANNOUNCE_GRACE_MS);
    expect(late.state).toBe("not-announced");
    const parent = registry.getRun(parentId) as RunTimeline;
    const outcome = deriveRunOutcome(parent, { now: endedAt + ANNOUNCE_GRACE_MS, ...ONLINE, subagentProblems: late.problem ? [late.problem] : [] });
    expect(outcome).toMatchObject({
      kind: "degraded",
      reasons: ["subagent"],
      title: "Sub-agent never reported back",
      summary: "Sub-agent kernel-check ended but never reported back to this session.",
    });
  });

  it("a fire-and-forget child (expectsCompletionMessage: false) is never owed an announce", () => {
    const registry = registryAfter(SPAWN, (runId) => runId.startsWith("announce:"));
    const link = registry.spawnedRuns(captureRunId(SPAWN))[0] as SpawnedRun;
    const quiet = { ...link, spawn: { ...link.spawn, expectsAnnounce: false } };
    expect(spawnsSettled([link])).toBe(false);
    expect(spawnsSettled([quiet])).toBe(true);
    expect(judged(quiet, (link.child?.endedAt ?? 0) + ANNOUNCE_GRACE_MS).state).toBe("completed");
  });

  it("a child whose model call failed makes the parent degraded, with the child's reason", () => {
    const registry = registryAfter(SPAWN_FAIL);
    const parentId = captureRunId(SPAWN_FAIL);
    const link = registry.spawnedRuns(parentId)[0] as SpawnedRun;
    const now = (link.child?.endedAt ?? 0) + 1_000;
    const view = judged(link, now);
    expect(view.state).toBe("failed");
    const parent = registry.getRun(parentId) as RunTimeline;
    const outcome = deriveRunOutcome(parent, { now, ...ONLINE, subagentProblems: view.problem ? [view.problem] : [] });
    expect(outcome.kind).toBe("degraded");
    expect(outcome.title).toBe("Sub-agent failed");
    expect(outcome.summary).toBe(view.problem?.summary);
    expect(view.problem?.summary).toBe("Sub-agent doomed-check failed: LLM request failed: provider rejected the request schema or tool payload.");
  });

  it("finds the spawn in the parent's history too (the tool_call's wrapped result)", () => {
    const [parentHistory] = historyPayloads(SPAWN);
    const runs = runsFromHistory(parentHistory?.messages as unknown[], { sessionKey: "agent:main:main" });
    const parent = runs.find((run) => run.runId === captureRunId(SPAWN)) as RunTimeline;
    expect(spawnRequests(parent)).toMatchObject([{ label: "kernel-check", status: "accepted", childSessionKey: "agent:main:subagent:386463e2-ca74-45f5-a9c4-45168543d83e" }]);
  });

  it("puts the tree in the run report", () => {
    const registry = registryAfter(SPAWN_FAIL);
    const parentId = captureRunId(SPAWN_FAIL);
    const link = registry.spawnedRuns(parentId)[0] as SpawnedRun;
    const now = (link.child?.endedAt ?? 0) + 1_000;
    const view = judged(link, now);
    const parent = registry.getRun(parentId) as RunTimeline;
    const outcome = deriveRunOutcome(parent, { now, ...ONLINE, subagentProblems: view.problem ? [view.problem] : [] });
    const report = buildRunReport(parent, outcome, { gatewayUrl: "ws://127.0.0.1:1", clientVersion: "test", generatedAt: 0, secrets: [] }, [view]);
    expect(report.markdown).toContain("### Sub-agents");
    expect(report.markdown).toContain("- doomed-check — failed, 275 ms: Failed: LLM request failed: provider rejected the request schema or tool payload.");
    expect(report.markdown).toContain("  - +169 ms provider error fake/fake-model  LLM request failed: provider rejected the request schema or tool payload.");
    expect(report.markdown).toContain(`  - Session \`${link.spawn.childSessionKey}\`, run \`${link.spawn.childRunId}\``);
    expect(JSON.parse(report.json).subagents[0].state).toBe("failed");
  });
});

describe("token usage, from the real gateway", () => {
  it("live, each model call's output; from history, in, out and cached, summed in the footer", () => {
    const registry = registryAfter(SPAWN);
    const child = registry.spawnedRuns(captureRunId(SPAWN))[0]?.child as RunTimeline;
    expect(stepsOfKind(child.steps, "usage").map((step) => step.output)).toEqual([13, 13]);
    const childHistory = historyPayloads(SPAWN)[1];
    // With the session's record, which gives the child's end (without it, the footer could say only "at least").
    const [fromHistory] = runsFromHistory(childHistory?.messages as unknown[], { sessionKey: child.sessionKey, sessionInfo: childHistory?.sessionInfo });
    expect(stepsOfKind(fromHistory?.steps ?? [], "usage").map(({ input, output, cacheRead, total }) => ({ input, output, cacheRead, total }))).toEqual([
      { input: 210, output: 13, cacheRead: 1024, total: 1247 },
      { input: 210, output: 13, cacheRead: 1024, total: 1247 },
    ]);
    // The live counts were the same calls' outputs: 13 and 26 as running totals.
    expect(runUsage(fromHistory as RunTimeline)).toEqual({ input: 420, output: 26, cacheRead: 2048, cacheWrite: 0, total: 2494, costUsd: undefined });
    expect(usageFooter(fromHistory as RunTimeline, "completed", false)).toMatch(/^Done in \S+ m?s · 26 output tokens · 2,494 total$/);
    // The same counts under a run that did not finish do not say it was done.
    expect(usageFooter(fromHistory as RunTimeline, "interrupted", false)).toMatch(/^Interrupted after \S+ m?s · 26 output tokens · 2,494 total$/);
    expect(usageFooter(fromHistory as RunTimeline, "failed", false)).toMatch(/^Failed after \S+ m?s · 26 output tokens · 2,494 total$/);
  });
});
