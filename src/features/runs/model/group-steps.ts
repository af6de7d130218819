/**
 * Display grouping: consecutive tool steps fold into one row ("ran 3
 * commands") so a run that executes 40 commands stays readable. Anything else
 * between them (text, a retry, a disconnect) breaks the group, because it
 * happened in between and must stay visible in place.
 */
import type { TimelineStep, ToolStep } from "./run-timeline";

export type StepGroup =
  | { kind: "single"; step: TimelineStep }
  | { kind: "tool-group"; steps: ToolStep[]; summary: string };

type ToolCategory = "commands" | "files read" | "edits" | "tool calls";

const CATEGORY_BY_TOOL: Record<string, ToolCategory> = {
  exec: "commands",
  process: "commands",
  bash: "commands",
  read: "files read",
  ls: "files read",
  write: "edits",
  edit: "edits",
  apply_patch: "edits",
};

const CATEGORY_ORDER: readonly ToolCategory[] = ["commands", "files read", "edits", "tool calls"];

export function toolCategory(name: string): ToolCategory {
  return CATEGORY_BY_TOOL[name] ?? "tool calls";
}

export function groupSteps(steps: readonly TimelineStep[]): StepGroup[] {
  const groups: StepGroup[] = [];
  let run: ToolStep[] = [];
  const flush = (): void => {
    if (run.length === 1 && run[0]) groups.push({ kind: "single", step: run[0] });
    else if (run.length > 1) groups.push({ kind: "tool-group", steps: run, summary: summarizeTools(run) });
    run = [];
  };
  for (const step of steps) {
    if (step.kind === "tool") {
      run.push(step);
      continue;
    }
    flush();
    groups.push({ kind: "single", step });
  }
  flush();
  return groups;
}

/** "ran 3 commands", or "ran 2 commands, 1 file read" for a mixed group. */
export function summarizeTools(steps: readonly ToolStep[]): string {
  const counts = new Map<ToolCategory, number>();
  for (const step of steps) counts.set(toolCategory(step.name), (counts.get(toolCategory(step.name)) ?? 0) + 1);
  return CATEGORY_ORDER.filter((category) => counts.has(category))
    .map((category) => phrase(category, counts.get(category) ?? 0))
    .join(", ");
}

function phrase(category: ToolCategory, count: number): string {
  switch (category) {
    case "commands":
      return `ran ${count} ${count === 1 ? "command" : "commands"}`;
    case "files read":
      return `${count} ${count === 1 ? "file" : "files"} read`;
    case "edits":
      return `${count} ${count === 1 ? "edit" : "edits"}`;
    case "tool calls":
      return `${count} tool ${count === 1 ? "call" : "calls"}`;
  }
}
