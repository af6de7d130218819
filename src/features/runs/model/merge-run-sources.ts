/**
 * One run seen two ways: `chat.history` (what the gateway persisted: tool
 * calls, results, the reply, the failure) and this browser's record (what only
 * the client saw: retries that succeeded, fallbacks, disconnects, exact
 * timings and live output). After a refresh both exist; this combines them
 * without showing any tool call twice.
 *
 * History wins on content (the persisted reply and tool results); the local
 * record wins on timing and on anything history never stores.
 */
import { optional } from "@/lib/read-untrusted";
import type { RunTimeline, TimelineStep, ToolStep } from "./run-timeline";

export function mergeRunSources(historyRun: RunTimeline, localRun: RunTimeline): RunTimeline {
  if (historyRun.runId !== localRun.runId) return historyRun;
  const terminal = localRun.terminal ?? historyRun.terminal;
  const ended = terminal !== undefined || historyRun.status === "ended" || localRun.status === "ended";
  // Until history holds the run's end, the text seen live is newer than what a read taken during the run has (its
  // in-flight snapshot, steer-slow-reply.jsonl): history would freeze the reply at the read. History's ended run is final.
  const liveTextWins = historyRun.terminal === undefined && localRun.text !== "";
  return {
    ...localRun,
    sessionKey: localRun.sessionKey ?? historyRun.sessionKey,
    status: ended ? "ended" : localRun.status === "queued" ? historyRun.status : localRun.status,
    phase: ended ? { kind: "ended" } : localRun.phase,
    createdAt: Math.min(historyRun.createdAt, localRun.createdAt),
    startedAt: localRun.startedAt ?? historyRun.startedAt,
    endedAt: localRun.endedAt ?? historyRun.endedAt,
    // The end this browser saw is exact; history's may be only the last moment it kept.
    ...optional("endIsLowerBound", localRun.endedAt === undefined ? historyRun.endIsLowerBound : undefined),
    lastEventAt: Math.max(historyRun.lastEventAt, localRun.lastEventAt),
    requestedModel: localRun.requestedModel ?? historyRun.requestedModel,
    // History rows name the model that produced the persisted reply.
    model: historyRun.model ?? localRun.model,
    text: liveTextWins || historyRun.text === "" ? localRun.text : historyRun.text,
    thinking: historyRun.thinking !== "" ? historyRun.thinking : localRun.thinking,
    steps: mergeSteps(historyRun.steps, localRun.steps, liveTextWins),
    terminal,
    lifecycleOutcome: localRun.lifecycleOutcome ?? historyRun.lifecycleOutcome,
    restart: localRun.restart ?? historyRun.restart,
    inactiveConfirmedAt: localRun.inactiveConfirmedAt ?? historyRun.inactiveConfirmedAt,
    trigger: historyRun.trigger ?? localRun.trigger,
    stats: {
      signals: historyRun.stats.signals + localRun.stats.signals,
      unknown: historyRun.stats.unknown + localRun.stats.unknown,
      extraTerminals: Math.max(historyRun.stats.extraTerminals, localRun.stats.extraTerminals),
    },
  };
}

function mergeSteps(historySteps: readonly TimelineStep[], localSteps: readonly TimelineStep[], liveTextWins: boolean): TimelineStep[] {
  // Made only when there are tools: a reload merges every turn, and most have none on one side.
  let localTools: Map<string, ToolStep> | undefined;
  // A handful at most (one per lifecycle moment): a list, not a set.
  const localLifecycleIds: string[] = [];
  // History keeps failed attempts only as rows; the local record, when it has them, has the detail.
  let localHasAttempts = false;
  for (const step of localSteps) {
    if (step.kind === "tool") (localTools ??= new Map()).set(step.toolCallId, step);
    else if (step.kind === "lifecycle") localLifecycleIds.push(step.id);
    else if (step.kind === "provider-error") localHasAttempts = true;
  }
  let historyToolIds: Set<string> | undefined;
  let historyHasText = false;
  // History's rows carry every call's full counts; live ones only the output.
  let historyHasUsage = false;
  // A failed row keeps its thinking but not its text (that is the error notice), so thinking is checked on its own.
  let historyHasThinking = false;
  const fromHistory: TimelineStep[] = [];
  for (const step of historySteps) {
    if (step.kind === "tool") {
      const local = localTools?.get(step.toolCallId);
      if (localTools) (historyToolIds ??= new Set()).add(step.id);
      fromHistory.push(local ? mergeTool(step, local) : step);
      continue;
    }
    if (step.kind === "text" && liveTextWins) continue;
    if (step.kind === "text") historyHasText = true;
    else if (step.kind === "usage") historyHasUsage = true;
    else if (step.kind === "thinking") historyHasThinking = true;
    if (step.kind === "provider-error" && localHasAttempts) continue;
    // The same lifecycle moment seen live has the exact client time.
    if (step.kind === "lifecycle" && localLifecycleIds.includes(step.id)) continue;
    fromHistory.push(step);
  }
  const fromLocal: TimelineStep[] = [];
  for (const step of localSteps) {
    if (step.kind === "tool" && historyToolIds?.has(step.id)) continue;
    if (step.kind === "text" && historyHasText) continue;
    if (step.kind === "thinking" && (historyHasText || historyHasThinking)) continue;
    if (step.kind === "usage" && historyHasUsage) continue;
    fromLocal.push(step);
  }
  return inTimeOrder(fromHistory, fromLocal);
}

/**
 * Both lists by time, history's first among steps at the same instant: what a stable
 * sort of the two lists one after the other gives, by a merge when each is in order already.
 */
function inTimeOrder(first: TimelineStep[], second: TimelineStep[]): TimelineStep[] {
  if (!isInTimeOrder(first) || !isInTimeOrder(second)) return [...first, ...second].sort((a, b) => a.at - b.at);
  if (second.length === 0) return first;
  if (first.length === 0) return second;
  const merged: TimelineStep[] = [];
  let index = 0;
  for (const step of second) {
    while (index < first.length && (first[index] as TimelineStep).at <= step.at) merged.push(first[index++] as TimelineStep);
    merged.push(step);
  }
  while (index < first.length) merged.push(first[index++] as TimelineStep);
  return merged;
}

function isInTimeOrder(steps: readonly TimelineStep[]): boolean {
  for (let index = 1; index < steps.length; index += 1) if ((steps[index] as TimelineStep).at < (steps[index - 1] as TimelineStep).at) return false;
  return true;
}

function mergeTool(history: ToolStep, local: ToolStep): ToolStep {
  const settled = history.status !== "running";
  return {
    ...local,
    name: local.name === "tool" ? history.name : local.name,
    title: local.title ?? history.title,
    args: local.args ?? history.args,
    result: local.result ?? history.result,
    output: local.output.totalChars > 0 ? local.output : history.output,
    outputFrom: local.output.totalChars > 0 ? local.outputFrom : history.outputFrom,
    exitCode: local.exitCode ?? history.exitCode,
    isError: local.isError || history.isError,
    error: local.error ?? history.error,
    status: local.status === "running" && settled ? history.status : local.status,
    endedAt: local.endedAt ?? history.endedAt,
    durationMs: local.durationMs ?? history.durationMs,
    confirmedByHistory: true,
  };
}
