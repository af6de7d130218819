/**
 * `chat.history` rows → turns: a user row and the rows that answer it, or replies with no
 * user row before them. The chat transcript and the run timelines both start from this split,
 * so a turn the chat shows and the run beside it are always the same rows.
 */
import { isRecord, type UnknownRecord } from "./read-untrusted";
import { idOfRow, isInjectedNote, isSyntheticMarker, roleOfRow, runIdOfReplyRow, runIdOfUserRow, steeredAtOfUserRow, steerTargetOfUserRow, timeOfRow } from "./history-rows";

export interface HistoryTurn {
  /**
   * Stable identity: the run id the turn opened with, else `openingRowId`. It does not change
   * when a later row fills in `runId`, so a turn keeps its identity when a reload brings its reply.
   */
  key: string;
  /** The user row's run id, else the first run id a reply row names. */
  runId: string | undefined;
  /** The user row that opened the turn; undefined for replies with no user row before them. */
  userRow: UnknownRecord | undefined;
  /** The opening row's transcript id, else `row-<its index in history>`. */
  openingRowId: string;
  /** The assistant, toolResult and custom rows that answer it, in history order. */
  replies: UnknownRecord[];
  /** When the opening row was made. */
  at: number | undefined;
  /**
   * Runs other than `runId` whose rows answer this turn: a message sent while a reply ran is queued as a
   * follow-up and answered by a run of the gateway's own id, which the user row does not name.
   */
  answeredBy: string[];
  /**
   * The run of an earlier turn this message was steered into (the default `steer` queue mode): that run read it at
   * its next boundary and answered it. The run's rows from that point on are this turn's replies; the rows before
   * stay with the turn that started it. Unset when the run's own turn is not in view.
   */
  steeredInto?: string;
  /** When the gateway took it into that run, on the gateway's clock. */
  steeredAt?: number;
}

/** Rows that answer a user; other roles (and junk) belong to no turn. */
const REPLY_ROLES: ReadonlySet<string> = new Set(["assistant", "toolResult", "custom"]);

export function splitHistoryTurns(history: readonly unknown[]): HistoryTurn[] {
  const turns: HistoryTurn[] = [];
  const byRunId = new Map<string, HistoryTurn>();
  const notes = new Set<number>();
  // Run id → the newest turn steered into it: the run's later rows answer that message.
  const steeredTo = new Map<string, HistoryTurn>();

  const open = (row: UnknownRecord, index: number, runId: string | undefined, userRow: UnknownRecord | undefined): HistoryTurn => {
    const openingRowId = idOfRow(row) ?? `row-${index}`;
    const turn: HistoryTurn = { key: runId ?? openingRowId, runId, userRow, openingRowId, replies: [], at: timeOfRow(row), answeredBy: [] };
    turns.push(turn);
    if (runId !== undefined) byRunId.set(runId, turn);
    return turn;
  };

  history.forEach((value, index) => {
    if (!isRecord(value) || isSyntheticMarker(value)) return;
    const role = roleOfRow(value);
    if (role === "user") {
      const turn = open(value, index, runIdOfUserRow(value), value);
      const target = steerTargetOfUserRow(value);
      if (target !== undefined && byRunId.has(target)) {
        turn.steeredInto = target;
        const steeredAt = steeredAtOfUserRow(value);
        if (steeredAt !== undefined) turn.steeredAt = steeredAt;
        steeredTo.set(target, turn);
      }
      return;
    }
    if (role === undefined || !REPLY_ROLES.has(role)) return;
    if (isInjectedNote(value)) {
      // Closed at once: nothing that follows joins a note.
      open(value, index, undefined, undefined).replies.push(value);
      notes.add(turns.length - 1);
      return;
    }
    const runId = runIdOfReplyRow(value);
    // A reply joins the turn of the run it names (after a message steered into that run, the message's turn), which
    // keeps a run's rows apart from a user row sent in its middle that does not say it was steered into it.
    const newest = notes.has(turns.length - 1) ? undefined : turns.at(-1);
    const named = runId !== undefined ? (steeredTo.get(runId) ?? byRunId.get(runId)) : undefined;
    const turn = named || replyTurn(newest, runId) || open(value, index, runId, undefined);
    if (turn.runId === undefined && runId !== undefined && turn.steeredInto === undefined) {
      turn.runId = runId;
      byRunId.set(runId, turn);
    } else if (runId !== undefined && runId !== turn.runId && !byRunId.has(runId)) {
      turn.answeredBy.push(runId);
      byRunId.set(runId, turn);
    }
    turn.replies.push(value);
  });
  return turns;
}

/**
 * Whether a reply of a run no turn knows yet belongs to the newest turn. It does unless that
 * turn already has replies of another run: then it is a run with no user row in view (started
 * elsewhere, or its user row is before this page). A turn with no replies yet takes it, so a
 * user row whose key is not its run's id still gets its answer.
 */
function replyTurn(newest: HistoryTurn | undefined, runId: string | undefined): HistoryTurn | undefined {
  if (!newest) return undefined;
  const otherRun = runId !== undefined && newest.runId !== undefined && newest.runId !== runId;
  return otherRun && newest.replies.length > 0 ? undefined : newest;
}

/**
 * One turn per run: a steered turn's replies go back to the turn whose run answered it (copies; the input is
 * untouched). The run timelines are built from these, so a run shared by two messages has one timeline, with
 * every row it wrote.
 */
export function turnsByRun(turns: readonly HistoryTurn[]): HistoryTurn[] {
  const byRun = new Map<string, HistoryTurn>();
  const out: HistoryTurn[] = [];
  for (const turn of turns) {
    const origin = turn.steeredInto !== undefined ? byRun.get(turn.steeredInto) : undefined;
    if (origin) {
      origin.replies.push(...turn.replies);
      continue;
    }
    const copy = { ...turn, replies: [...turn.replies] };
    for (const runId of [turn.runId, ...turn.answeredBy]) if (runId !== undefined) byRun.set(runId, copy);
    out.push(copy);
  }
  return out;
}
