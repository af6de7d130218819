/**
 * Sub-agents: a run that calls `sessions_spawn` (directly, or through Tool
 * Search's `tool_call` with `id: "sessions_spawn"`) starts a child run in its
 * own session (`agent:<id>:subagent:<uuid>`). The spawn's result names the
 * child (`childSessionKey`, `runId`); when the child ends, the gateway starts
 * an announce run in the parent's session whose id is
 * `announce:v1:<childSessionKey>:<childRunId>` (openclaw 2026.9.6, see
 * src/testing/captures/g-subagent-*.jsonl).
 *
 * Pure: the registry links the runs, the view judges them against the clock.
 */
import { asRecord, asText, isRecord, readBoolean, readRecord, readText, type UnknownRecord } from "@/lib/read-untrusted";
import { boundedToString } from "./bounded-text";
import { formatDuration } from "./format-duration";
import type { RunOutcome } from "./run-outcome";
import type { RunTimeline, ToolStep } from "./run-timeline";

/** One `sessions_spawn` call of a parent run, as far as its step tells. */
export interface SpawnRequest {
  /** The spawn step's tool call id (the nested one when it came through `tool_call`). */
  toolCallId: string;
  at: number;
  task?: string;
  label?: string;
  status: "pending" | "accepted" | "refused";
  childSessionKey?: string;
  childRunId?: string;
  /** Why the gateway refused the spawn. */
  error?: string;
  /** False for fire-and-forget children (`expectsCompletionMessage: false`): no announce will come. */
  expectsAnnounce: boolean;
}

/** A spawn with the runs the registry knows for it. */
export interface SpawnedRun {
  spawn: SpawnRequest;
  child?: RunTimeline;
  /** The parent-session run that carried the child's result back. */
  announce?: RunTimeline;
}

export const SPAWN_TOOL = "sessions_spawn";

/** The run id of the turn that announces a child's result to its parent. */
export function announceRunId(childSessionKey: string, childRunId: string): string {
  return `announce:v1:${childSessionKey}:${childRunId}`;
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** The spawn's own answer; through Tool Search it is wrapped as `{ tool, result: { content: [{ text }] } }`. */
function spawnAnswer(step: ToolStep): UnknownRecord | undefined {
  const text = step.result ? boundedToString(step.result) : step.output.totalChars > 0 ? boundedToString(step.output) : "";
  let answer = asRecord(parseJson(text));
  const wrapped = answer ? readRecord(answer, "result") : undefined;
  const content = wrapped && Array.isArray(wrapped.content) ? wrapped.content : undefined;
  const inner = content?.find((part) => isRecord(part) && typeof part.text === "string");
  if (isRecord(inner)) answer = asRecord(parseJson(String(inner.text)));
  return answer;
}

function spawnArgs(step: ToolStep): UnknownRecord | undefined {
  const args = asRecord(step.args);
  if (!args) return undefined;
  if (step.name === SPAWN_TOOL) return args;
  return readText(args, "id") === SPAWN_TOOL ? asRecord(args.args) : undefined;
}

function isSpawnStep(step: ToolStep): boolean {
  return step.name === SPAWN_TOOL || (step.name === "tool_call" && spawnArgs(step) !== undefined);
}

/** Every spawn of a run, once each: a nested `sessions_spawn` step stands for the `tool_call` around it. */
export function spawnRequests(run: RunTimeline): SpawnRequest[] {
  const steps = run.steps.filter((step): step is ToolStep => step.kind === "tool" && isSpawnStep(step));
  const nestedParents = new Set(steps.flatMap((step) => (step.name === SPAWN_TOOL && step.parentToolCallId ? [step.parentToolCallId] : [])));
  return steps
    .filter((step) => !nestedParents.has(step.toolCallId))
    .map((step) => {
      const args = spawnArgs(step);
      const answer = spawnAnswer(step);
      const status = answer ? readText(answer, "status") : undefined;
      const childSessionKey = answer ? readText(answer, "childSessionKey") : undefined;
      const refused = step.status === "error" || (status !== undefined && status !== "accepted");
      return {
        toolCallId: step.toolCallId,
        at: step.at,
        task: args ? readText(args, "task") : undefined,
        label: args ? readText(args, "label") : undefined,
        status: refused ? "refused" : childSessionKey ? "accepted" : "pending",
        childSessionKey,
        childRunId: answer ? readText(answer, "runId") : undefined,
        expectsAnnounce: (answer ? readBoolean(answer, "expectsCompletionMessage") : undefined) !== false,
        error: refused ? (step.error ?? (answer ? (readText(answer, "error") ?? asText(answer.status)) : undefined)) : undefined,
      };
    });
}

/** Whether every child has reported back (or could not start): until then the parent's outcome can still change. */
export function spawnsSettled(spawned: readonly SpawnedRun[]): boolean {
  return spawned.every(
    ({ spawn, child, announce }) => spawn.status === "refused" || (spawn.expectsAnnounce ? announce?.status === "ended" : child?.status === "ended"),
  );
}

/** A child that ended without its announce run after this long never reported back. */
export const ANNOUNCE_GRACE_MS = 30_000;

export type SubagentState = "starting" | "running" | "completed" | "failed" | "timed-out" | "refused" | "not-announced" | "ended";

/** Why a child makes its parent's outcome degraded: a banner title and one sentence. */
export interface SubagentProblem {
  title: string;
  summary: string;
}

export interface SubagentView extends SpawnedRun {
  name: string;
  state: SubagentState;
  /** Plain words for the state, e.g. "Failed: the model refused the request". */
  words: string;
  durationMs?: number;
  /** Set when the child makes its parent's outcome degraded. */
  problem?: SubagentProblem;
}

/** How one spawned child stands at `now`, given its own outcome (judged by the caller). */
export function judgeSubagent(spawned: SpawnedRun, childOutcome: RunOutcome | undefined, now: number): SubagentView {
  const { spawn, child, announce } = spawned;
  const name = spawn.label ?? spawn.childSessionKey ?? "sub-agent";
  const durationMs = child && child.status === "ended" && child.endedAt !== undefined ? child.endedAt - child.createdAt : undefined;
  const base = { ...spawned, name, durationMs };
  if (spawn.status === "refused") {
    const words = `Could not start${spawn.error ? `: ${spawn.error}` : ""}`;
    return { ...base, state: "refused", words, problem: { title: "Sub-agent could not start", summary: `Sub-agent ${name} could not start${spawn.error ? `: ${spawn.error}` : "."}` } };
  }
  if (!child || !childOutcome) return { ...base, state: "starting", words: spawn.status === "pending" ? "Starting" : "Started; no events seen yet" };
  if (childOutcome.kind === "running") return { ...base, state: "running", words: `Running · ${childOutcome.phaseText}` };
  if (childOutcome.kind === "failed") {
    const timedOut = childOutcome.errorClass === "timeout";
    const state = timedOut ? "timed-out" : "failed";
    const words = `${timedOut ? "Timed out" : "Failed"}: ${childOutcome.message}`;
    return { ...base, state, words, problem: { title: timedOut ? "Sub-agent timed out" : "Sub-agent failed", summary: `Sub-agent ${name} ${timedOut ? "timed out" : "failed"}: ${childOutcome.message}` } };
  }
  const endedAt = child.endedAt ?? child.lastEventAt;
  if (spawn.expectsAnnounce && !announce && now - endedAt >= ANNOUNCE_GRACE_MS) {
    const words = `Never reported back (ended ${formatDuration(now - endedAt)} ago)`;
    return { ...base, state: "not-announced", words, problem: { title: "Sub-agent never reported back", summary: `Sub-agent ${name} ended but never reported back to this session.` } };
  }
  if (childOutcome.kind === "completed" || childOutcome.kind === "degraded") return { ...base, state: "completed", words: childOutcome.title };
  return { ...base, state: "ended", words: childOutcome.title, problem: { title: "Sub-agent did not finish", summary: `Sub-agent ${name}: ${childOutcome.title.toLowerCase()}. ${childOutcome.summary}` } };
}
