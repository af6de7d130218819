/**
 * Exec approvals on the wire: a run that wants a command the policy does not
 * allow waits until an operator decides. The gateway announces the wait with
 * `exec.approval.requested`, the decision with `exec.approval.resolved`, and
 * answers `exec.approval.list` with the pending ones (the same record as the
 * requested event). An approval that times out is announced by no event: it
 * leaves the list, and the run's exec result says "Exec denied (…, approval-timeout)".
 */
import { isRecord, readNumber, readRecord, readStringArray, readText, type UnknownRecord } from "@/lib/read-untrusted";

export type ApprovalDecision = "allow-once" | "allow-always" | "deny";

export const APPROVAL_DECISIONS: readonly ApprovalDecision[] = ["allow-once", "allow-always", "deny"];

/** One pending exec approval, as an operator needs to judge it. */
export interface ExecApproval {
  id: string;
  command: string;
  cwd?: string;
  /** Where the command would run: "gateway" or "node". */
  host?: string;
  nodeId?: string;
  agentId?: string;
  sessionKey?: string;
  runId?: string;
  toolCallId?: string;
  /** The decisions this request offers; "allow-always" is withheld e.g. in a guarded session. */
  allowedDecisions: readonly ApprovalDecision[];
  warningText?: string;
  createdAtMs: number;
  expiresAtMs: number;
}

/** `exec.approval.resolved`: someone (this tab, another tab, the CLI) decided. */
export interface ApprovalResolution {
  id: string;
  decision: ApprovalDecision;
  /** The deciding client's name, e.g. "openclaw-control-ui" or "cli". */
  resolvedBy?: string;
  /** The gateway's clock when it recorded the decision. */
  at: number;
  runId?: string;
  sessionKey?: string;
  toolCallId?: string;
}

export type ApprovalChange = { kind: "requested"; approval: ExecApproval } | { kind: "resolved"; resolution: ApprovalResolution };

export const EXEC_APPROVAL_EVENTS = { requested: "exec.approval.requested", resolved: "exec.approval.resolved" } as const;

function isDecision(value: string): value is ApprovalDecision {
  return (APPROVAL_DECISIONS as readonly string[]).includes(value);
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** A requested event's payload or one `exec.approval.list` entry; null when it is not a readable exec approval. */
export function parseExecApproval(value: unknown): ExecApproval | null {
  if (!isRecord(value)) return null;
  const id = readText(value, "id");
  const request = readRecord(value, "request");
  const command = request ? readText(request, "command") : undefined;
  const createdAtMs = readNumber(value, "createdAtMs");
  const expiresAtMs = readNumber(value, "expiresAtMs");
  if (!id || !request || !command || createdAtMs === undefined || expiresAtMs === undefined) return null;
  const kind = readText(value, "approvalKind");
  if (kind !== undefined && kind !== "exec") return null;
  return {
    id,
    command,
    allowedDecisions: (readStringArray(request, "allowedDecisions") ?? APPROVAL_DECISIONS).filter(isDecision),
    createdAtMs,
    expiresAtMs,
    ...requestFacts(request),
  };
}

function requestFacts(request: UnknownRecord) {
  return {
    ...optional("cwd", readText(request, "cwd")),
    ...optional("host", readText(request, "host")),
    ...optional("nodeId", readText(request, "nodeId")),
    ...optional("agentId", readText(request, "agentId")),
    ...optional("sessionKey", readText(request, "sessionKey")),
    ...optional("runId", readText(request, "runId")),
    ...optional("toolCallId", readText(request, "toolCallId")),
    ...optional("warningText", readText(request, "warningText")),
  };
}

export function parseApprovalResolution(value: unknown): ApprovalResolution | null {
  if (!isRecord(value)) return null;
  const id = readText(value, "id");
  const decision = readText(value, "decision");
  const at = readNumber(value, "ts");
  if (!id || !decision || !isDecision(decision) || at === undefined) return null;
  const request = readRecord(value, "request");
  return {
    id,
    decision,
    at,
    ...optional("resolvedBy", readText(value, "resolvedBy")),
    ...optional("runId", request && readText(request, "runId")),
    ...optional("sessionKey", request && readText(request, "sessionKey")),
    ...optional("toolCallId", request && readText(request, "toolCallId")),
  };
}

/** An approval event frame's meaning, or null for any other event. */
export function parseApprovalEvent(event: string, payload: unknown): ApprovalChange | null {
  if (event === EXEC_APPROVAL_EVENTS.requested) {
    const approval = parseExecApproval(payload);
    return approval ? { kind: "requested", approval } : null;
  }
  if (event === EXEC_APPROVAL_EVENTS.resolved) {
    const resolution = parseApprovalResolution(payload);
    return resolution ? { kind: "resolved", resolution } : null;
  }
  return null;
}

export function parseApprovalList(payload: unknown): ExecApproval[] {
  if (!Array.isArray(payload)) return [];
  return payload.flatMap((entry) => parseExecApproval(entry) ?? []);
}

/** The one request function the approval calls need (GatewayConnection.request fits). */
export type GatewayRequest = <T>(method: string, params?: unknown) => Promise<T>;

/** Every pending exec approval this operator may decide, oldest first. */
export async function listExecApprovals(request: GatewayRequest): Promise<ExecApproval[]> {
  const approvals = parseApprovalList(await request<unknown>("exec.approval.list", {}));
  return approvals.sort((a, b) => a.createdAtMs - b.createdAtMs);
}

/**
 * Decides one approval. The gateway answers `{ok:true}`; a second decision
 * (another tab was quicker) is refused with "approval already resolved".
 */
export async function resolveExecApproval(request: GatewayRequest, id: string, decision: ApprovalDecision): Promise<void> {
  await request<unknown>("exec.approval.resolve", { id, decision });
}
