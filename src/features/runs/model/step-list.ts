/**
 * The immutable list of a run's steps on one time axis: look a step up by id,
 * put a step in time order, replace one. Every fold step does a lookup, and a
 * long run has thousands of steps, so lookups go through an id → index map
 * instead of a scan.
 *
 * NOTE: the map is shared, on purpose, by all step arrays derived from one
 * another and is never cleared. An entry can therefore be stale (the id moved,
 * or another version put a different step at that index); every hit is
 * verified and a failed check falls back to a scan, so staleness costs time,
 * never correctness. A *missing* id is trusted, which holds because an array
 * is only registered with a map that has seen all of its ids.
 */
import type { RunTimeline, TimelineStep } from "./run-timeline";

const indexes = new WeakMap<readonly TimelineStep[], Map<string, number>>();

function indexFor(steps: readonly TimelineStep[]): Map<string, number> {
  let index = indexes.get(steps);
  if (index === undefined) {
    index = new Map();
    for (let position = 0; position < steps.length; position += 1) {
      const step = steps[position];
      if (step) index.set(step.id, position);
    }
    indexes.set(steps, index);
  }
  return index;
}

export function findStep(steps: readonly TimelineStep[], id: string): number {
  const position = indexFor(steps).get(id);
  if (position === undefined) return -1;
  if (steps[position]?.id === id) return position;
  for (let cursor = steps.length - 1; cursor >= 0; cursor -= 1) if (steps[cursor]?.id === id) return cursor;
  return -1;
}

/** A copy of `steps` with `step` placed by time; equal times keep arrival order. */
export function insertStep(steps: readonly TimelineStep[], step: TimelineStep): TimelineStep[] {
  let position = steps.length;
  while (position > 0 && (steps[position - 1]?.at ?? 0) > step.at) position -= 1;
  const copy = steps.slice();
  copy.splice(position, 0, step);
  // Appending keeps every other index valid, so the map carries over; an insert in the middle is rebuilt lazily.
  if (position === steps.length) {
    const index = indexFor(steps);
    index.set(step.id, position);
    indexes.set(copy, index);
  }
  return copy;
}

/** A copy of `steps` with the step at `position` replaced, re-placed by time if its time changed. */
export function replaceStep(steps: readonly TimelineStep[], position: number, step: TimelineStep): TimelineStep[] {
  const current = steps[position];
  if (current !== undefined && current.at === step.at) {
    const copy = steps.slice();
    copy[position] = step;
    const index = indexFor(steps);
    index.set(step.id, position);
    indexes.set(copy, index);
    return copy;
  }
  const without = steps.slice();
  without.splice(position, 1);
  return insertStep(without, step);
}

/**
 * Adds or replaces the step with `step.id`. `knownIndex` saves a second lookup
 * when the caller already did one.
 */
export function putStep(run: RunTimeline, step: TimelineStep, knownIndex = findStep(run.steps, step.id)): RunTimeline {
  if (knownIndex < 0) return { ...run, steps: insertStep(run.steps, step) };
  if (run.steps[knownIndex] === step) return run;
  return { ...run, steps: replaceStep(run.steps, knownIndex, step) };
}

export function putIfAbsent(run: RunTimeline, step: TimelineStep): RunTimeline {
  return findStep(run.steps, step.id) >= 0 ? run : putStep(run, step, -1);
}
