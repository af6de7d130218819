import { describe, expect, it } from "vitest";
import { boundedToString } from "../model/bounded-text";
import { captureRunId, historyPayloads } from "../model/capture-fixtures";
import { deriveRunOutcome } from "../model/run-outcome";
import type { ToolStep } from "../model/run-timeline";
import { judgeSubagent } from "../model/subagents";
import { historySnapshotOf } from "./history-snapshot-fixture";
import type { HistorySnapshot } from "./reconcile-history";
import { RunRegistry } from "./run-registry";

const SPAWN = "g-subagent-spawn.jsonl";
const PARENT_SESSION = "agent:main:main";
const CHILD_SESSION = "agent:main:subagent:386463e2-ca74-45f5-a9c4-45168543d83e";
const CHILD_RUN = "68b3e883-0934-48d6-95de-2e2b64a2dc64";

function snapshotOf(payload: Record<string, unknown> | undefined, requestedAt: number): HistorySnapshot {
  if (!payload) throw new Error(`no history in ${SPAWN}`);
  return historySnapshotOf(payload, requestedAt);

}

/** A fresh browser: no local log, nothing live; only what `chat.history` returns. */
function freshRegistry(): RunRegistry {
  return new RunRegistry({ readLocalLog: () => Promise.resolve([]), recordLocalLog: () => {} });
}

describe("a spawned child after a reload in a fresh browser", () => {
  const [parentHistory, childHistory] = historyPayloads(SPAWN);
  const parentRunId = captureRunId(SPAWN);

  it("knows the spawn from the parent's history, but not the child's steps until the child's history is read", () => {
    const registry = freshRegistry();
    registry.historyLoaded(PARENT_SESSION, snapshotOf(parentHistory, Date.now()));
    const [link] = registry.spawnedRuns(parentRunId);
    expect(link?.spawn).toMatchObject({ childSessionKey: CHILD_SESSION, childRunId: CHILD_RUN, status: "accepted" });
    expect(link?.child).toBeUndefined();
  });

  it("takes the child session's history as the source of the child's run: its tool call, exact output and reply", () => {
    const registry = freshRegistry();
    registry.historyLoaded(PARENT_SESSION, snapshotOf(parentHistory, Date.now()));
    const before = registry.spawnedRuns(parentRunId);
    registry.historyLoaded(CHILD_SESSION, snapshotOf(childHistory, Date.now()));
    const after = registry.spawnedRuns(parentRunId);
    expect(after).not.toBe(before);
    const link = after[0];
    const child = link?.child;
    if (!link || !child) throw new Error("no child run");
    expect(child.runId).toBe(CHILD_RUN);
    expect(child.sessionKey).toBe(CHILD_SESSION);
    const tools = child.steps.filter((step): step is ToolStep => step.kind === "tool");
    expect(tools.map((step) => [step.name, step.status, boundedToString(step.output)])).toEqual([["exec", "done", "hello-from-fake-tool\nLinux"]]);
    expect(child.text).toBe("Tool finished. Output: hello-from-fake-tool Linux");
    // The announce run is in the parent's history: the child reads as completed, not as never reported back.
    const now = child.lastEventAt + 60_000;
    const view = judgeSubagent(link, deriveRunOutcome(child, { now, connection: "online" }), now);
    expect([view.state, view.words]).toEqual(["completed", "Completed"]);
  });

  it("hands out the same links when the same child history is read again", () => {
    const registry = freshRegistry();
    const child = snapshotOf(childHistory, Date.now());
    registry.historyLoaded(PARENT_SESSION, snapshotOf(parentHistory, Date.now()));
    registry.historyLoaded(CHILD_SESSION, child);
    const first = registry.spawnedRuns(parentRunId);
    registry.historyLoaded(CHILD_SESSION, child);
    expect(registry.spawnedRuns(parentRunId)).toBe(first);
  });
});
