/**
 * A session's transcript as Markdown, for `/export`: what was asked and what
 * the agent answered, turn by turn, from `chat.history`. Every piece of text
 * goes through the redactor with the tab's own secrets, so a token pasted into
 * a message or echoed by a tool never leaves in the copy.
 */
import { redactText } from "@/lib/redact";
import type { Turn } from "./transcript";

const stamp = (at: number) => new Date(at).toISOString().replace(/\.\d{3}Z$/, "Z");

export function transcriptMarkdown(sessionKey: string, turns: readonly Turn[], secrets: readonly string[], exportedAt: number): string {
  const mask = (text: string) => redactText(text, secrets);
  const lines = [`# Session ${mask(sessionKey)}`, "", `Exported from Clawscope at ${stamp(exportedAt)}: ${turns.length} turn${turns.length === 1 ? "" : "s"}, secrets masked.`];
  for (const turn of turns) {
    if (turn.user) {
      const who = turn.user.systemNote ? "Gateway note" : "You";
      lines.push("", `## ${who}${turn.user.at ? ` · ${stamp(turn.user.at)}` : ""}`, "", mask(turn.user.text));
    }
    lines.push("", "## Assistant", "", turn.replyText ? mask(turn.replyText) : "_No reply in the history._");
  }
  return `${lines.join("\n")}\n`;
}
