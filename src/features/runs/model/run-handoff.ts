/**
 * A message sent while another reply of its session runs is not run under its own id: the gateway steers it into
 * the running reply (the default `steer` queue mode) or queues it for a later run (`followup`). Live, its own run id
 * gets one bare `chat` final and nothing else, no start, no text (steer-default-mode.jsonl, steer-followup-mode.jsonl).
 * That final says "handed on", not "answered with nothing".
 */
import type { QueueState } from "./queue-state";
import type { RunOutcome } from "./run-outcome";
import { stepsOfKind, type RunTimeline } from "./run-timeline";

export function wasHandedOn(run: RunTimeline): boolean {
  return run.terminal?.kind === "final" && neverRan(run);
}

/** Whether nothing ran under the run's own id: no start seen live, no text, nothing but lifecycle steps. */
export function neverRan(run: RunTimeline): boolean {
  // A start known only from history does not count: a read taken while the message waited can name its run id as
  // the one in flight (it never starts under it).
  const startedLive = run.steps.some((step) => step.kind === "lifecycle" && step.event === "started" && step.source !== "history");
  return !startedLive && run.text === "" && run.steps.every((step) => step.kind === "lifecycle");
}

/**
 * The answer a steered message shows: history's reply row when it has one, else what the shared run wrote from taking
 * the message in until taking the next one in; nothing while its take-in is unknown.
 */
export function steeredAnswer(historyReply: string, run: RunTimeline, takenIn: TakeInMoment | undefined, nextTakenIn: TakeInMoment | undefined): string {
  return historyReply || (takenIn === undefined ? "" : textBetween(run, takenIn, nextTakenIn));
}

/** When the gateway took a handed-on message in: the moment its run id got the bare final (seen live only). */
export function handedOnAt(run: RunTimeline | undefined): number | undefined {
  return run && wasHandedOn(run) ? run.terminal?.at : undefined;
}

/**
 * A moment a message was taken into a run, as the page saw it live (when the bare final arrived) and as history
 * records it (when the gateway rewrote the row, moved onto the browser's clock). A step is held to the moment of its
 * own source: a history step's time is the gateway's, and the page hears of a take-in only after the gateway made it,
 * so a live moment can lie after the history time of text written right after it.
 */
export type TakeInMoment = number | { live?: number; history?: number };

/** A take-in seen live and/or recorded by history (gateway clock, `offsetMs` = gateway minus browser); undefined when neither. */
export function takeInMoment(live: number | undefined, recorded: number | undefined, offsetMs: number): TakeInMoment | undefined {
  const history = recorded === undefined ? undefined : recorded - offsetMs;
  if (live === undefined && history === undefined) return undefined;
  return { ...(live !== undefined ? { live } : {}), ...(history !== undefined ? { history } : {}) };
}

function momentFor(moment: TakeInMoment | undefined, source: RunTimeline["steps"][number]["source"]): number | undefined {
  if (moment === undefined || typeof moment === "number") return moment;
  return source === "history" ? (moment.history ?? moment.live) : (moment.live ?? moment.history);
}

/**
 * What a run wrote from one moment until another: its text segments that began in between, in order. A run that took
 * messages in answers each with what it wrote from taking it in until it took the next one in; what came before the
 * first answers the message that started the run. An open end reaches the run's start, or what it writes now.
 */
export function textBetween(run: RunTimeline, from: TakeInMoment | undefined, until: TakeInMoment | undefined): string {
  return stepsOfKind(run.steps, "text")
    .filter((step) => {
      const start = momentFor(from, step.source);
      const end = momentFor(until, step.source);
      return (start === undefined || step.at >= start) && (end === undefined || step.at < end);
    })
    .map((step) => step.text)
    .join("\n\n");
}

/**
 * A message this page sent while an earlier run of its session is still going: until the gateway takes it in, its
 * run has not started, and it waits for that run (to be steered into it, or to run after it).
 */
export function waitsBehindAnotherRun(run: RunTimeline, sessionRuns: readonly RunTimeline[]): boolean {
  if (run.status !== "queued") return false;
  return sessionRuns.some((other) => other.runId !== run.runId && other.createdAt <= run.createdAt && other.status !== "ended" && other.inactiveConfirmedAt === undefined);
}

/** How a handed-on message is being answered, as far as this page knows. */
export type Handoff =
  /** Its run id was closed at once; history has not said yet which run takes it, or says it never will. */
  | { kind: "queued"; state: QueueState }
  /** History says it was steered into the run of an earlier message; that run's outcome, if this page has the run. */
  | { kind: "steered"; outcome: RunOutcome | undefined };

const QUEUED_WORDS: Record<QueueState, string> = {
  waiting: "Queued behind the reply already running: its answer will show here.",
  cancelled: "Not answered: the gateway cleared it from the queue when the session was stopped. Send it again to get an answer.",
  interrupted: "Not answered: the gateway stopped while it waited, and it will not run on its own. Send it again to get an answer.",
  gone: "Not answered: the gateway no longer holds it and nothing is running (its queue was cleared or the session reset). Send it again to get an answer.",
};

/** One sentence the reader can trust: where the message went, and where its answer and its timeline are. */
export function describeHandoff(handoff: Handoff): string {
  if (handoff.kind === "queued") return QUEUED_WORDS[handoff.state];
  const outcome = handoff.outcome;
  if (outcome?.kind === "running") return "Steered into the reply already running: its answer will show here when it comes. Its timeline is under the message that started it.";
  return `Steered into the reply already running${outcome ? ` · ${outcome.title}` : ""}. Its timeline is under the message that started it.`;
}
