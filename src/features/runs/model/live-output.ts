/**
 * The one rule for a tool's live output: chunks are appended once, snapshots
 * replace, never both.
 *
 * A snapshot holds everything the command has printed so far. The gateway
 * sends only snapshots for a command: `command_output` `output` is the
 * aggregated output so far (trimmed, and cut to its head with a marker when
 * long) and a `tool` update's partial result is the output so far, so adding
 * one to the text before would print every line again. A chunk holds only
 * what is new. Once a snapshot has been seen, chunks are dropped: the next
 * snapshot already holds them, and appending them too would print them twice.
 * An older, repeated or trimmed snapshot (one the output already begins with)
 * changes nothing, so the output only grows while the command runs.
 */
import { appendBounded, boundedText, isTruncated, type BoundedText } from "./bounded-text";

export type OutputPiece = { readonly mode: "chunk"; readonly text: string } | { readonly mode: "snapshot"; readonly text: string };

export interface LiveOutput {
  readonly text: BoundedText;
  /** Whether a snapshot has been seen; from then on snapshots own the text. */
  readonly fromSnapshots: boolean;
}

/** The output after one more piece; the same object when the piece adds nothing. */
export function addOutputPiece(output: LiveOutput, piece: OutputPiece): LiveOutput {
  if (piece.mode === "chunk") {
    if (output.fromSnapshots || piece.text === "") return output;
    return { text: appendBounded(output.text, piece.text), fromSnapshots: false };
  }
  if (holdsPrefix(output.text, piece.text)) return output.fromSnapshots ? output : { text: output.text, fromSnapshots: true };
  return { text: boundedText(piece.text), fromSnapshots: true };
}

/**
 * The tool's last word (its result, the command's end): it replaces the live
 * output only when it carries it on. A trimmed copy is already held, and a
 * result that says something else (an error summary) stays the result alone.
 */
export function addFinalOutput(output: LiveOutput, text: string): LiveOutput {
  if (output.text.totalChars === 0 || continues(output.text, text)) return addOutputPiece(output, { mode: "snapshot", text });
  return output;
}

/**
 * Whether `text` begins the output `kept` stands for. Past the bound only the
 * kept head can be compared: a snapshot no longer than the output that starts
 * with its head is taken as an older copy.
 */
function holdsPrefix(kept: BoundedText, text: string): boolean {
  if (text.length > kept.totalChars) return false;
  if (!isTruncated(kept)) return kept.head.startsWith(text);
  return text.length <= kept.head.length ? kept.head.startsWith(text) : text.startsWith(kept.head);
}

/** Whether `text` starts with all of the output `kept` stands for (its head, and its tail where it ends). */
function continues(kept: BoundedText, text: string): boolean {
  if (text.length < kept.totalChars || !text.startsWith(kept.head)) return false;
  return !isTruncated(kept) || text.slice(kept.totalChars - kept.tail.length, kept.totalChars) === kept.tail;
}
