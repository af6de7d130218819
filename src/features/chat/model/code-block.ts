/**
 * The text and language of a fenced code block as react-markdown hands it over: a `pre` element around one
 * `code` element whose class names the language ("language-sh"). The Markdown parser ends the code with a
 * newline the author did not write; it is not part of what is copied.
 */
import type { ElementContent, Element } from "hast";

export interface CodeBlockText {
  text: string;
  /** "sh" for a block fenced as ```sh; undefined when none was given. */
  language?: string;
}

function textOf(nodes: readonly ElementContent[]): string {
  return nodes.map((node) => (node.type === "text" ? node.value : node.type === "element" ? textOf(node.children) : "")).join("");
}

function languageOf(code: Element | undefined): string | undefined {
  const classes = code?.properties.className;
  const names = Array.isArray(classes) ? classes : [];
  const language = names.find((name): name is string => typeof name === "string" && name.startsWith("language-"));
  return language?.slice("language-".length) || undefined;
}

export function codeBlockOf(pre: Element): CodeBlockText {
  const code = pre.children.find((child): child is Element => child.type === "element" && child.tagName === "code");
  const text = textOf(code ? code.children : pre.children).replace(/\n$/, "");
  const language = languageOf(code);
  return language ? { text, language } : { text };
}
