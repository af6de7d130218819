import { describe, expect, it } from "vitest";
import { HEAD_CHARS, TAIL_CHARS } from "./bounded-text";
import { runsFromHistory } from "./history-to-runs";
import { normalizeGatewayEvent } from "./normalize-gateway-event";
import { deriveRunOutcome } from "./run-outcome";
import { lastStepOfKind } from "./run-timeline";
import { foldTimeline } from "./fold-run";

/** 1 MB of hostile error text: a head, a body with no spaces (the old regex's worst case) and a tail. */
const HEAD = "fake/fake-model request failed (HTTP 429): ";
const HUGE = `${HEAD}${"a".repeat(1_000_000)} the end`;
const OMITTED = HUGE.length - HEAD_CHARS - TAIL_CHARS;
const KEPT = `${HUGE.slice(0, HEAD_CHARS)}\n… ${OMITTED} characters omitted …\n${HUGE.slice(-TAIL_CHARS)}`;

function live(event: string, payload: Record<string, unknown>) {
  return normalizeGatewayEvent({ event, payload: { runId: "r1", sessionKey: "s", ...payload } }, 1_000);
}

describe("untrusted text is capped where it enters the model", () => {
  it("keeps a 1 MB chat error as its head and tail around the omitted count", () => {
    const [signal] = live("chat", { state: "error", errorMessage: HUGE, errorDetail: { providerErrorMessagePreview: HUGE } });
    expect(signal?.kind).toBe("chat-error");
    if (signal?.kind !== "chat-error") return;
    expect(signal.errorMessage).toBe(KEPT);
    expect(signal.errorDetail?.messagePreview).toBe(KEPT);
  });

  it("caps lifecycle errors, fallback detail, retry messages and tool errors", () => {
    const [finishing] = live("agent", { stream: "lifecycle", data: { phase: "finishing", error: HUGE } });
    const [error] = live("agent", { stream: "lifecycle", data: { phase: "error", error: HUGE } });
    const [step] = live("agent", { stream: "lifecycle", data: { phase: "fallback_step", fallbackStepFromFailureDetail: HUGE } });
    const [retry] = live("agent", { stream: "run_status", data: { phase: "retrying", message: HUGE } });
    const [tool] = live("agent", { stream: "tool", data: { phase: "result", toolCallId: "t", toolErrorSummary: HUGE } });
    const [item] = live("agent", { stream: "item", data: { phase: "end", itemId: "i", error: { message: HUGE } } });
    expect(finishing?.kind === "lifecycle-finishing" && finishing.error).toBe(KEPT);
    expect(error?.kind === "lifecycle-error" && error.error).toBe(KEPT);
    expect(step?.kind === "fallback-step" && step.detail).toBe(KEPT);
    expect(retry?.kind === "retry" && retry.message).toBe(KEPT);
    expect(tool?.kind === "tool-result" && tool.errorText).toBe(KEPT);
    expect(item?.kind === "item" && item.error).toBe(KEPT);
  });

  it("leaves an error that fits untouched", () => {
    const [signal] = live("chat", { state: "error", errorMessage: "⚠️ boom" });
    expect(signal?.kind === "chat-error" && signal.errorMessage).toBe("⚠️ boom");
  });

  it("caps a history row that ended in an error, and the failed-before-reply note", () => {
    const runs = runsFromHistory(
      [
        { role: "user", content: "hi", timestamp: 1_000, __openclaw: { id: "u1" } },
        { role: "assistant", content: [{ type: "text", text: HUGE }], stopReason: "error", timestamp: 2_000, __openclaw: { id: "a1" } },
        { role: "user", content: "again", timestamp: 3_000, __openclaw: { id: "u2" } },
        { role: "custom", customType: "run-failed-before-reply", content: HUGE, timestamp: 4_000, __openclaw: { id: "c1" } },
      ],
      { sessionKey: "s" },
    );
    expect(runs.map((run) => run.terminal?.errorMessage)).toEqual([KEPT, KEPT]);
  });

  it("folds and judges a 1 MB error into a failure that names the model", () => {
    const run = foldTimeline("r1", live("chat", { state: "error", errorMessage: HUGE }));
    const outcome = deriveRunOutcome(run, { now: 2_000, connection: "online" });
    expect(outcome.kind).toBe("failed");
    if (outcome.kind !== "failed") return;
    expect([outcome.provider, outcome.model, outcome.httpStatus]).toEqual(["fake", "fake-model", 429]);
    expect(lastStepOfKind(run.steps, "provider-error")).toBeUndefined();
  });
});
