/**
 * The parent→child links of the registry's runs: which children a run
 * spawned, and the runs that belong to them (the child's own run, and the
 * announce run that carried its result back). Kept beside the registry, which
 * owns it; each link is rebuilt only when one of the runs it names changed.
 */
import type { RunTimeline } from "../model/run-timeline";
import { announceRunId, spawnRequests, type SpawnedRun, type SpawnRequest } from "../model/subagents";

interface Entry {
  parent: RunTimeline;
  spawns: readonly SpawnRequest[];
  parts: readonly (RunTimeline | undefined)[];
  links: readonly SpawnedRun[];
}

const NONE: readonly SpawnedRun[] = [];

export class SpawnLinks {
  private readonly entries = new Map<string, Entry>();
  private readonly readRun: (runId: string) => RunTimeline | undefined;

  constructor(readRun: (runId: string) => RunTimeline | undefined) {
    this.readRun = readRun;
  }

  /** The children a run spawned, the same array until one of the runs involved changes. */
  of(parentRunId: string): readonly SpawnedRun[] {
    const parent = this.readRun(parentRunId);
    if (!parent) return NONE;
    const cached = this.entries.get(parentRunId);
    const spawns = cached?.parent === parent ? cached.spawns : spawnRequests(parent);
    if (spawns.length === 0) return NONE;
    const parts = spawns.flatMap((spawn) => this.partsOf(spawn));
    if (cached && cached.spawns === spawns && parts.every((part, index) => part === cached.parts[index])) return cached.links;
    const links = spawns.map((spawn, index) => ({ spawn, child: parts[index * 2], announce: parts[index * 2 + 1] }));
    this.entries.set(parentRunId, { parent, spawns, parts, links });
    return links;
  }

  private partsOf(spawn: SpawnRequest): [RunTimeline | undefined, RunTimeline | undefined] {
    const { childRunId, childSessionKey } = spawn;
    if (!childRunId || !childSessionKey) return [undefined, undefined];
    return [this.readRun(childRunId), this.readRun(announceRunId(childSessionKey, childRunId))];
  }
}
