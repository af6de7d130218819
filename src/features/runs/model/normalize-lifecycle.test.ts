import { describe, expect, it } from "vitest";
import { lifecycleStreamBody, runStatusStreamBody } from "./normalize-lifecycle";

describe("lifecycleStreamBody", () => {
  it("treats the null model the gateway sends when an attempt ends as activity, not a selection", () => {
    expect(lifecycleStreamBody({ phase: "model", provider: null, model: null })).toEqual({ kind: "activity", label: "lifecycle:model-cleared" });
    expect(lifecycleStreamBody({ phase: "model", provider: "fake", model: "fake-model" })).toEqual({ kind: "model-selected", provider: "fake", model: "fake-model" });
  });

  it("reads the reply and the tools that succeeded from the end of a run, and counts a missing abort flag as not aborted", () => {
    expect(
      lifecycleStreamBody({ phase: "end", stopReason: "stop", terminalReply: { text: "Done." }, terminalReceipt: { successfulToolNames: ["exec", 3] } }),
    ).toEqual({ kind: "lifecycle-end", stopReason: "stop", aborted: false, replyText: "Done.", successfulToolNames: ["exec"] });
  });

  it("reads the provider failure a lifecycle error observed", () => {
    expect(lifecycleStreamBody({ phase: "error", error: "boom", aborted: true, errorObservation: { provider: "fake", httpStatus: 401 } })).toEqual({
      kind: "lifecycle-error",
      error: "boom",
      aborted: true,
      observation: { provider: "fake", httpStatus: 401 },
    });
  });

  it("names a fallback's models only where the gateway named a model", () => {
    expect(lifecycleStreamBody({ phase: "fallback", selectedProvider: "a", selectedModel: "m1", activeProvider: "b", reasonSummary: "rate limit" })).toEqual({
      kind: "fallback",
      from: { provider: "a", model: "m1" },
      to: undefined,
      reason: "rate limit",
      attempts: [],
    });
  });

  it("keeps a phase it does not know as activity", () => {
    expect(lifecycleStreamBody({ phase: "paused" })).toEqual({ kind: "activity", label: "lifecycle:paused" });
    expect(lifecycleStreamBody({})).toEqual({ kind: "activity", label: "lifecycle:?" });
  });
});

describe("runStatusStreamBody", () => {
  it("reads retrying as a retry with its delay and message", () => {
    expect(runStatusStreamBody({ phase: "retrying", attempt: 2, maxAttempts: 10, reason: "rate_limit", delayMs: 1000, message: "Retrying… 2/10" })).toEqual({
      kind: "retry",
      attempt: 2,
      maxAttempts: 10,
      reason: "rate_limit",
      delayMs: 1000,
      message: "Retrying… 2/10",
    });
  });

  it("reads any other phase as progress, and no phase as activity", () => {
    expect(runStatusStreamBody({ phase: "preparing_workspace" })).toEqual({ kind: "status", phase: "preparing_workspace" });
    expect(runStatusStreamBody({ phase: " " })).toEqual({ kind: "activity", label: "run_status" });
  });
});
