/**
 * The render bench's 300-event run with a sub-agent and an exec approval
 * (bench/lib/run-with-child.ts), read through a RunRegistry as the page reads
 * it, and the open RunPanel for it composed as app/assistant-turn.tsx composes
 * an ended run's panel: the sub-agent list nested in it, the approval rows in
 * its timeline, the clock at the run's last event.
 */
import { RunPanel } from "@/features/runs/components/run-panel";
import { SubagentList } from "@/features/runs/components/subagent-list";
import { approvalStepText } from "@/features/runs/model/run-approvals";
import { deriveRunOutcome } from "@/features/runs/model/run-outcome";
import { judgeSubagent } from "@/features/runs/model/subagents";
import approvalCapture from "@/testing/captures/exec-approval-allow-once.jsonl?raw";
import spawnCapture from "@/testing/captures/g-subagent-spawn.jsonl?raw";
import retryCapture from "@/testing/captures/c-rate-limit-429-recovered.jsonl?raw";
import toolCapture from "@/testing/captures/b-tool-call-exec.jsonl?raw";
import { useState, type ReactElement } from "react";
import { buildRunWithChild, registryOf } from "../lib/run-with-child";
import { PlainPanel, timelineRows } from "./plain-panel";

export const CHILD_RUN_EVENTS = 300;

const workload = buildRunWithChild({ spawn: spawnCapture, approval: approvalCapture, tool: toolCapture, retry: retryCapture }, { events: CHILD_RUN_EVENTS });
const registry = registryOf(workload.events);
const parsed = registry.getRun(workload.runId);
if (!parsed) throw new Error("bench: the 300-event run did not fold");
const run = parsed;
const now = run.lastEventAt;
const subagents = registry
  .spawnedRuns(run.runId)
  .map((link) => judgeSubagent(link, link.child && deriveRunOutcome(link.child, { now, connection: "online" }), now));
const outcome = deriveRunOutcome(run, { now, connection: "online", subagentProblems: subagents.flatMap((view) => (view.problem ? [view.problem] : [])) });
const approvals = run.approvals ?? [];
// The row measures nothing if the workload lost what it is about: fail loudly instead.
if (subagents.length !== 1 || !subagents[0]?.child || approvals.length !== 1 || run.status !== "ended") {
  throw new Error(`bench: the 300-event run should have one sub-agent with its run and one approval (got ${subagents.length} sub-agents, ${approvals.length} approvals, status ${run.status})`);
}

/** The same content as text lines: each sub-agent with its task, state and steps, each approval, the run's rows. */
const plainRows = [
  ...subagents.flatMap((view) => [
    `sub-agent ${view.name} · ${view.state} · ${view.spawn.task ?? ""}`,
    view.words,
    ...(view.child ? timelineRows(view.child.steps, view.child.createdAt) : []),
    view.child?.text ?? "",
  ]),
  ...approvals.flatMap((approval) => [approvalStepText(approval, now), approval.command]),
  ...timelineRows(run.steps, run.createdAt),
];

function CandidatePanel() {
  const [open, setOpen] = useState(true);
  return <RunPanel run={run} outcome={outcome} open={open} onToggle={() => setOpen(!open)} subagents={<SubagentList subagents={subagents} onOpenSession={() => {}} />} />;
}

export function childRunElement(variant: "candidate" | "baseline"): ReactElement {
  return variant === "candidate" ? <CandidatePanel /> : <PlainPanel rows={plainRows} initiallyOpen />;
}

export function childRunInfo() {
  return {
    events: workload.events.length,
    steps: run.steps.length,
    rows: timelineRows(run.steps, run.createdAt).length,
    plainRows: plainRows.length,
    outcome: outcome.kind,
    subagents: subagents.map((view) => `${view.name}: ${view.state}, ${view.child?.steps.length ?? 0} steps`),
    approvals: approvals.map((approval) => approval.decision ?? "pending"),
  };
}
