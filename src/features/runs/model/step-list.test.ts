import { describe, expect, it } from "vitest";
import type { GapStep } from "./run-timeline";
import { StepList } from "./step-list";

function gap(id: string, at: number): GapStep {
  return { id, kind: "gap", at, source: "live", expected: 0, received: 0 };
}

function listOf(entries: ReadonlyArray<readonly [string, number]>): StepList {
  return entries.reduce((list, [id, at]) => list.put(gap(id, at)), StepList.empty());
}

function ids(list: StepList): string[] {
  return list.toArray().map((step) => step.id);
}

/** Appends `count` steps at times 0…count-1, ids s0…. */
function longList(count: number): StepList {
  let list = StepList.empty();
  for (let index = 0; index < count; index += 1) list = list.put(gap(`s${index}`, index));
  return list;
}

describe("step list", () => {
  it("runs started from the shared empty list never see each other's steps", () => {
    const first = StepList.empty().put(gap("a", 1)).put(gap("b", 2)).put(gap("c", 3));
    const second = StepList.empty().put(gap("x", 1)).put(gap("y", 2));
    expect(ids(first)).toEqual(["a", "b", "c"]);
    expect(ids(second)).toEqual(["x", "y"]);
    expect(StepList.empty().length).toBe(0);
    expect(ids(StepList.empty())).toEqual([]);
    expect(StepList.empty().indexOf("a")).toBe(-1);
  });

  it("places steps by time and keeps arrival order for equal times", () => {
    const list = listOf([["a", 10], ["c", 30], ["b", 20], ["b2", 20], ["d", 5]]);
    expect(ids(list)).toEqual(["d", "a", "b", "b2", "c"]);
    for (const [position, step] of list.toArray().entries()) expect(list.indexOf(step.id)).toBe(position);
    expect(list.indexOf("missing")).toBe(-1);
  });

  it("re-places a replaced step whose time changed, and renames keep lookups right", () => {
    const base = listOf([["a", 1], ["b", 2], ["c", 3]]);
    const moved = base.put(gap("c", 0));
    expect(ids(moved)).toEqual(["c", "a", "b"]);
    expect(moved.indexOf("b")).toBe(2);
    const renamed = base.put(gap("b-renamed", 2), 1);
    expect(renamed.indexOf("b")).toBe(-1);
    expect(renamed.indexOf("b-renamed")).toBe(1);
    // The older list still answers for itself.
    expect(base.indexOf("b")).toBe(1);
    expect(base.indexOf("b-renamed")).toBe(-1);
    expect(ids(base)).toEqual(["a", "b", "c"]);
  });

  it("keeps a replaced step in place when its new time still fits there", () => {
    const base = listOf([["a", 1], ["b", 5], ["c", 9]]);
    expect(ids(base.put(gap("b", 8)))).toEqual(["a", "b", "c"]);
    expect(base.put(gap("b", 8)).at(1)?.at).toBe(8);
    // Equal to the next step's time: it goes after it, as a new step at that time would.
    expect(ids(base.put(gap("b", 9)))).toEqual(["a", "c", "b"]);
  });

  it("answers correctly for every version when one base is extended in different ways", () => {
    const base = listOf([["a", 1], ["b", 2]]);
    const left = base.put(gap("x", 3));
    const right = base.put(gap("y", 3)).put(gap("x", 4));
    expect(left.indexOf("x")).toBe(2);
    expect(left.indexOf("y")).toBe(-1);
    expect(right.indexOf("x")).toBe(3);
    expect(right.indexOf("y")).toBe(2);
    expect(base.indexOf("x")).toBe(-1);
    expect(base.indexOf("y")).toBe(-1);
    expect(ids(left)).toEqual(["a", "b", "x"]);
    expect(ids(right)).toEqual(["a", "b", "y", "x"]);
    expect(ids(base)).toEqual(["a", "b"]);
  });

  it("holds thousands of steps across trie levels, and a replace deep inside leaves older versions alone", () => {
    const count = 32 * 32 + 32 * 3 + 7;
    const list = longList(count);
    expect(list.length).toBe(count);
    expect(list.toArray().map((step) => step.at)).toEqual(Array.from({ length: count }, (_, index) => index));
    for (const index of [0, 31, 32, 1023, 1024, 1055, 1056, count - 1]) {
      expect(list.at(index)?.id).toBe(`s${index}`);
      expect(list.indexOf(`s${index}`)).toBe(index);
    }
    const replaced = list.put({ ...gap("s40", 40), expected: 7 });
    expect(replaced.at(40)).toMatchObject({ id: "s40", expected: 7 });
    expect(list.at(40)).toMatchObject({ id: "s40", expected: 0 });
    expect(replaced.at(41)).toBe(list.at(41));
  });

  it("builds from a list of steps the same list appending them one by one makes, and goes on from there", () => {
    for (const count of [0, 1, 2, 16, 17, 18, 32, 33, 34, 65, 32 * 32, 32 * 32 + 1, 32 * 32 + 33, 32 * 32 + 34, 32 * 32 * 2 + 5]) {
      const appended = longList(count);
      const built = StepList.from(appended.toArray());
      expect(built.length).toBe(count);
      expect(ids(built)).toEqual(ids(appended));
      for (const index of [0, 15, 16, 31, 32, 33, 1023, 1024, 1025, count - 2, count - 1].filter((at) => at >= 0 && at < count)) {
        expect(built.at(index)).toBe(appended.at(index));
        expect(built.indexOf(`s${index}`)).toBe(index);
      }
      expect(built.indexOf("missing")).toBe(-1);
      const grown = [gap(`s${count}`, count), gap(`s${count + 1}`, count + 1), gap(`s${count + 2}`, count + 2)].reduce((list, step) => list.put(step), built);
      expect(ids(grown)).toEqual(ids(longList(count + 3)));
      expect(grown.indexOf(`s${count + 2}`)).toBe(count + 2);
      if (count > 0) expect(grown.put({ ...gap("s0", 0), expected: 9 }).at(0)).toMatchObject({ id: "s0", expected: 9 });
      // The list it was built from is untouched.
      expect(ids(built)).toEqual(ids(appended));
    }
  });

  it("inserts into the middle of a long list", () => {
    const list = longList(100);
    const inserted = list.put(gap("late", 49.5));
    expect(inserted.length).toBe(101);
    expect(inserted.indexOf("late")).toBe(50);
    expect(inserted.indexOf("s50")).toBe(51);
    expect(list.indexOf("late")).toBe(-1);
    expect(list.indexOf("s50")).toBe(50);
  });

  it("builds one array per version and keeps it", () => {
    const list = longList(40);
    expect(list.toArray()).toBe(list.toArray());
    const next = list.put(gap("s40", 40));
    expect(list.toArray()).toHaveLength(40);
    expect(next.toArray()).toHaveLength(41);
  });

  it("puts a step only when its id is absent", () => {
    const list = listOf([["a", 1]]);
    expect(list.putIfAbsent(gap("a", 5))).toBe(list);
    expect(ids(list.putIfAbsent(gap("b", 5)))).toEqual(["a", "b"]);
  });
});
