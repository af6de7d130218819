/**
 * The outcome rules: every run is running, or ended in exactly one of
 * completed, degraded, failed, interrupted, aborted or unknown. There is no
 * "spinning forever": once the connection is gone or the gateway says the run
 * is not active, a run without a terminal event becomes interrupted (restart
 * or crash seen) or unknown (events lost), and says so.
 *
 * Pure: the caller passes the clock and what it knows about the connection.
 */
import { classifyFailure, type FailureFacts } from "./classify-failure";
import { describePhase } from "./describe-phase";
import { describeFailure } from "./failure-words";
import { formatDuration } from "./format-duration";
import { announcesWork } from "./promise-detector";
import { runDurationWords } from "./run-duration";
import { pendingApproval, refusalWords, refusedApprovals } from "./run-approvals";
import { modelName } from "./run-signal";
import type { SubagentProblem } from "./subagents";
import { countStepsOfKind, stepsOfKind, type RunPhase, type RunTimeline } from "./run-timeline";
import { capitalize } from "@/lib/display-text";
import { explainClose } from "@/gateway/close-codes";

export interface OutcomeContext {
  now: number;
  connection: "online" | "offline" | "reconnecting";
  /** History / sessionInfo says this run is not active (true) or still is (false); undefined = not asked yet. */
  gatewayConfirmedIdle?: boolean;
  /** What went wrong with the sub-agents this run spawned (subagents.ts); any makes a finished run degraded. */
  subagentProblems?: readonly SubagentProblem[];
}

/** Silence after which the status line warns "no activity for 45 s". */
export const STALL_AFTER_MS = 45_000;
/**
 * The gateway holds a non-definitive lifecycle error up to 15 s in case a
 * retry follows (AGENT_RUN_TERMINAL_RETRY_GRACE_MS); after that plus a margin
 * the lifecycle error stands even if the chat error never arrives.
 */
export const LIFECYCLE_ERROR_GRACE_MS = 20_000;

/**
 * After a reconnect the app re-reads history; until it answers, a silent run
 * is "checking". If nothing settles it by then, the run is shown as running
 * again, with the silence clock (and its 45 s warning) telling the truth.
 */
export const RECONCILE_WINDOW_MS = 15_000;

export type DegradedReason = "retried" | "fallback" | "promised-no-work" | "approval-denied" | "approval-expired" | "subagent";

interface OutcomeBase {
  title: string;
  /** One line for the banner or the collapsed run row. */
  summary: string;
}

export type RunOutcome =
  | (OutcomeBase & {
      kind: "running";
      phase: RunPhase;
      phaseText: string;
      elapsedMs: number;
      silentForMs: number;
      stalled: boolean;
      /** A retry announced a wait until then; silence before it is expected. */
      quietUntil?: number;
      /** The run waits for the operator to allow a command: silence is expected until the approval expires. */
      waitingForApproval?: { command: string; expiresAt: number };
    })
  | (OutcomeBase & { kind: "completed" })
  | (OutcomeBase & {
      kind: "degraded";
      reasons: DegradedReason[];
      retries: number;
      requestedModel?: string;
      answeredBy?: string;
      nextStep?: string;
    })
  | (OutcomeBase &
      Omit<FailureFacts, "rawMessage"> & {
        kind: "failed";
        message: string;
        nextStep: string;
      })
  | (OutcomeBase & { kind: "interrupted"; closeCode?: number; closeWords?: string; nextStep: string })
  | (OutcomeBase & { kind: "aborted"; stopReason?: string })
  | (OutcomeBase & { kind: "unknown"; reason: "connection-lost" | "reconciling" | "no-terminal-event"; nextStep?: string });

export type RunOutcomeKind = RunOutcome["kind"];

export function deriveRunOutcome(run: RunTimeline, context: OutcomeContext): RunOutcome {
  const outcome = ownOutcome(run, context);
  const problems = context.subagentProblems ?? [];
  const first = problems[0];
  if (!first || (outcome.kind !== "completed" && outcome.kind !== "degraded")) return outcome;
  // The run itself answered; a child it started did not deliver, and that is what the user must know first.
  const earlier = outcome.kind === "degraded" ? outcome : { reasons: [], retries: 0 };
  return {
    ...earlier,
    kind: "degraded",
    reasons: [...earlier.reasons, "subagent"],
    title: problems.length === 1 ? first.title : `${problems.length} sub-agents did not deliver`,
    summary: problems.map((problem) => problem.summary).join(" "),
    nextStep: "Open the sub-agent's session to see what it did, or ask for the task again.",
  };
}

function ownOutcome(run: RunTimeline, context: OutcomeContext): RunOutcome {
  const terminal = run.terminal;
  if (terminal?.kind === "final") return completedOrDegraded(run);
  if (terminal?.kind === "aborted") return aborted(terminal.stopReason);
  if (terminal?.kind === "error") return failed(run);

  const lifecycle = run.lifecycleOutcome;
  if (lifecycle?.kind === "end") return lifecycle.aborted ? aborted(lifecycle.stopReason) : completedOrDegraded(run);

  const idle = context.gatewayConfirmedIdle === true || run.inactiveConfirmedAt !== undefined;
  const offline = context.connection !== "online";
  if (lifecycle?.kind === "error" && (idle || offline || context.now - lifecycle.at >= LIFECYCLE_ERROR_GRACE_MS)) {
    return lifecycle.aborted ? aborted(lifecycle.stopReason) : failed(run);
  }
  if (idle) return run.restart ? interrupted(run) : unknown(run, "no-terminal-event");
  if (offline) return unknown(run, "connection-lost");
  const silentSinceReconnect = run.disconnectedAt !== undefined && run.lastEventAt <= Math.max(run.disconnectedAt, run.reconnectedAt ?? 0);
  const reconciling = context.now - Math.max(run.disconnectedAt ?? 0, run.reconnectedAt ?? 0) < RECONCILE_WINDOW_MS;
  if (silentSinceReconnect && reconciling && context.gatewayConfirmedIdle !== false) return unknown(run, "reconciling");
  const waiting = pendingApproval(run, context.now);
  if (waiting) return waitingForApproval(run, context.now, waiting);
  return running(run, context.now);
}

function running(run: RunTimeline, now: number): RunOutcome {
  const silentForMs = Math.max(0, now - run.lastEventAt);
  const quietUntil = run.quietUntil !== undefined && run.quietUntil > now ? run.quietUntil : undefined;
  const stalled = now - Math.max(run.lastEventAt, run.quietUntil ?? 0) >= STALL_AFTER_MS;
  const elapsedMs = Math.max(0, now - run.createdAt);
  const phaseText = describePhase(run.phase);
  const parts = [phaseText, `${formatDuration(elapsedMs)} elapsed`];
  parts.push(stalled ? `no activity for ${formatDuration(silentForMs)}` : `last event ${formatDuration(silentForMs)} ago`);
  return {
    kind: "running",
    title: stalled ? "No activity" : capitalize(phaseText),
    summary: parts.join(" · "),
    phase: run.phase,
    phaseText,
    elapsedMs,
    silentForMs,
    stalled,
    quietUntil,
  };
}

/** A run held by an exec approval is waiting for a person, not stuck: no silence warning while it waits. */
function waitingForApproval(run: RunTimeline, now: number, approval: { command: string; expiresAt: number }): RunOutcome {
  const phaseText = "waiting for your approval";
  const elapsedMs = Math.max(0, now - run.createdAt);
  return {
    kind: "running",
    title: "Waiting for your approval",
    summary: `${phaseText} · ${formatDuration(elapsedMs)} elapsed`,
    phase: run.phase,
    phaseText,
    elapsedMs,
    silentForMs: Math.max(0, now - run.lastEventAt),
    stalled: false,
    waitingForApproval: { command: approval.command, expiresAt: approval.expiresAt },
  };
}

function completedOrDegraded(run: RunTimeline): RunOutcome {
  const refused = refusedApprovals(run)[0];
  if (refused) {
    const reasons: DegradedReason[] = [refused.why === "denied" ? "approval-denied" : "approval-expired"];
    return { kind: "degraded", reasons, retries: 0, ...refusalWords(run, refused) };
  }
  const tools = countStepsOfKind(run.steps, "tool");
  const retries = countStepsOfKind(run.steps, "retry");
  const attemptErrors = countStepsOfKind(run.steps, "provider-error");
  const fallbacks = stepsOfKind(run.steps, "fallback").filter((step) => step.to !== undefined && step.outcome !== "chain_exhausted");
  const requested = run.requestedModel ? modelName(run.requestedModel) : undefined;
  const answeredBy = run.model ? modelName(run.model) : undefined;
  const switched = fallbacks.length > 0 || (requested !== undefined && answeredBy !== undefined && requested !== answeredBy);

  const reasons: DegradedReason[] = [];
  if (tools === 0 && announcesWork(run.text)) reasons.push("promised-no-work");
  if (switched) reasons.push("fallback");
  if (retries > 0 || attemptErrors > 0) reasons.push("retried");

  const took = durationWords(run);
  if (reasons.length === 0) {
    const toolWords = tools === 0 ? "" : `, ran ${tools} tool ${tools === 1 ? "call" : "calls"}`;
    return { kind: "completed", title: "Completed", summary: `Answered${took}${toolWords}.` };
  }
  const retryCount = Math.max(retries, attemptErrors);
  const base = { kind: "degraded" as const, reasons, retries: retryCount, requestedModel: requested, answeredBy };
  if (reasons.includes("promised-no-work")) {
    return {
      ...base,
      title: "No work performed",
      summary: "The reply says it is about to act, but the run ended without running any tool.",
      nextStep: "Ask it to go ahead (\"do it now\"), or send the task again.",
    };
  }
  if (switched) {
    const from = fallbacks[0]?.from ?? requested;
    return {
      ...base,
      title: "Answered by fallback model",
      summary: `Answered by ${answeredBy ?? fallbacks.at(-1)?.to ?? "a fallback model"}${from ? ` after ${from} failed` : ""}${took}.`,
    };
  }
  const why = lastRetryReason(run);
  return {
    ...base,
    title: "Completed after retries",
    summary: `Answered after ${retryCount} ${retryCount === 1 ? "retry" : "retries"}${why ? ` (${why})` : ""}${took}.`,
  };
}

function failed(run: RunTimeline): RunOutcome {
  const facts = classifyFailure(run);
  const words = describeFailure(facts);
  const detail = facts.providerDetail && !words.message.includes(facts.providerDetail) ? ` Provider said: ${facts.providerDetail}.` : "";
  const { rawMessage: _gatewayWords, ...named } = facts;
  return { ...named, kind: "failed", title: words.title, summary: `${words.message}${detail}`, message: words.message, nextStep: words.nextStep };
}

function aborted(stopReason: string | undefined): RunOutcome {
  return {
    kind: "aborted",
    title: "Stopped",
    summary: stopReason === "rpc" ? "Stopped on request before it finished." : "Stopped before it finished.",
    stopReason,
  };
}

function interrupted(run: RunTimeline): RunOutcome {
  const evidence = run.restart;
  const how = evidence ? ` — ${explainClose({ code: evidence.code ?? 0, words: evidence.words })} —` : ",";
  return {
    kind: "interrupted",
    title: "Interrupted by gateway restart",
    summary: `The gateway went down during this turn${how} and the turn did not finish.`,
    closeCode: evidence?.code,
    closeWords: evidence?.words,
    nextStep: "OpenClaw may resume the turn by itself after the restart; if no reply follows, send the message again.",
  };
}

function unknown(run: RunTimeline, reason: "connection-lost" | "reconciling" | "no-terminal-event"): RunOutcome {
  const close = lastDisconnect(run);
  switch (reason) {
    case "connection-lost":
      return {
        kind: "unknown",
        title: "Outcome unknown",
        summary: `The connection to the gateway was lost during this turn${close ? ` — ${explainClose(close)}` : ""}; whether it finished is not known yet.`,
        reason,
        nextStep: "Reconnecting; the result will be checked with the gateway.",
      };
    case "reconciling":
      return {
        kind: "unknown",
        title: "Outcome unknown",
        summary: "Reconnected after the connection dropped; checking with the gateway whether this turn finished.",
        reason,
      };
    case "no-terminal-event":
      return {
        kind: "unknown",
        title: "Outcome unknown",
        summary: "The gateway no longer runs this turn, but its result never arrived: events were lost.",
        reason,
        nextStep: "Reload the conversation to see what was saved, or send the message again.",
      };
  }
}

function lastDisconnect(run: RunTimeline): { code: number; words: string } | undefined {
  const step = stepsOfKind(run.steps, "connection")
    .filter((step) => step.event === "disconnected")
    .at(-1);
  return step ? { code: step.code ?? 0, words: step.words } : undefined;
}

function lastRetryReason(run: RunTimeline): string | undefined {
  const reason = stepsOfKind(run.steps, "retry").at(-1)?.reason ?? stepsOfKind(run.steps, "provider-error").at(-1)?.failoverReason;
  if (reason === "rate_limit") return "rate limited";
  if (reason === "timeout") return "model did not answer in time";
  return reason?.replace(/_/g, " ");
}

function durationWords(run: RunTimeline): string {
  if (run.endedAt === undefined) return "";
  return ` in ${runDurationWords(run) ?? formatDuration(0)}`;
}
