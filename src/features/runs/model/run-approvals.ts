/**
 * What a run's exec approvals mean for the run: while one waits, the run is
 * waiting for the operator, not stuck; a denied or expired one is part of how
 * the run ended, because the command it wanted never ran.
 *
 * Two sources, both pure here: approval facts the registry was told (the
 * pending list and the approval events), and the exec result itself, which
 * the gateway writes as "Exec denied (gateway id=<id>, <reason>): <command>"
 * live and in history alike, so a reload still knows why a command did not run.
 */
import type { ApprovalChange } from "@/gateway/exec-approvals";
import { formatDuration } from "./format-duration";
import { stepsOfKind, type RunApproval, type RunTimeline, type ToolStep } from "./run-timeline";

/** The run's approvals after one change; the same array when nothing changed. */
export function withApprovalChange(approvals: readonly RunApproval[], change: ApprovalChange): readonly RunApproval[] {
  if (change.kind === "requested") {
    const { approval } = change;
    if (approvals.some((known) => known.id === approval.id)) return approvals;
    const added: RunApproval = {
      id: approval.id,
      command: approval.command,
      requestedAt: approval.createdAtMs,
      expiresAt: approval.expiresAtMs,
      ...(approval.toolCallId ? { toolCallId: approval.toolCallId } : {}),
    };
    return [...approvals, added].sort((a, b) => a.requestedAt - b.requestedAt);
  }
  const { resolution } = change;
  const index = approvals.findIndex((known) => known.id === resolution.id);
  const known = approvals[index];
  if (!known || known.decision !== undefined) return approvals;
  const decided: RunApproval = { ...known, decision: resolution.decision, decidedAt: resolution.at, ...(resolution.resolvedBy ? { decidedBy: resolution.resolvedBy } : {}) };
  return approvals.map((approval, i) => (i === index ? decided : approval));
}

const DENIED_RESULT = /^Exec denied \(gateway id=([^,\s]+), ([^)]*)\)/;

export interface RefusedApproval {
  approvalId: string;
  why: "denied" | "expired";
  step: ToolStep;
}

/** The result's opening is enough: the gateway puts the refusal first. */
function toolTextStart(step: ToolStep): string {
  return (step.result ?? step.output).head;
}

/** Exec results that say an approval refused the command: by the operator, or by running out of time. */
export function refusedApprovals(run: RunTimeline): RefusedApproval[] {
  return stepsOfKind(run.steps, "tool").flatMap((step): RefusedApproval[] => {
    const match = DENIED_RESULT.exec(toolTextStart(step).trim());
    if (!match?.[1] || !match[2]) return [];
    const reason = match[2];
    if (reason === "user-denied") return [{ approvalId: match[1], why: "denied", step }];
    if (reason.startsWith("approval-timeout")) return [{ approvalId: match[1], why: "expired", step }];
    return [];
  });
}

/** The approval the run is waiting for now: undecided, not yet expired, and its command not yet finished. */
export function pendingApproval(run: RunTimeline, now: number): RunApproval | undefined {
  const finished = new Set(
    stepsOfKind(run.steps, "tool")
      .filter((step) => step.status !== "running")
      .map((step) => step.toolCallId),
  );
  return run.approvals?.find((approval) => approval.decision === undefined && approval.expiresAt > now && !(approval.toolCallId && finished.has(approval.toolCallId)));
}

/** "14:03": the operator's own clock, as in a chat. */
export function clockTime(at: number): string {
  const date = new Date(at);
  return `${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
}

/** The run's ending in words when an approval kept its command from running. */
export function refusalWords(run: RunTimeline, refused: RefusedApproval): { title: string; summary: string } {
  const known = run.approvals?.find((approval) => approval.id === refused.approvalId);
  if (refused.why === "denied") {
    const at = known?.decidedAt ?? refused.step.endedAt ?? refused.step.at;
    return { title: "Command denied", summary: `Denied at ${clockTime(at)} — the command did not run.` };
  }
  const waited = known ? known.expiresAt - known.requestedAt : (refused.step.durationMs ?? (refused.step.endedAt ?? refused.step.at) - refused.step.at);
  return { title: "Approval expired", summary: `Approval expired after ${formatDuration(waited)} — the command did not run.` };
}

const DECIDED_WORDS = { "allow-once": "Allowed once", "allow-always": "Allowed always", deny: "Denied" } as const;

/** The approval's row in the run's timeline: asked, then allowed, denied or expired. */
export function approvalStepText(approval: RunApproval, now: number): string {
  const asked = `Approval asked at ${clockTime(approval.requestedAt)}`;
  if (approval.decision) {
    const by = approval.decidedBy ? ` by ${approval.decidedBy}` : "";
    const ran = approval.decision === "deny" ? " — the command did not run" : "";
    return `${asked} · ${DECIDED_WORDS[approval.decision]} at ${clockTime(approval.decidedAt ?? approval.requestedAt)}${by}${ran}`;
  }
  if (approval.expiresAt <= now) return `${asked} · Expired after ${formatDuration(approval.expiresAt - approval.requestedAt)} — the command did not run`;
  return `${asked} · waiting for your decision`;
}
