import { describe, expect, it } from "vitest";
import { assistantStreamBody, thinkingStreamBody } from "./normalize-text-stream";

describe("assistant and thinking streams", () => {
  it("name the text segment by the stream's itemId", () => {
    expect(assistantStreamBody({ text: "Hello", delta: "lo", replace: false, itemId: "msg-1" })).toEqual({
      kind: "assistant-text",
      text: "Hello",
      delta: "lo",
      replace: false,
      segmentId: "msg-1",
    });
    expect(thinkingStreamBody({ delta: "hmm", itemId: "think-1" })).toEqual({ kind: "thinking-text", delta: "hmm", segmentId: "think-1" });
  });

  it("keep empty text (it is still the segment's text) but drop an empty segment id and a non-boolean replace", () => {
    expect(assistantStreamBody({ text: "", itemId: "", replace: "yes" })).toEqual({ kind: "assistant-text", text: "" });
  });
});
