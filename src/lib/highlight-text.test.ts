// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { highlightText } from "./highlight-text";

describe("highlightText", () => {
  it("wraps each occurrence in <mark> and restores the text exactly", () => {
    const root = document.createElement("div");
    root.innerHTML = "<p>Hello world, hello</p><pre>say HELLO</pre><p>a <b>hel</b>lo split</p>";
    const original = root.innerHTML;
    const textNode = root.querySelector("pre")!.firstChild;
    const highlights = highlightText(root, "hello");
    expect(highlights.marks.map((mark) => mark.textContent)).toEqual(["Hello", "hello", "HELLO"]);
    expect(root.querySelector("p")!.innerHTML).toBe('<mark data-find-match="">Hello</mark> world, <mark data-find-match="">hello</mark>');
    highlights.clear();
    expect(root.innerHTML).toBe(original);
    // The very text node React knows is back in place.
    expect(root.querySelector("pre")!.firstChild).toBe(textNode);
  });

  it("leaves text alone when the element's text was replaced meanwhile", () => {
    const root = document.createElement("div");
    root.innerHTML = "<p>find me</p>";
    const highlights = highlightText(root, "me");
    root.querySelector("p")!.textContent = "new text";
    highlights.clear();
    expect(root.innerHTML).toBe("<p>new text</p>");
  });

  it("does not mark the app's own words around a message, which the search does not count", () => {
    const root = document.createElement("div");
    root.innerHTML = '<p>the code</p><div data-find-skip=""><button>Copy code</button></div><pre><code>code here</code></pre>';
    expect(highlightText(root, "code").marks.map((mark) => mark.parentElement?.tagName)).toEqual(["P", "CODE"]);
  });

  it("marks nothing for a blank query", () => {
    const root = document.createElement("div");
    root.innerHTML = "<p>text</p>";
    expect(highlightText(root, " ").marks).toEqual([]);
  });
});
