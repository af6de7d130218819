import { describe, expect, it } from "vitest";
import { findStep, insertStep, replaceStep } from "./step-list";
import type { TimelineStep } from "./run-timeline";

function gap(id: string, at: number): TimelineStep {
  return { id, kind: "gap", at, source: "live", expected: 0, received: 0 };
}

describe("step list", () => {
  it("places steps by time and keeps arrival order for equal times", () => {
    let steps: TimelineStep[] = [];
    for (const [id, at] of [["a", 10], ["c", 30], ["b", 20], ["b2", 20], ["d", 5]] as const) steps = insertStep(steps, gap(id, at));
    expect(steps.map((step) => step.id)).toEqual(["d", "a", "b", "b2", "c"]);
    for (const [position, step] of steps.entries()) expect(findStep(steps, step.id)).toBe(position);
    expect(findStep(steps, "missing")).toBe(-1);
  });

  it("re-places a replaced step whose time changed, and renames keep lookups right", () => {
    const base = [gap("a", 1), gap("b", 2), gap("c", 3)].reduce<TimelineStep[]>((list, step) => insertStep(list, step), []);
    const moved = replaceStep(base, 2, gap("c", 0));
    expect(moved.map((step) => step.id)).toEqual(["c", "a", "b"]);
    expect(findStep(moved, "b")).toBe(2);
    const renamed = replaceStep(base, 1, gap("b-renamed", 2));
    expect(findStep(renamed, "b")).toBe(-1);
    expect(findStep(renamed, "b-renamed")).toBe(1);
    // The older array still answers for itself.
    expect(findStep(base, "b")).toBe(1);
    expect(findStep(base, "b-renamed")).toBe(-1);
  });

  it("answers correctly for every version when one base is extended in different ways", () => {
    const base = insertStep(insertStep([], gap("a", 1)), gap("b", 2));
    const left = insertStep(base, gap("x", 3));
    const right = insertStep(insertStep(base, gap("y", 3)), gap("x", 4));
    expect(findStep(left, "x")).toBe(2);
    expect(findStep(left, "y")).toBe(-1);
    expect(findStep(right, "x")).toBe(3);
    expect(findStep(right, "y")).toBe(2);
    expect(findStep(base, "x")).toBe(-1);
    expect(findStep(base, "y")).toBe(-1);
  });
});
