/**
 * A remark plugin that turns raw HTML in Markdown into plain text. Without it
 * react-markdown silently drops HTML; with it, a reply containing `<script>`
 * shows exactly that text, so the user sees what the model wrote and nothing
 * runs.
 */

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

const BLOCK_PARENTS = new Set(["root", "blockquote", "listItem"]);

function convert(node: MdNode): void {
  if (!node.children) return;
  node.children = node.children.map((child) => {
    if (child.type !== "html") {
      convert(child);
      return child;
    }
    const text: MdNode = { type: "text", value: child.value ?? "" };
    return BLOCK_PARENTS.has(node.type) ? { type: "paragraph", children: [text] } : text;
  });
}

export function remarkHtmlAsText() {
  return (tree: MdNode) => {
    convert(tree);
  };
}
