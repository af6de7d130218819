// @vitest-environment jsdom
import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MessageMarkdown } from "./message-markdown";

const HOSTILE = [
  "Here: <script>window.__pwned=1</script>",
  '<img src=x onerror="window.__pwned=2">',
  "<b>not bold</b> and [click](javascript:alert(1))",
  "<iframe src='https://evil.example'></iframe>",
].join("\n\n");

describe("MessageMarkdown", () => {
  it("shows hostile HTML as inert text", () => {
    const { container } = render(<MessageMarkdown text={HOSTILE} />);
    expect(container.querySelector("script, img, iframe, b")).toBeNull();
    expect(container.querySelectorAll("[onerror]")).toHaveLength(0);
    expect(container.textContent).toContain("<script>window.__pwned=1</script>");
    expect(container.textContent).toContain('<img src=x onerror="window.__pwned=2">');
    expect(container.textContent).toContain("<b>not bold</b>");
    const link = container.querySelector("a");
    expect(link?.getAttribute("href") ?? "").not.toMatch(/javascript/i);
  });

  it("still renders ordinary Markdown", () => {
    const { container } = render(<MessageMarkdown text={"**bold** and `code`\n\n- one\n- two\n\n[site](https://example.com)"} />);
    expect(container.querySelector("strong")?.textContent).toBe("bold");
    expect(container.querySelector("code")?.textContent).toBe("code");
    expect(container.querySelectorAll("li")).toHaveLength(2);
    expect(container.querySelector("a")).toMatchObject({ href: "https://example.com/", rel: "noopener noreferrer nofollow" });
  });
});
