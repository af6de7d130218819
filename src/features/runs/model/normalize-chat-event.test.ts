import { describe, expect, it } from "vitest";
import { chatEventBody, chatSendTimingBody } from "./normalize-chat-event";

describe("chatEventBody", () => {
  it("reads a delta's cumulative text from the text parts of its message", () => {
    const body = chatEventBody({
      state: "delta",
      message: { content: [{ type: "text", text: "Hel" }, { type: "image", text: "skip" }, { type: "text", text: "lo" }] },
      deltaText: "lo",
      replace: true,
    });
    expect(body).toEqual({ kind: "assistant-text", text: "Hello", delta: "lo", replace: true });
  });

  it("takes a status with a retry for a retry, whatever its phase says", () => {
    expect(chatEventBody({ state: "status", phase: "starting_model", retry: { attempt: 2, maxAttempts: 10, reason: "rate_limit" } })).toEqual({
      kind: "retry",
      attempt: 2,
      maxAttempts: 10,
      reason: "rate_limit",
    });
    expect(chatEventBody({ state: "status", phase: "starting_model" })).toEqual({ kind: "status", phase: "starting_model" });
    expect(chatEventBody({ state: "status", phase: "" })).toEqual({ kind: "unknown", event: "chat", detail: "status without phase" });
  });

  it("keeps the text and the error message of an aborted run", () => {
    expect(chatEventBody({ state: "aborted", stopReason: "user", message: { content: "partial" }, errorMessage: "stopped" })).toEqual({
      kind: "chat-aborted",
      stopReason: "user",
      text: "partial",
      errorMessage: "stopped",
    });
  });

  it("names a state it does not know", () => {
    expect(chatEventBody({ state: 7 })).toEqual({ kind: "unknown", event: "chat", detail: "state undefined" });
  });
});

describe("chatSendTimingBody", () => {
  it("reads dispatch as queued and a named model as a selection", () => {
    expect(chatSendTimingBody({ phase: "dispatch-started" })).toEqual({ kind: "queued" });
    expect(chatSendTimingBody({ phase: "model-selected", provider: "fake", model: "fake-model" })).toEqual({ kind: "model-selected", provider: "fake", model: "fake-model" });
  });

  it("keeps any other timing, and a selection without a model, as activity", () => {
    expect(chatSendTimingBody({ phase: "model-selected", model: "" })).toEqual({ kind: "activity", label: "timing:model-selected" });
    expect(chatSendTimingBody({})).toEqual({ kind: "activity", label: "timing:?" });
  });
});
