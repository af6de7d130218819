/**
 * A session as a file: every turn with the message, the reply and the run's
 * timeline (steps, outcome, tool arguments and output), as Markdown to read
 * and as JSON to parse. It spans the chat and the runs, so it is composed in
 * the app. Everything passes through the same redaction as "Copy report".
 */
import { describeCallUsage } from "@/lib/token-usage";
import { replyShown, type Turn, type UserAttachment } from "@/features/chat/model/transcript";
import { formatBytes } from "@/features/chat/model/attachment-policy";
import { boundedToString } from "@/features/runs/model/bounded-text";
import { retryStepWords } from "@/features/runs/model/describe-phase";
import { runDurationWords } from "@/features/runs/model/run-duration";
import { formatDuration } from "@/features/runs/model/format-duration";
import type { RunOutcome } from "@/features/runs/model/run-outcome";
import type { RunTimeline, TimelineStep } from "@/features/runs/model/run-timeline";
import { toolTitle } from "@/features/runs/model/tool-title";
import { redactText, redactValue } from "@/lib/redact";
import { argsText } from "@/lib/display-text";

export interface SessionExportContext {
  sessionKey: string;
  gatewayUrl: string;
  gatewayVersion?: string;
  clientVersion: string;
  generatedAt: number;
  /** Secrets known to the app (gateway token, device token), masked even where no pattern would catch them. */
  secrets: readonly string[];
}

export interface SessionExportSource {
  turns: readonly Turn[];
  runOf(runId: string): RunTimeline | undefined;
  outcomeOf(run: RunTimeline): RunOutcome;
}

export type ExportFormat = "markdown" | "json";

/** A code fence longer than any run of backticks in the text, so tool output cannot close it. */
function fenced(text: string, language = ""): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}\n${text.replace(/\n$/, "")}\n${fence}`;
}

function attachmentWords(attachment: UserAttachment): string {
  return `${attachment.fileName} (${attachment.kind}${attachment.sizeBytes !== undefined ? `, ${formatBytes(attachment.sizeBytes)}` : ""})`;
}

function stepMarkdown(step: TimelineStep, startAt: number): string[] {
  const at = `+${formatDuration(Math.max(0, step.at - startAt))}`;
  switch (step.kind) {
    case "tool": {
      const exit = step.exitCode !== undefined ? `, exit ${step.exitCode}` : "";
      const took = step.durationMs !== undefined ? `, ${formatDuration(step.durationMs)}` : "";
      const lines = [`- ${at} tool **${step.name}**: ${toolTitle(step)} (${step.status}${exit}${took})${step.error ? ` — ${step.error}` : ""}`];
      const args = argsText(step.args);
      if (args) lines.push("", "  Arguments:", "", ...fenced(args, "json").split("\n").map((line) => `  ${line}`));
      const output = boundedToString(step.output);
      if (output) lines.push("", "  Output:", "", ...fenced(output).split("\n").map((line) => `  ${line}`));
      return lines;
    }
    case "lifecycle":
      return [`- ${at} ${step.label}`];
    case "retry":
      return [`- ${at} retry ${retryStepWords(step)}`];
    case "fallback":
      return [`- ${at} fallback ${step.from ?? "?"} → ${step.to ?? "none"} ${step.reason ?? ""}`.trimEnd()];
    case "provider-error":
      return [`- ${at} provider error: ${step.message}`];
    case "connection":
      return [`- ${at} connection: ${step.words}`];
    case "gap":
      return [`- ${at} missed events ${step.expected}–${step.received - 1}`];
    case "note":
      return [`- ${at} note ${[step.title, step.text].filter(Boolean).join(": ")}`];
    case "text":
    case "thinking":
      return [`- ${at} ${step.kind} (${step.text.length} characters)`];
    case "usage":
      return [`- ${at} model call ${describeCallUsage(step)}`];
  }
}

function runMarkdown(run: RunTimeline, outcome: RunOutcome): string[] {
  const model = run.model ? [run.model.provider, run.model.model].filter(Boolean).join("/") : "unknown model";
  const took = run.endedAt !== undefined ? `, took ${runDurationWords(run) ?? formatDuration(0)}` : "";
  return [`**Run** \`${run.runId}\`: ${outcome.title} — ${outcome.summary} (${model}${took})`, "", ...run.steps.flatMap((step) => stepMarkdown(step, run.createdAt))];
}

/** The run a turn's timeline is: none for a message steered into an earlier turn's run (that turn has it). */
function ownRun(turn: Turn, source: SessionExportSource): RunTimeline | undefined {
  return turn.runId && turn.steeredInto === undefined ? source.runOf(turn.runId) : undefined;
}

function turnMarkdown(turn: Turn, index: number, source: SessionExportSource): string[] {
  const run = ownRun(turn, source);
  const reply = replyShown(turn, run?.text);
  const lines = [`## Turn ${index + 1}${turn.at ? ` · ${new Date(turn.at).toISOString()}` : ""}`, ""];
  if (turn.user) {
    lines.push(`**You:**`, "", turn.user.text || "(no text)", "");
    if (turn.user.attachments?.length) lines.push(`Attachments: ${turn.user.attachments.map(attachmentWords).join(", ")}`, "");
  }
  if (reply) lines.push(`**Agent:**`, "", reply, "");
  if (turn.steeredInto) lines.push(`Steered into the reply already running: run \`${turn.steeredInto}\`, under an earlier turn.`, "");
  if (run) lines.push(...runMarkdown(run, source.outcomeOf(run)), "");
  return lines;
}

export function sessionMarkdown(source: SessionExportSource, context: SessionExportContext): string {
  const lines = [
    `# Session ${context.sessionKey}`,
    "",
    `Exported ${new Date(context.generatedAt).toISOString()} from OpenClaw ${context.gatewayVersion ?? "?"} at ${context.gatewayUrl} by Clawscope ${context.clientVersion}.`,
    "",
    ...source.turns.flatMap((turn, index) => turnMarkdown(turn, index, source)),
  ];
  return redactText(lines.join("\n"), context.secrets);
}

function jsonStep(step: TimelineStep): unknown {
  return step.kind === "tool" ? { ...step, output: boundedToString(step.output), result: step.result ? boundedToString(step.result) : undefined } : step;
}

export function sessionJson(source: SessionExportSource, context: SessionExportContext): string {
  const bundle = {
    kind: "clawscope-session-export",
    version: 1,
    generatedAt: new Date(context.generatedAt).toISOString(),
    sessionKey: context.sessionKey,
    gateway: { url: context.gatewayUrl, version: context.gatewayVersion },
    client: { name: "clawscope", version: context.clientVersion },
    turns: source.turns.map((turn) => {
      const run = ownRun(turn, source);
      const outcome = run ? source.outcomeOf(run) : undefined;
      return {
        key: turn.key,
        runId: turn.runId,
        at: turn.at,
        user: turn.user
          ? { text: turn.user.text, systemNote: turn.user.systemNote, attachments: (turn.user.attachments ?? []).map(({ fileName, kind, mimeType, sizeBytes }) => ({ fileName, kind, mimeType, sizeBytes })) }
          : null,
        ...(turn.steeredInto ? { steeredInto: turn.steeredInto } : {}),
        reply: replyShown(turn, run?.text),
        run: run
          ? {
              runId: run.runId,
              status: run.status,
              createdAt: run.createdAt,
              endedAt: run.endedAt,
              model: run.model,
              outcome: outcome ? { kind: outcome.kind, title: outcome.title, summary: outcome.summary } : undefined,
              steps: run.steps.map(jsonStep),
            }
          : null,
      };
    }),
  };
  return JSON.stringify(redactValue(bundle, context.secrets), null, 2);
}

/** `clawscope-agent-main-work-2026-12-01.md`: the session and the day, in characters every file system takes. */
export function exportFileName(sessionKey: string, generatedAt: number, format: ExportFormat): string {
  const session = sessionKey.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "");
  const day = new Date(generatedAt).toISOString().slice(0, 10);
  return `clawscope-${session}-${day}.${format === "markdown" ? "md" : "json"}`;
}
