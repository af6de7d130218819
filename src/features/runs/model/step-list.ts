/**
 * A run's steps on one time axis, as a persistent list: every fold step gets
 * a new version and every older version stays valid, yet adding or replacing
 * a step costs the same at step 10 as at step 10,000 (a long agent task
 * streams tens of thousands of events, and a reload folds them all at once).
 *
 * Layout (a 32-way trie plus a tail, as in Clojure's vectors): steps sit in
 * leaves of 32; versions share every leaf and node they did not change, so a
 * replace copies one path of at most four small arrays, and replacing the
 * newest step (the usual case) copies nothing. Appends fill a tail array that
 * versions share while each sees only its own length; an append onto a
 * version whose tail another version already extended copies it first.
 *
 * Steps are kept in time order (equal times in arrival order). Putting a step
 * in the middle, or moving one in time, rebuilds the list: it costs O(n) but is
 * rare (history and local-log merges, late connection events).
 */
import type { TimelineStep } from "./run-timeline";

const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;
/** Up to this many steps an id is found by scanning; most runs stay this short. */
const SCAN_LIMIT = 16;

/** A trie node: leaves hold steps, inner nodes hold nodes. */
type TrieNode = readonly (TrieNode | TimelineStep)[];

function tailStart(length: number): number {
  return length < WIDTH ? 0 : ((length - 1) >>> BITS) << BITS;
}

function pathTo(shift: number, leaf: TrieNode): TrieNode {
  return shift === 0 ? leaf : [pathTo(shift - BITS, leaf)];
}

function withLeaf(shift: number, node: TrieNode, leaf: TrieNode, lastIndex: number): TrieNode {
  const slot = (lastIndex >>> shift) & MASK;
  const copy = node.slice();
  if (shift === BITS) copy[slot] = leaf;
  else {
    const child = node[slot] as TrieNode | undefined;
    copy[slot] = child === undefined ? pathTo(shift - BITS, leaf) : withLeaf(shift - BITS, child, leaf, lastIndex);
  }
  return copy;
}

function withStep(shift: number, node: TrieNode, index: number, step: TimelineStep): TrieNode {
  const copy = node.slice();
  const slot = (index >>> shift) & MASK;
  copy[slot] = shift === 0 ? step : withStep(shift - BITS, node[slot] as TrieNode, index, step);
  return copy;
}

function collect(shift: number, node: TrieNode, into: TimelineStep[]): void {
  if (shift === 0) {
    for (const step of node) into.push(step as TimelineStep);
    return;
  }
  for (const child of node) collect(shift - BITS, child as TrieNode, into);
}

export class StepList {
  /**
   * The one empty list, shared by every run (a run's id index is made when its list outgrows a
   * scan, so runs still never share one). Its trie and tail are never written: the first push gives the
   * list a tail of its own. Sharing it also keeps the lists' hidden class alive while no run is:
   * when the last list is collected, V8 drops the class with it and throws away the fold's
   * optimized code, and the next fold starts cold (the bench's forced GCs showed it, 1/3 of the
   * fold's time in Chromium).
   */
  static empty(): StepList {
    return StepList.EMPTY;
  }

  private static readonly EMPTY = new StepList(0, BITS, [], [], undefined, undefined);

  /**
   * Builds a list (and its id index) from steps already in time order, in one
   * pass: the same layout appending them one by one makes, without a version per step.
   */
  static from(steps: readonly TimelineStep[]): StepList {
    const length = steps.length;
    if (length === 0) return StepList.empty();
    const body = length - 1;
    const start = tailStart(body);
    let nodes: TrieNode[] = [];
    for (let first = 0; first < start; first += WIDTH) nodes.push(steps.slice(first, first + WIDTH));
    let shift = BITS;
    while (nodes.length > WIDTH) {
      const parents: TrieNode[] = [];
      for (let first = 0; first < nodes.length; first += WIDTH) parents.push(nodes.slice(first, first + WIDTH));
      nodes = parents;
      shift += BITS;
    }
    let ids: Map<string, number> | undefined;
    if (length > SCAN_LIMIT) {
      ids = new Map<string, number>();
      for (let index = 0; index < length; index += 1) ids.set((steps[index] as TimelineStep).id, index);
    }
    return new StepList(length, shift, nodes, steps.slice(start, body), steps[body], ids);
  }

  private array: readonly TimelineStep[] | undefined;

  /**
   * The newest step sits in its own slot, outside the arrays: it is the one a
   * run keeps updating (a tool call's output, a growing reply), and replacing
   * it then copies nothing. The other steps, the body, are the trie and tail.
   */
  private constructor(
    readonly length: number,
    private readonly shift: number,
    private readonly root: TrieNode,
    /** Shared by versions made by appending; this version owns its first `body - tailStart(body)` entries. */
    private readonly tail: TimelineStep[],
    private readonly newest: TimelineStep | undefined,
    /**
     * id → index, made when the list outgrows a scan and shared by every version
     * derived from it by appends and replaces. An entry may be stale (another
     * version put a different step there), so hits are checked; a missing id is
     * trusted, because entries are never removed and every id of every version
     * sharing the map was entered.
     */
    private readonly ids: Map<string, number> | undefined,
  ) {}

  /** Steps before the newest. */
  private get body(): number {
    return this.length === 0 ? 0 : this.length - 1;
  }

  at(index: number): TimelineStep | undefined {
    if (index < 0 || index >= this.length) return undefined;
    if (index === this.length - 1) return this.newest;
    const start = tailStart(this.body);
    if (index >= start) return this.tail[index - start];
    return this.leafOf(index)[index & MASK] as TimelineStep;
  }

  /**
   * The index of the newest step that passes `test`, looking back at most
   * `lookback` steps: a walk over the arrays, not a lookup per index.
   */
  findLastIndex(test: (step: TimelineStep) => boolean, lookback = this.length): number {
    const stop = Math.max(0, this.length - lookback);
    let index = this.length - 1;
    if (index < stop) return -1;
    if (test(this.newest as TimelineStep)) return index;
    const start = tailStart(this.body);
    for (index -= 1; index >= start && index >= stop; index -= 1) if (test(this.tail[index - start] as TimelineStep)) return index;
    while (index >= stop) {
      const leaf = this.leafOf(index);
      for (const first = index & ~MASK; index >= first && index >= stop; index -= 1) if (test(leaf[index & MASK] as TimelineStep)) return index;
    }
    return -1;
  }

  private leafOf(index: number): TrieNode {
    let node = this.root;
    for (let shift = this.shift; shift > 0; shift -= BITS) node = node[(index >>> shift) & MASK] as TrieNode;
    return node;
  }

  indexOf(id: string): number {
    const ids = this.ids;
    const known = ids === undefined ? this.length - 1 : ids.get(id);
    if (known === undefined) return -1;
    if (known < this.length && this.at(known)?.id === id) return known;
    for (let index = this.length - 1; index >= 0; index -= 1) {
      if (this.at(index)?.id === id) {
        ids?.set(id, index);
        return index;
      }
    }
    return -1;
  }

  /**
   * Adds `step`, or replaces the step with its id. `knownIndex` saves a second
   * lookup when the caller already did one.
   */
  put(step: TimelineStep, knownIndex = this.indexOf(step.id)): StepList {
    if (knownIndex < 0) return this.insert(step);
    const current = this.at(knownIndex);
    if (current === step) return this;
    if (current?.at === step.at || this.staysInOrder(knownIndex, step.at)) return this.replace(knownIndex, step);
    const steps = this.toArray().slice();
    steps.splice(knownIndex, 1);
    return StepList.from(steps).insert(step);
  }

  putIfAbsent(step: TimelineStep): StepList {
    return this.indexOf(step.id) >= 0 ? this : this.insert(step);
  }

  /** The steps as a plain array, built once per version. */
  toArray(): readonly TimelineStep[] {
    if (this.array === undefined) {
      const steps: TimelineStep[] = [];
      collect(this.shift, this.root, steps);
      const body = this.body;
      const start = tailStart(body);
      for (let index = start; index < body; index += 1) steps.push(this.tail[index - start] as TimelineStep);
      if (this.newest !== undefined) steps.push(this.newest);
      this.array = steps;
    }
    return this.array;
  }

  /** Places `step` after every step at or before its time. */
  private insert(step: TimelineStep): StepList {
    let position = this.length;
    while (position > 0 && (this.at(position - 1)?.at ?? 0) > step.at) position -= 1;
    if (position === this.length) return this.push(step);
    const steps = this.toArray().slice();
    steps.splice(position, 0, step);
    return StepList.from(steps);
  }

  /** Whether a step at `index` may take time `at` without moving (the list is in time order). */
  private staysInOrder(index: number, at: number): boolean {
    const before = this.at(index - 1);
    const after = this.at(index + 1);
    return (before === undefined || before.at <= at) && (after === undefined || after.at > at);
  }

  /** The new step takes the newest slot; the previous newest joins the body. */
  private push(step: TimelineStep): StepList {
    const ids = this.idsForLength(this.length + 1);
    ids?.set(step.id, this.length);
    const moving = this.newest;
    if (moving === undefined) return new StepList(1, this.shift, this.root, [], step, ids);
    const body = this.body;
    const start = tailStart(body);
    const owned = body - start;
    if (owned < WIDTH) {
      const tail = this.tail.length === owned ? this.tail : this.tail.slice(0, owned);
      tail.push(moving);
      return new StepList(this.length + 1, this.shift, this.root, tail, step, ids);
    }
    // The tail is a full leaf: it moves into the trie, which grows a level when the root is full.
    if (body >>> BITS > 1 << this.shift) {
      return new StepList(this.length + 1, this.shift + BITS, [this.root, pathTo(this.shift, this.tail)], [moving], step, ids);
    }
    return new StepList(this.length + 1, this.shift, withLeaf(this.shift, this.root, this.tail, body - 1), [moving], step, ids);
  }

  /** A short list is scanned; the list that first outgrows that gets the map, with all its ids. */
  private idsForLength(length: number): Map<string, number> | undefined {
    if (this.ids !== undefined || length <= SCAN_LIMIT) return this.ids;
    const ids = new Map<string, number>();
    for (let index = 0; index < this.length; index += 1) ids.set((this.at(index) as TimelineStep).id, index);
    return ids;
  }

  private replace(index: number, step: TimelineStep): StepList {
    this.ids?.set(step.id, index);
    if (index === this.length - 1) return new StepList(this.length, this.shift, this.root, this.tail, step, this.ids);
    const body = this.body;
    const start = tailStart(body);
    if (index >= start) {
      const tail = this.tail.slice(0, body - start);
      tail[index - start] = step;
      return new StepList(this.length, this.shift, this.root, tail, this.newest, this.ids);
    }
    return new StepList(this.length, this.shift, withStep(this.shift, this.root, index, step), this.tail, this.newest, this.ids);
  }
}
