/**
 * A readable one-line title for a tool step. The gateway sends one in activity
 * items ("Exec print text → run uname"), but history rows and clients without
 * item events only have the name and arguments.
 */
import { isRecord, readText } from "@/lib/read-untrusted";
import type { ToolStep } from "./run-timeline";

const MAX_TITLE_CHARS = 80;

const PATH_KEYS = ["path", "file_path"];

/** Tool names, the argument keys that say what the call is about, and the verb to show. */
const ARG_TITLES: ReadonlyArray<readonly [ReadonlySet<string>, readonly string[], string]> = [
  [new Set(["exec", "process", "bash", "shell"]), ["command", "cmd"], "Run"],
  [new Set(["read"]), PATH_KEYS, "Read"],
  [new Set(["ls"]), PATH_KEYS, "List"],
  [new Set(["write"]), PATH_KEYS, "Write"],
  [new Set(["edit", "apply_patch"]), PATH_KEYS, "Edit"],
  [new Set(["web_fetch", "fetch"]), ["url"], "Fetch"],
  [new Set(["web_search", "search"]), ["query"], "Search"],
];

export function toolTitle(step: Pick<ToolStep, "name" | "title" | "args">): string {
  if (step.title) return step.title;
  const args = isRecord(step.args) ? step.args : undefined;
  for (const [names, keys, verb] of ARG_TITLES) {
    if (!names.has(step.name) || args === undefined) continue;
    const value = keys.map((key) => readText(args, key)).find((found) => found !== undefined);
    if (value !== undefined) return clip(`${verb} ${value.replace(/\s+/g, " ").trim()}`);
  }
  return step.name;
}

function clip(text: string): string {
  return text.length <= MAX_TITLE_CHARS ? text : `${text.slice(0, MAX_TITLE_CHARS - 1)}…`;
}
