/**
 * The composer's slash commands: what a draft means (a message, a command, or
 * a command nobody knows) and which commands to offer while one is typed.
 */

export type SlashCommandName = "new" | "reset" | "stop" | "model" | "think" | "export" | "help";

export interface SlashCommand {
  name: SlashCommandName;
  usage: string;
  description: string;
  takesArgument: boolean;
}

export const SLASH_COMMANDS: readonly SlashCommand[] = [
  { name: "new", usage: "/new", description: "Start a new session", takesArgument: false },
  { name: "reset", usage: "/reset", description: "Reset this session: the agent starts over without its history", takesArgument: false },
  { name: "stop", usage: "/stop", description: "Stop the running reply", takesArgument: false },
  { name: "model", usage: "/model [provider/model]", description: "Choose this session's model", takesArgument: true },
  { name: "think", usage: "/think [level | default]", description: "Choose this session's thinking level", takesArgument: true },
  { name: "export", usage: "/export", description: "Copy this session's transcript as Markdown, secrets masked", takesArgument: false },
  { name: "help", usage: "/help", description: "List these commands", takesArgument: false },
];

/** What a command came to, in words the composer shows under the message box. */
export interface CommandOutcome {
  ok: boolean;
  text: string;
}

export type ComposerInput =
  | { kind: "message"; text: string }
  | { kind: "command"; command: SlashCommand; argument: string }
  /** Not one of Clawscope's: the gateway has commands of its own (`/exec ask=always …`, `/status`), so it goes as typed. */
  | { kind: "gateway-command"; name: string; text: string };

/** `/name` at the start, a word without a second slash: "/etc/hosts is missing" stays a message. */
const COMMAND_WORD = /^\/([A-Za-z][\w-]*)(?:\s+([\s\S]*))?$/;

export function readComposerInput(draft: string): ComposerInput {
  const text = draft.trim();
  const match = COMMAND_WORD.exec(text);
  if (!match?.[1]) return { kind: "message", text };
  const name = match[1].toLowerCase();
  const command = SLASH_COMMANDS.find((candidate) => candidate.name === name);
  if (!command) return { kind: "gateway-command", name: match[1], text };
  return { kind: "command", command, argument: (match[2] ?? "").trim() };
}

/** The commands that complete what is typed so far; none once the draft is a whole command name or has moved past it. */
export function commandSuggestions(draft: string): SlashCommand[] {
  const match = /^\/([\w-]*)$/.exec(draft);
  if (!match) return [];
  const prefix = (match[1] ?? "").toLowerCase();
  return SLASH_COMMANDS.filter((command) => command.name.startsWith(prefix) && command.name !== prefix);
}

/** The draft a chosen suggestion leaves: a command that takes an argument waits for it after a space. */
export function completedDraft(command: SlashCommand): string {
  return command.takesArgument ? `/${command.name} ` : `/${command.name}`;
}
