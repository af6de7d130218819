/** Small rules for text put on screen, shared so every label clips and capitalizes the same way. */

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** At most `max` characters, the last one an ellipsis when the text was longer. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The first line, trimmed; undefined when it is empty. */
export function firstLine(text: string | undefined): string | undefined {
  const line = text?.split("\n", 1)[0]?.trim();
  return line === "" ? undefined : line;
}

/** A tool's arguments as shown and searched: a string as it is, anything else as indented JSON. */
export function argsText(args: unknown): string {
  if (args === undefined) return "";
  if (typeof args === "string") return args;
  try {
    return JSON.stringify(args, null, 2);
  } catch {
    return String(args);
  }
}
