import { describe, expect, it } from "vitest";
import { lastHistoryRows } from "@/testing/capture-frames";
import { buildTranscript } from "./transcript";
import { decodedBytes, forkedFiles } from "./fork-attachments";

const DOT = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

describe("the files of a forked message", () => {
  it("puts every picture back under its own name, and says which other files could not come back (history-with-attachments)", () => {
    const listed = userAttachmentsOfCapture();
    expect(listed.map((file) => [file.fileName, file.kind])).toEqual([
      ["dot.png", "image"],
      ["notes.txt", "file"],
    ]);
    const restored = forkedFiles(listed, [{ mimeType: "image/png", data: DOT }]);
    expect(restored.files).toEqual([{ kind: "image", fileName: "dot.png", mimeType: "image/png", sizeBytes: 70, content: DOT }]);
    expect(restored.notRestored).toEqual(['"notes.txt" was not put back: the gateway gives back only a forked message\'s pictures. Attach it again to send it.']);
  });

  it("names pictures by number when some did not come back, and says how many are missing", () => {
    const listed = [
      { fileName: "a.png", kind: "image" as const },
      { fileName: "b.jpg", kind: "image" as const },
      { fileName: "c.webp", kind: "image" as const },
      { fileName: "plan.pdf", kind: "file" as const },
      { fileName: "notes.txt", kind: "file" as const },
    ];
    const restored = forkedFiles(listed, [{ mimeType: "image/jpeg", data: DOT }]);
    expect(restored.files.map((file) => file.fileName)).toEqual(["picture 1.jpg"]);
    expect(restored.notRestored).toEqual([
      'The gateway gave back 1 of the message\'s 3 pictures ("a.png", "b.jpg" and "c.webp"): attach the missing ones again to send them.',
      '"plan.pdf" and "notes.txt" were not put back: the gateway gives back only a forked message\'s pictures. Attach them again to send them.',
    ]);
  });

  it("has nothing to say when the message carried no files", () => {
    expect(forkedFiles([], [])).toEqual({ files: [], notRestored: [] });
  });

  it("counts a base64 text's bytes with its padding", () => {
    expect(decodedBytes("")).toBe(0);
    expect(decodedBytes("YQ==")).toBe(1);
    expect(decodedBytes("YWI=")).toBe(2);
    expect(decodedBytes("YWJj")).toBe(3);
  });
});

function userAttachmentsOfCapture() {
  return buildTranscript(lastHistoryRows("history-with-attachments.jsonl"), [])[0]?.user?.attachments ?? [];
}
