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
import type { RunTimeline, TimelineStep, ToolStep } from "./run-timeline";

export function mergeRunSources(historyRun: RunTimeline, localRun: RunTimeline): RunTimeline {
  if (historyRun.runId !== localRun.runId) return historyRun;
  const terminal = localRun.terminal ?? historyRun.terminal;
  const ended = terminal !== undefined || historyRun.status === "ended" || localRun.status === "ended";
  return {
    ...localRun,
    sessionKey: localRun.sessionKey ?? historyRun.sessionKey,
    status: ended ? "ended" : localRun.status === "queued" ? historyRun.status : localRun.status,
    phase: ended ? { kind: "ended" } : localRun.phase,
    createdAt: Math.min(historyRun.createdAt, localRun.createdAt),
    startedAt: localRun.startedAt ?? historyRun.startedAt,
    endedAt: localRun.endedAt ?? historyRun.endedAt,
    lastEventAt: Math.max(historyRun.lastEventAt, localRun.lastEventAt),
    requestedModel: localRun.requestedModel ?? historyRun.requestedModel,
    // History rows name the model that produced the persisted reply.
    model: historyRun.model ?? localRun.model,
    text: historyRun.text !== "" ? historyRun.text : localRun.text,
    thinking: historyRun.thinking !== "" ? historyRun.thinking : localRun.thinking,
    steps: mergeSteps(historyRun.steps, localRun.steps),
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

function mergeSteps(historySteps: readonly TimelineStep[], localSteps: readonly TimelineStep[]): TimelineStep[] {
  const localTools = new Map<string, ToolStep>();
  for (const step of localSteps) if (step.kind === "tool") localTools.set(step.toolCallId, step);
  const localIds = new Set(localSteps.map((step) => step.id));
  const historyHasText = historySteps.some((step) => step.kind === "text");
  // History's rows carry every call's full counts; live ones only the output.
  const historyHasUsage = historySteps.some((step) => step.kind === "usage");
  // A failed row keeps its thinking but not its text (that is the error notice), so thinking is checked on its own.
  const historyHasThinking = historySteps.some((step) => step.kind === "thinking");
  // History keeps failed attempts only as rows; the local record, when it has them, has the detail.
  const localHasAttempts = localSteps.some((step) => step.kind === "provider-error");

  const merged: TimelineStep[] = [];
  for (const step of historySteps) {
    if (step.kind === "tool") {
      const local = localTools.get(step.toolCallId);
      merged.push(local ? mergeTool(step, local) : step);
      continue;
    }
    if (step.kind === "provider-error" && localHasAttempts) continue;
    // The same lifecycle moment seen live has the exact client time.
    if (step.kind === "lifecycle" && localIds.has(step.id)) continue;
    merged.push(step);
  }
  const historyTools = new Set(historySteps.filter((step) => step.kind === "tool").map((step) => step.id));
  for (const step of localSteps) {
    if (step.kind === "tool" && historyTools.has(step.id)) continue;
    if (step.kind === "text" && historyHasText) continue;
    if (step.kind === "thinking" && (historyHasText || historyHasThinking)) continue;
    if (step.kind === "usage" && historyHasUsage) continue;
    merged.push(step);
  }
  // Stable, so steps at the same instant keep history's order.
  return merged.sort((a, b) => a.at - b.at);
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
