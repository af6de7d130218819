/**
 * A readable one-line title for a tool step. The gateway sends one in activity
 * items ("Exec print text → run uname"), but history rows and clients without
 * item events only have the name and arguments.
 */
import { isRecord, readText } from "@/lib/read-untrusted";
import type { ToolStep } from "./run-timeline";
import { clip } from "@/lib/display-text";

const MAX_TITLE_CHARS = 80;

const PATH_KEYS = ["path", "file_path"];

/** Tools that run a shell command: the glance shows the command, and their results can carry its exit. */
export const SHELL_TOOLS: ReadonlySet<string> = new Set(["exec", "bash", "shell"]);

/** What the exec tool appends to its result when the command exits non-zero ("(Command exited with code 2)"). */
const EXIT_MARKER = /\n\(?Command exited with code (\d+)\)?\s*$/;

/** Where shell tools put the command they run. */
export const COMMAND_KEYS: readonly string[] = ["command", "cmd"];

/** Tool names, the argument keys that say what the call is about, and the verb to show. */
const ARG_TITLES: ReadonlyArray<readonly [ReadonlySet<string>, readonly string[], string]> = [
  [new Set(["exec", "process", "bash", "shell"]), COMMAND_KEYS, "Run"],
  [new Set(["read"]), PATH_KEYS, "Read"],
  [new Set(["ls"]), PATH_KEYS, "List"],
  [new Set(["write"]), PATH_KEYS, "Write"],
  [new Set(["edit", "apply_patch"]), PATH_KEYS, "Edit"],
  [new Set(["web_fetch", "fetch"]), ["url"], "Fetch"],
  [new Set(["web_search", "search"]), ["query"], "Search"],
];

export function toolTitle(step: Pick<ToolStep, "name" | "title" | "args">): string {
  // History's activity titles a call "Exec": the tool's name again, which says less than its arguments.
  if (step.title && step.title.toLowerCase() !== step.name.toLowerCase()) return step.title;
  for (const [names, keys, verb] of ARG_TITLES) {
    if (!names.has(step.name)) continue;
    const value = argumentLine(step.args, keys);
    if (value !== undefined) return clip(`${verb} ${value}`, MAX_TITLE_CHARS);
  }
  return step.name;
}

/** The first of `keys` the arguments give, on one line. */
export function argumentLine(args: unknown, keys: readonly string[]): string | undefined {
  if (!isRecord(args)) return undefined;
  const value = keys.map((key) => readText(args, key)).find((found) => found !== undefined);
  return value?.replace(/\s+/g, " ").trim();
}

/** A shell command's non-zero exit as its tool wrote it into the result text; undefined for other tools and texts. */
export function exitCodeInResult(name: string | undefined, text: string | undefined): number | undefined {
  if (name === undefined || text === undefined || !SHELL_TOOLS.has(name)) return undefined;
  const found = EXIT_MARKER.exec(text.slice(-120));
  return found?.[1] !== undefined ? Number(found[1]) : undefined;
}
