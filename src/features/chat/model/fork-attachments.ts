/**
 * The files of a forked message, back in the composer as far as they can be. History lists a message's files by
 * name (`__openclaw.media`) but never returns their bytes; `sessions.fork` gives back only its pictures, as base64
 * without names, in the order the message carried them (a picture the gateway could not read is left out). So the
 * pictures come back, named after the history's list when every one came back; any other file, and a picture that
 * did not come back, is named in words so nothing is dropped silently.
 */
import type { OutgoingAttachment } from "./outbox";
import type { UserAttachment } from "./transcript";

/** A picture the gateway gave back with the fork. */
export interface ReturnedPicture {
  mimeType: string;
  data: string;
}

export interface ForkedFiles {
  /** Ready to go with the message again. */
  files: OutgoingAttachment[];
  /** What could not be put back, one sentence each; empty when everything was. */
  notRestored: string[];
}

/** Bytes of a base64 text, without decoding it. */
export function decodedBytes(base64: string): number {
  const padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((base64.length * 3) / 4) - padding);
}

function extensionOf(mimeType: string): string {
  const subtype = mimeType.split("/")[1]?.split(/[+;]/)[0]?.trim();
  return subtype ? `.${subtype === "jpeg" ? "jpg" : subtype}` : "";
}

function listOfNames(names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1) as string}`;
}

export function forkedFiles(listed: readonly UserAttachment[], returned: readonly ReturnedPicture[]): ForkedFiles {
  const pictures = listed.filter((file) => file.kind === "image");
  const others = listed.filter((file) => file.kind !== "image");
  // Only when every picture came back is it certain which name goes with which.
  const named = returned.length === pictures.length;
  const files = returned.map(
    (picture, index): OutgoingAttachment => ({
      kind: "image",
      fileName: named ? (pictures[index]?.fileName as string) : `picture ${index + 1}${extensionOf(picture.mimeType)}`,
      mimeType: picture.mimeType,
      sizeBytes: decodedBytes(picture.data),
      content: picture.data,
    }),
  );
  const notRestored: string[] = [];
  const missingPictures = pictures.length - returned.length;
  if (missingPictures > 0) {
    notRestored.push(
      `The gateway gave back ${returned.length} of the message's ${pictures.length} pictures (${listOfNames(pictures.map((file) => file.fileName))}): attach the missing ${missingPictures === 1 ? "one" : "ones"} again to send ${missingPictures === 1 ? "it" : "them"}.`,
    );
  }
  if (others.length > 0) {
    const one = others.length === 1;
    notRestored.push(
      `${listOfNames(others.map((file) => file.fileName))} ${one ? "was" : "were"} not put back: the gateway gives back only a forked message's pictures. Attach ${one ? "it" : "them"} again to send ${one ? "it" : "them"}.`,
    );
  }
  return { files, notRestored };
}
