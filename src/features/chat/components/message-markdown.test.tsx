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

  it("renders links that carry this app's launch parameters inert, with a note", () => {
    const text = "See the [report](/?gatewayUrl=wss%3A%2F%2Fattacker.example), [x](#token=junk) and [docs](https://example.com/docs).";
    const { container, getByRole, queryByRole } = render(<MessageMarkdown text={text} />);
    expect(queryByRole("link", { name: "report" })).toBeNull();
    expect(queryByRole("link", { name: "x" })).toBeNull();
    expect(container.innerHTML).not.toMatch(/gatewayUrl|token=junk/);
    expect(getByRole("link", { name: "docs" })).toHaveProperty("href", "https://example.com/docs");
    const notes = container.querySelectorAll("[data-inert-link]");
    expect([...notes].map((note) => note.textContent)).toEqual([
      "report (link removed: it would change Clawscope's gateway, token or session)",
      "x (link removed: it would change Clawscope's gateway, token or session)",
    ]);
  });

  it("renders an image whose address carries launch parameters inert too", () => {
    const { container } = render(<MessageMarkdown text={"![chart](http://localhost:5173/?gatewayUrl=ws%3A%2F%2Fevil%3A1)"} />);
    expect(container.querySelector("a")).toBeNull();
    expect(container.textContent).toBe("chart (link removed: it would change Clawscope's gateway, token or session)");
  });
});
