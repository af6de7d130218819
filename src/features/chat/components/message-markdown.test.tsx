// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { COPIED_FOR_MS } from "./code-block";
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

describe("MessageMarkdown code blocks", () => {
  const SHELL = 'echo "<b>hi</b>" && rm -rf /tmp/x';
  const HOSTILE_CODE = '<script>window.__pwned=1</script>\n<img src=x onerror="window.__pwned=2">\n\n  indented\ttab';
  const TEXT = ["Run this:", "```sh", SHELL, "```", "Then `inline` and this:", "```", HOSTILE_CODE, "```"].join("\n");

  function withClipboard(writeText: (text: string) => Promise<void>) {
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
  }

  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it("gives each fenced block, and no inline code, a Copy code button that copies the block's exact text", async () => {
    const writeText = vi.fn((_text: string) => Promise.resolve());
    withClipboard(writeText);
    const { container, getAllByRole } = render(<MessageMarkdown text={TEXT} />);
    const buttons = getAllByRole("button", { name: "Copy code" });
    expect(buttons).toHaveLength(2);
    await act(async () => fireEvent.click(buttons[1]!));
    expect(writeText).toHaveBeenCalledWith(HOSTILE_CODE);
    await act(async () => fireEvent.click(buttons[0]!));
    expect(writeText).toHaveBeenLastCalledWith(SHELL);
    // The hostile block is text on the page, not elements.
    expect(container.querySelector("script, img, b")).toBeNull();
    expect(container.querySelectorAll("pre")[1]?.textContent).toBe(`${HOSTILE_CODE}\n`);
    expect(within(container.querySelectorAll<HTMLElement>(".code-block")[0]!).getByText("sh")).toBeTruthy();
  });

  it('says "Copied" beside the block that was copied, then clears', async () => {
    vi.useFakeTimers();
    withClipboard(() => Promise.resolve());
    const { container, getAllByRole } = render(<MessageMarkdown text={TEXT} />);
    await act(async () => fireEvent.click(getAllByRole("button", { name: "Copy code" })[1]!));
    const statuses = [...container.querySelectorAll(".code-block")].map((block) => within(block as HTMLElement).getByRole("status"));
    expect(statuses.map((status) => status.textContent)).toEqual(["", "Copied"]);
    expect(statuses[1]?.getAttribute("aria-live")).toBe("polite");
    act(() => vi.advanceTimersByTime(COPIED_FOR_MS));
    expect(statuses.map((status) => status.textContent)).toEqual(["", ""]);
  });

  it("says when the browser refused the copy", async () => {
    withClipboard(() => Promise.reject(new Error("denied")));
    const { getByRole } = render(<MessageMarkdown text={"```\nls\n```"} />);
    await act(async () => fireEvent.click(getByRole("button", { name: "Copy code" })));
    expect(getByRole("status").textContent).toBe("Copy failed");
  });
});
