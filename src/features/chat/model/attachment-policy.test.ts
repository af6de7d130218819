import { describe, expect, it } from "vitest";
import { readHello } from "@/gateway/hello";
import { helloFrom } from "@/testing/capture-frames";
import { base64Chars, checkAttachment, formatBytes, type AttachmentLimits } from "./attachment-policy";

const hello = readHello(helloFrom().payload);
// The real gateway's hello-ok: 18.6 MB per file, 6 MB per image, 25 MB per frame.
const limits: AttachmentLimits = { maxBytes: hello.attachmentMaxBytes!, maxImageBytes: hello.attachmentMaxImageBytes!, maxPayload: hello.maxPayload! };

describe("checkAttachment", () => {
  it("takes a small image and a small file", () => {
    expect(checkAttachment({ name: "dot.png", size: 70, type: "image/png" }, limits)).toEqual({ ok: true, kind: "image" });
    expect(checkAttachment({ name: "notes.txt", size: 11, type: "text/plain" }, limits)).toEqual({ ok: true, kind: "file" });
    expect(checkAttachment({ name: "data.bin", size: 11, type: "" }, limits)).toEqual({ ok: true, kind: "file" });
  });

  it("refuses an image over the image ceiling, naming the file and the limit", () => {
    expect(checkAttachment({ name: "photo.jpg", size: 6_291_457, type: "image/jpeg" }, limits)).toEqual({
      ok: false,
      message: '"photo.jpg" is 6.0 MB: this gateway takes images up to 6.0 MB. Nothing was sent.',
    });
    expect(checkAttachment({ name: "photo.jpg", size: 6_291_456, type: "image/jpeg" }, limits)).toEqual({ ok: true, kind: "image" });
  });

  it("refuses a file over the file ceiling", () => {
    expect(checkAttachment({ name: "big.zip", size: 19_464_193, type: "application/zip" }, limits)).toEqual({
      ok: false,
      message: '"big.zip" is 18.6 MB: this gateway takes files up to 18.6 MB. Nothing was sent.',
    });
  });

  it("refuses videos and empty files", () => {
    expect(checkAttachment({ name: "clip.mp4", size: 1000, type: "video/mp4" }, limits)).toEqual({
      ok: false,
      message: '"clip.mp4" is a video: the gateway does not take videos from a chat. Nothing was sent.',
    });
    expect(checkAttachment({ name: "empty.txt", size: 0, type: "text/plain" }, limits)).toEqual({
      ok: false,
      message: '"empty.txt" is empty: the gateway refuses empty attachments. Nothing was sent.',
    });
  });

  it("refuses a file that would push the whole message past the frame limit", () => {
    // 15 MB already in the tray + 5 MB more is 26.7 MB as base64: over the 25 MB frame.
    expect(checkAttachment({ name: "more.pdf", size: 5_000_000, type: "application/pdf" }, limits, 15_000_000)).toEqual({
      ok: false,
      message: '"more.pdf" does not fit in one message with the other attachments: together they would exceed the gateway\'s 25.0 MB message limit. Nothing was sent.',
    });
    expect(checkAttachment({ name: "more.pdf", size: 5_000_000, type: "application/pdf" }, limits, 1_000_000)).toEqual({ ok: true, kind: "file" });
  });
});

describe("formatBytes and base64Chars", () => {
  it("say sizes as people read them and count base64 characters exactly", () => {
    expect([formatBytes(900), formatBytes(2048), formatBytes(6_291_456)]).toEqual(["900 B", "2.0 KB", "6.0 MB"]);
    expect([base64Chars(1), base64Chars(3), base64Chars(70)]).toEqual([4, 4, 96]);
  });
});
