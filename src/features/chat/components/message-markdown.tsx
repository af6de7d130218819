/**
 * Markdown for model and tool text. react-markdown builds React elements and
 * never injects HTML; raw HTML is shown as the text it is (remark-html-as-text),
 * unsafe link schemes such as `javascript:` are removed, and images are shown
 * as links so a reply cannot make the browser fetch anything by itself.
 */
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { remarkHtmlAsText } from "../model/remark-html-as-text";

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} target="_blank" rel="noopener noreferrer nofollow">
        {alt || "image"}
      </a>
    ) : (
      <span>{alt}</span>
    ),
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
