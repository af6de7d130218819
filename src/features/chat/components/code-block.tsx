/**
 * A fenced code block of model output with a "Copy code" button. What is
 * copied is the block's own text as the model wrote it, never the page's HTML;
 * the text is rendered by react-markdown as text, so a hostile block stays inert.
 */
import { useEffect, useState, type ReactNode } from "react";
import type { Element } from "hast";
import { codeBlockOf } from "../model/code-block";

/** How long "Copied" (or "Copy failed") stays before the button is ready again. */
export const COPIED_FOR_MS = 2_000;

export function CodeBlock({ node, children }: { node: Element | undefined; children: ReactNode }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const block = node ? codeBlockOf(node) : { text: "" };
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = () => {
    navigator.clipboard.writeText(block.text).then(
      () => setState("copied"),
      () => setState("failed"),
    );
  };
  return (
    <div className="code-block my-2 rounded-lg bg-surface-2">
      <div data-find-skip className="flex items-center justify-end gap-2 px-3 pt-1.5 text-xs text-ink-3">
        {block.language && <span className="mr-auto font-mono">{block.language}</span>}
        <span role="status" aria-live="polite" className={state === "failed" ? "text-bad" : "text-ok"}>
          {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : ""}
        </span>
        <button type="button" onClick={copy} className="rounded px-1.5 py-0.5 text-ink-2 hover:bg-surface hover:text-ink">
          Copy code
        </button>
      </div>
      <pre>{children}</pre>
    </div>
  );
}
