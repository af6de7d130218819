/**
 * "Copy report": what a user needs to file a bug like the seed report without
 * digging through logs — a Markdown summary and a JSON bundle of the run's
 * timeline, outcome, error details and close codes, with versions. Everything
 * passes through redaction, so no token, device key or signature gets out.
 */
import { describeCallUsage } from "@/lib/token-usage";
import { redactText, redactValue } from "@/lib/redact";
import { boundedToString } from "./bounded-text";
import { describeGap } from "./describe-gap";
import { retryStepWords } from "./describe-phase";
import { runDurationWords } from "./run-duration";
import { formatDuration } from "./format-duration";
import type { RunOutcome } from "./run-outcome";
import type { RunTimeline, TimelineStep } from "./run-timeline";
import type { SubagentView } from "./subagents";
import { toolTitle } from "./tool-title";

export interface ReportContext {
  gatewayUrl: string;
  gatewayVersion?: string;
  gatewayBootId?: string;
  clientVersion: string;
  userAgent?: string;
  generatedAt: number;
  /** Secrets known to the app (gateway token, device token) to scrub even where no pattern would catch them. */
  secrets: readonly string[];
}

export interface RunReport {
  markdown: string;
  json: string;
}

function stepLine(step: TimelineStep, startAt: number): string {
  const at = `+${formatDuration(Math.max(0, step.at - startAt))}`;
  switch (step.kind) {
    case "tool": {
      const exit = step.exitCode !== undefined ? `, exit ${step.exitCode}` : "";
      const took = step.durationMs !== undefined ? `, ${formatDuration(step.durationMs)}` : "";
      return `${at} tool ${step.name}: ${toolTitle(step)} (${step.status}${exit}${took})${step.error ? ` — ${step.error}` : ""}`;
    }
    case "retry":
      return `${at} retry ${retryStepWords(step)}`;
    case "fallback":
      return `${at} fallback ${step.from ?? "?"} → ${step.to ?? "none"} ${step.reason ?? ""}${step.detail ? `: ${step.detail}` : ""}`;
    case "provider-error":
      return `${at} provider error ${[step.provider, step.model].filter(Boolean).join("/")} ${step.httpStatus ? `HTTP ${step.httpStatus}` : ""} ${step.message}`;
    case "connection":
      return `${at} connection: ${step.words}`;
    case "gap":
      return `${at} ${describeGap(step)}`;
    case "lifecycle":
      return `${at} ${step.label}`;
    case "usage":
      return `${at} model call: ${describeCallUsage(step)}`;
    case "note":
      return `${at} note ${step.title ?? ""} ${step.text ?? ""}`;
    case "text":
    case "thinking":
      return `${at} ${step.kind} (${step.text.length} chars)`;
  }
}

function closeCodes(run: RunTimeline): number[] {
  return run.steps.flatMap((step) => (step.kind === "connection" && step.code !== undefined ? [step.code] : []));
}

function jsonSteps(steps: readonly TimelineStep[]): unknown[] {
  return steps.map((step) =>
    step.kind === "tool" ? { ...step, output: boundedToString(step.output), result: step.result ? boundedToString(step.result) : undefined } : step,
  );
}

/** The tree below the run: each child it spawned, its state and its own steps, indented. */
function subagentLines(subagents: readonly SubagentView[]): string[] {
  if (subagents.length === 0) return [];
  return [
    "### Sub-agents",
    "",
    ...subagents.flatMap(({ name, state, words, durationMs, spawn, child }) => [
      `- ${name} — ${state}${durationMs !== undefined ? `, ${formatDuration(durationMs)}` : ""}: ${words}`,
      `  - Session \`${spawn.childSessionKey ?? "?"}\`, run \`${spawn.childRunId ?? "?"}\``,
      ...(spawn.task ? [`  - Task: ${spawn.task}`] : []),
      ...(child ? child.steps.map((step) => `  - ${stepLine(step, child.createdAt)}`) : []),
    ]),
    "",
  ];
}

function jsonSubagents(subagents: readonly SubagentView[]): unknown[] {
  return subagents.map(({ name, state, words, durationMs, spawn, child, announce }) => ({
    name,
    state,
    words,
    durationMs,
    spawn,
    announceRunId: announce?.runId,
    child: child && { runId: child.runId, sessionKey: child.sessionKey, status: child.status, terminal: child.terminal, text: child.text, steps: jsonSteps(child.steps) },
  }));
}

export function buildRunReport(run: RunTimeline, outcome: RunOutcome, context: ReportContext, subagents: readonly SubagentView[] = []): RunReport {
  const scrub = (text: string) => redactText(text, context.secrets);
  const model = run.model ? [run.model.provider, run.model.model].filter(Boolean).join("/") : "unknown";
  const lines = [
    `## Clawscope run report: ${outcome.title}`,
    "",
    `- Outcome: **${outcome.title}** — ${outcome.summary}`,
    ...("nextStep" in outcome && outcome.nextStep ? [`- What to do: ${outcome.nextStep}`] : []),
    ...(outcome.kind === "failed"
      ? [`- Error: class ${outcome.errorClass}${outcome.httpStatus ? `, HTTP ${outcome.httpStatus}` : ""}${outcome.providerDetail ? `, provider said "${outcome.providerDetail}"` : ""}`]
      : []),
    `- Run: \`${run.runId}\` in session \`${run.sessionKey ?? "?"}\``,
    `- Model: ${model}${run.requestedModel && run.model && run.requestedModel.model !== run.model.model ? ` (requested ${run.requestedModel.model})` : ""}`,
    `- Started: ${new Date(run.createdAt).toISOString()}${run.endedAt ? `, took ${runDurationWords(run) ?? formatDuration(0)}` : ""}`,
    `- Close codes during the run: ${closeCodes(run).join(", ") || "none"}`,
    `- Gateway: OpenClaw ${context.gatewayVersion ?? "?"} at ${context.gatewayUrl}${context.gatewayBootId ? ` (boot ${context.gatewayBootId})` : ""}`,
    `- Client: Clawscope ${context.clientVersion}${context.userAgent ? ` on ${context.userAgent}` : ""}`,
    "",
    "### Timeline",
    "",
    ...run.steps.map((step) => `- ${stepLine(step, run.createdAt)}`),
    "",
    ...subagentLines(subagents),
  ];
  const bundle = {
    kind: "clawscope-run-report",
    version: 1,
    generatedAt: new Date(context.generatedAt).toISOString(),
    gateway: { url: context.gatewayUrl, version: context.gatewayVersion, bootId: context.gatewayBootId },
    client: { name: "clawscope", version: context.clientVersion, userAgent: context.userAgent },
    run: {
      runId: run.runId,
      sessionKey: run.sessionKey,
      status: run.status,
      createdAt: run.createdAt,
      startedAt: run.startedAt,
      endedAt: run.endedAt,
      requestedModel: run.requestedModel,
      model: run.model,
      terminal: run.terminal,
      lifecycleOutcome: run.lifecycleOutcome,
      restart: run.restart,
      closeCodes: closeCodes(run),
      stats: run.stats,
      steps: jsonSteps(run.steps),
    },
    subagents: jsonSubagents(subagents),
    outcome,
  };
  return {
    markdown: scrub(lines.join("\n")),
    json: JSON.stringify(redactValue(bundle, context.secrets), null, 2),
  };
}

/** One clipboard text: the summary a human reads, then the bundle a maintainer parses. */
export function reportClipboardText(report: RunReport): string {
  return `${report.markdown}\n<details><summary>Run bundle (JSON)</summary>\n\n\`\`\`json\n${report.json}\n\`\`\`\n</details>\n`;
}
