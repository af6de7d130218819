/**
 * Markdown for model and tool text. react-markdown builds React elements and
 * never injects HTML; raw HTML is shown as the text it is (remark-html-as-text),
 * unsafe link schemes such as `javascript:` are removed, and images are shown
 * as links so a reply cannot make the browser fetch anything by itself. A
 * link that carries this app's own launch parameters (gateway, token, session)
 * is not a link at all: one click on it must not move the user elsewhere.
 * Each fenced code block has its own "Copy code" button.
 */
import type { ReactNode } from "react";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { linkCarriesLaunchParams } from "@/lib/launch-link";
import { remarkHtmlAsText } from "../model/remark-html-as-text";
import { CodeBlock } from "./code-block";

function SafeLink({ href, children }: { href: string | undefined; children: ReactNode }) {
  if (!href) return <span>{children}</span>;
  if (linkCarriesLaunchParams(href, window.location.href)) {
    return (
      <span data-inert-link className="text-ink-2">
        {children}
        <span className="text-xs text-ink-3"> (link removed: it would change Clawscope's gateway, token or session)</span>
      </span>
    );
  }
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}

const components: Components = {
  a: ({ href, children }) => <SafeLink href={href}>{children}</SafeLink>,
  pre: ({ node, children }) => <CodeBlock node={node}>{children}</CodeBlock>,
  img: ({ src, alt }) =>
    typeof src === "string" && src ? <SafeLink href={src}>{alt || "image"}</SafeLink> : <span>{alt}</span>,
};

const plugins = [remarkGfm, remarkHtmlAsText];

export function MessageMarkdown({ text }: { text: string }) {
  return (
    <div className="prose-chat text-[15px] leading-relaxed break-words">
      <Markdown remarkPlugins={plugins} components={components}>
        {text}
      </Markdown>
    </div>
  );
}
