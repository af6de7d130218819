/**
 * Marks where a query occurs inside rendered text with <mark> elements, and
 * takes the marks away again. Only a text node that is its element's sole
 * child is marked: React writes such text through the element's textContent,
 * so a later render replaces the marks instead of tripping over them. A match
 * inside text split across elements (a word half in bold) is counted by the
 * search but not marked. Controls and labels the app adds around a message
 * (a "Copy code" button, a time) carry `data-find-skip`: the search does not
 * count them, so neither are they marked.
 */

export interface Highlights {
  marks: HTMLElement[];
  clear(): void;
}

const SKIP = new Set(["SCRIPT", "STYLE", "TEXTAREA", "INPUT", "MARK"]);

export function highlightText(root: Element, query: string): Highlights {
  const needle = query.toLowerCase();
  const replaced: Array<{ parent: Element; original: Text; inserted: Node[] }> = [];
  const marks: HTMLElement[] = [];
  if (needle.trim() === "") return { marks, clear: () => undefined };
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const candidates: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const parent = text.parentElement;
    if (!parent || parent.childNodes.length !== 1 || SKIP.has(parent.tagName) || parent.closest("[data-find-skip]")) continue;
    if (text.data.toLowerCase().includes(needle)) candidates.push(text);
  }
  for (const original of candidates) {
    const parent = original.parentElement;
    if (!parent) continue;
    const data = original.data;
    const lower = data.toLowerCase();
    const inserted: Node[] = [];
    let from = 0;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
      if (at > from) inserted.push(doc.createTextNode(data.slice(from, at)));
      const mark = doc.createElement("mark");
      mark.dataset.findMatch = "";
      mark.textContent = data.slice(at, at + needle.length);
      inserted.push(mark);
      marks.push(mark);
      from = at + needle.length;
    }
    if (from < data.length) inserted.push(doc.createTextNode(data.slice(from)));
    parent.replaceChild(inserted[0]!, original);
    let previous = inserted[0]!;
    for (const node of inserted.slice(1)) {
      parent.insertBefore(node, previous.nextSibling);
      previous = node;
    }
    replaced.push({ parent, original, inserted });
  }
  return {
    marks,
    clear() {
      for (const { parent, original, inserted } of replaced) {
        // React replaced the text meanwhile: the marks went with it.
        if (inserted[0]?.parentNode !== parent) continue;
        parent.insertBefore(original, inserted[0]);
        for (const node of inserted) node.parentNode?.removeChild(node);
      }
      replaced.length = 0;
    },
  };
}
