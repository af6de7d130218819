/**
 * Where a search's words are in a snippet the gateway sent (it sends the text unmarked), as pieces to render as
 * text: the marked ones in <mark>. Nothing here is ever parsed as markup.
 */

export interface SnippetPiece {
  text: string;
  marked: boolean;
}

/** Every place any of the term's words occurs, case-insensitive; overlapping and touching places become one. */
function markedRanges(text: string, term: string): Array<[number, number]> {
  const lower = text.toLowerCase();
  const words = [...new Set(term.toLowerCase().split(/\s+/).filter((word) => word !== ""))];
  const ranges: Array<[number, number]> = [];
  for (const word of words) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) ranges.push([at, at + word.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/**
 * The snippet on one line (its line breaks and runs of spaces made one space, as it is shown in a list), cut into
 * pieces at the term's words.
 */
export function snippetPieces(snippet: string, term: string): SnippetPiece[] {
  const text = snippet.replace(/\s+/g, " ").trim();
  const pieces: SnippetPiece[] = [];
  let from = 0;
  for (const [start, end] of markedRanges(text, term)) {
    if (start > from) pieces.push({ text: text.slice(from, start), marked: false });
    pieces.push({ text: text.slice(start, end), marked: true });
    from = end;
  }
  if (from < text.length || pieces.length === 0) pieces.push({ text: text.slice(from), marked: false });
  return pieces;
}
