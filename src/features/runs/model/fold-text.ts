/**
 * What the model says on the timeline: assistant text and thinking, split into
 * segments by tool calls, and narration items (preamble notes). The reply only
 * moves forward: an older delta (by per-run seq) never replaces newer text, and
 * after the terminal event the final message is authoritative.
 */
import { PHASE, running } from "./fold-lifecycle";
import type { RunDraft } from "./fold-state";
import type { RunSignal } from "./run-signal";
import type { NoteStep, TextStep, ThinkingStep } from "./run-timeline";
import type { StepList } from "./step-list";

type TextSignal = Extract<RunSignal, { kind: "assistant-text" | "thinking-text" }>;

/**
 * Ordering mark: the per-run seq when present (shared by chat and agent events), else time. Text from history has
 * neither a seq nor a time comparable with one: it is older than anything live that follows it and sets no mark. A
 * time would rank it after every seq, and the live deltas after a reload mid-run would all be dropped as older.
 */
function mark(signal: RunSignal): number {
  if (signal.runSeq !== undefined) return signal.runSeq;
  return signal.source === "history" ? Number.NEGATIVE_INFINITY : signal.at;
}

function nextText(current: string, signal: TextSignal): string {
  if (signal.text !== undefined) return signal.text;
  if (signal.delta === undefined) return current;
  return signal.kind === "assistant-text" && signal.replace ? signal.delta : current + signal.delta;
}

export function assistantText(run: RunDraft, signal: Extract<RunSignal, { kind: "assistant-text" }>): boolean {
  // Late deltas (e.g. the abort's `replace:""`) must not blank the final message.
  if (run.terminal !== undefined) return false;
  const order = mark(signal);
  if (order < run.textMark) return false;
  const text = nextText(run.text, signal);
  let changed = false;
  if (text !== run.text || order !== run.textMark) {
    run.text = text;
    run.textMark = order;
    changed = true;
  }
  changed = upsertSegment(run, signal, "text", text) || changed;
  return running(run, PHASE.writingReply) || changed;
}

export function thinkingText(run: RunDraft, signal: Extract<RunSignal, { kind: "thinking-text" }>): boolean {
  const text = nextText(run.thinking, signal);
  let changed = false;
  if (text !== run.thinking) {
    run.thinking = text;
    changed = true;
  }
  changed = upsertSegment(run, signal, "thinking", text) || changed;
  return running(run, PHASE.thinking) || changed;
}

/**
 * Text segments are split by tool calls. `agent` events name their segment
 * (itemId); `chat` deltas do not, so they join the newest segment unless a
 * tool ran after it, and a named event adopts such an unnamed segment.
 */
function upsertSegment(run: RunDraft, signal: TextSignal, kind: "text" | "thinking", text: string): boolean {
  if (text === "") return false;
  const steps = run.steps;
  let index = signal.segmentId === undefined ? -1 : segmentIndex(steps, kind, signal.segmentId);
  if (index < 0) {
    const named = signal.segmentId !== undefined;
    const found = steps.findLastIndex((step) => step.kind === "tool" || (step.kind === kind && (!named || step.segmentId.startsWith("unnamed:"))));
    if (steps.at(found)?.kind === kind) index = found;
  }
  const existing = steps.at(index);
  if (existing && (existing.kind === "text" || existing.kind === "thinking")) {
    // A chat event's text is the whole reply so far, every segment's joined (steer-twice.jsonl): a segment an agent
    // event named keeps that event's own text.
    if (signal.segmentId === undefined && !existing.segmentId.startsWith("unnamed:")) return false;
    const segmentId = existing.segmentId.startsWith("unnamed:") && signal.segmentId ? signal.segmentId : existing.segmentId;
    if (existing.text === text && segmentId === existing.segmentId) return false;
    const id = segmentId === existing.segmentId ? existing.id : `${kind}:${segmentId}`;
    run.steps = steps.put(segment(id, existing.kind, existing.at, existing.source, segmentId, text), index);
    return true;
  }
  const segmentId = signal.segmentId ?? `unnamed:${signal.at}`;
  run.steps = steps.put(segment(`${kind}:${segmentId}`, kind, signal.at, signal.source, segmentId, text));
  return true;
}

/** The segment being written is usually the newest step: found without building its id. */
function segmentIndex(steps: StepList, kind: "text" | "thinking", segmentId: string): number {
  const newest = steps.at(steps.length - 1);
  if ((newest?.kind === "text" || newest?.kind === "thinking") && newest.kind === kind && newest.segmentId === segmentId) return steps.length - 1;
  return steps.indexOf(`${kind}:${segmentId}`);
}

function segment(id: string, kind: "text" | "thinking", at: number, source: RunSignal["source"], segmentId: string, text: string): TextStep | ThinkingStep {
  return { id, kind, at, source, segmentId, text };
}

function sameNote(a: NoteStep, b: NoteStep): boolean {
  return a.at === b.at && a.source === b.source && a.itemKind === b.itemKind && a.title === b.title && a.text === b.text && a.endedAt === b.endedAt;
}

/** Preamble narration and other activity items that are not tool calls. */
export function note(run: RunDraft, signal: Extract<RunSignal, { kind: "item" }>): boolean {
  const id = `note:${signal.itemId}`;
  const index = run.steps.indexOf(id);
  const existing = run.steps.at(index);
  const base = existing?.kind === "note" ? existing : undefined;
  const step: NoteStep = {
    id,
    kind: "note",
    at: base?.at ?? signal.at,
    source: base?.source ?? signal.source,
    itemKind: signal.itemKind,
    title: signal.title ?? base?.title,
    text: signal.progressText ?? base?.text,
    endedAt: signal.phase === "end" ? signal.at : base?.endedAt,
  };
  if (base && sameNote(base, step)) return false;
  run.steps = run.steps.put(step, index);
  return true;
}
