import { describe, expect, it } from "vitest";
import { captureClose, captureFold, captureRunId, captureSignals, foldCapture } from "./capture-fixtures";
import { foldRunSignals, foldTimeline } from "./fold-run";
import { createRunFold, runTimeline, type RunFold } from "./fold-state";
import { deriveRunOutcome, LIFECYCLE_ERROR_GRACE_MS, RECONCILE_WINDOW_MS, STALL_AFTER_MS, type OutcomeContext, type RunOutcome } from "./run-outcome";
import type { RunSignal } from "./run-signal";
import type { RunTimeline } from "./run-timeline";
import { replyOnlyRun, signalOf, T0 } from "./test-signals";

function settled(run: RunTimeline, context: Partial<OutcomeContext> = {}): RunOutcome {
  return deriveRunOutcome(run, { now: run.lastEventAt + 1_000, connection: "online", ...context });
}

function failedOf(outcome: RunOutcome): Extract<RunOutcome, { kind: "failed" }> {
  if (outcome.kind !== "failed") throw new Error(`expected failed, got ${outcome.kind}: ${outcome.summary}`);
  return outcome;
}

/** The sigkill capture folded, then the socket's 1006 close as the connection layer reports it. */
function killedFold(): RunFold {
  const runId = captureRunId("sigkill-midrun.jsonl");
  const close = captureClose("sigkill-midrun.jsonl");
  if (!close) throw new Error("capture has no close");
  return foldRunSignals(captureFold("sigkill-midrun.jsonl"), [
    { runId, at: close.at, source: "live", kind: "disconnected", code: close.code, reason: close.reason },
  ]);
}

function killedRun(): RunTimeline {
  return runTimeline(killedFold());
}

describe("outcomes of the real captures", () => {
  it("a-text → completed", () => {
    const outcome = settled(foldCapture("a-text.jsonl"));
    expect(outcome).toMatchObject({ kind: "completed", title: "Completed" });
    expect(outcome.summary).toMatch(/^Answered in \d/);
  });

  it("b-tool-call-exec → completed, mentioning the tool call", () => {
    expect(settled(foldCapture("b-tool-call-exec.jsonl"))).toMatchObject({
      kind: "completed",
      summary: expect.stringContaining("ran 1 tool call"),
    });
  });

  it("c-rate-limit-429-recovered → degraded (retried), never a failure", () => {
    const outcome = settled(foldCapture("c-rate-limit-429-recovered.jsonl"));
    expect(outcome).toMatchObject({ kind: "degraded", title: "Completed after retries", reasons: ["retried"], retries: 3 });
    expect(outcome.summary).toContain("rate limited");
  });

  it("c-rate-limit-429-exhausted → one failure, rate limited, with status, attempts and wait", () => {
    const run = foldCapture("c-rate-limit-429-exhausted.jsonl");
    const outcome = failedOf(settled(run));
    expect(outcome).toMatchObject({
      title: "Rate limited",
      errorClass: "rate_limit",
      gatewayKind: "rate_limit",
      provider: "fake",
      model: "fake-model",
      httpStatus: 429,
      retryAfterMs: 1_000,
      attempts: 10,
    });
    expect(outcome.nextStep).toMatch(/wait/i);
    // The second terminal error changes nothing: the outcome equals the one from the first alone.
    const runId = captureRunId("c-rate-limit-429-exhausted.jsonl");
    const signals = captureSignals("c-rate-limit-429-exhausted.jsonl", runId);
    const lastError = signals.findLastIndex((signal) => signal.kind === "chat-error");
    const firstOnly = foldTimeline(runId, signals.filter((_, index) => index !== lastError));
    expect(settled(firstOnly, { now: run.lastEventAt + 1_000 })).toEqual(outcome);
  });

  it("d-auth-401-isolated-provider → authentication failed, naming the missing scope from fallback_step", () => {
    const outcome = failedOf(settled(foldCapture("d-auth-401-isolated-provider.jsonl")));
    expect(outcome).toMatchObject({
      title: "Authentication failed",
      errorClass: "auth",
      provider: "fakeauth",
      model: "fake-model",
      httpStatus: 401,
      cooldown: false,
    });
    expect(outcome.providerDetail).toContain("Missing scopes: model.request");
    expect(outcome.summary).toContain("model.request");
    expect(outcome.nextStep).toContain("model.request");
  });

  it("d-auth-401 on the main provider → the same classification", () => {
    expect(failedOf(settled(foldCapture("d-auth-401.jsonl")))).toMatchObject({ errorClass: "auth", gatewayKind: "auth", provider: "fake", httpStatus: 401 });
  });

  it("d-auth-cooldown-after-401 → authentication failed (cooldown), though the gateway sent no error kind or detail", () => {
    const outcome = failedOf(settled(foldCapture("d-auth-cooldown-after-401.jsonl")));
    expect(outcome).toMatchObject({ errorClass: "auth", provider: "fake", cooldown: true, retryAfterMs: 60_000 });
    expect(outcome.nextStep).toMatch(/cooldown/);
  });

  it.each(["e-timeout-hang-5s.jsonl", "e-timeout-hang-20s.jsonl", "sigterm-during-hang.jsonl"])("%s → timed out", (name) => {
    expect(failedOf(settled(foldCapture(name)))).toMatchObject({ title: "Timed out", errorClass: "timeout", attempts: 5 });
  });

  it.each([
    ["e-timeout-hang-5s.jsonl", "fake/fake-model did not answer in time; gave up after attempt 5 of 9."],
    ["e-timeout-hang-20s.jsonl", "fake/fake-model did not answer in time; gave up after attempt 5 of 9."],
  ])("%s: the status line counts the attempts the banner gives up at", (name, summary) => {
    const runId = captureRunId(name);
    const signals = captureSignals(name, runId);
    const lastRetry = signals.findLastIndex((signal) => signal.kind === "retry");
    const retrying = foldTimeline(runId, signals.slice(0, lastRetry + 1));
    expect(deriveRunOutcome(retrying, { now: retrying.lastEventAt + 1_000, connection: "online" })).toMatchObject({
      kind: "running",
      title: "Retrying, attempt 5 of 9 (no response)…",
    });
    expect(failedOf(settled(foldCapture(name)))).toMatchObject({ attempts: 5, maxAttempts: 9, summary });
  });

  it("c-rate-limit-429-exhausted: the banner gives up at the last attempt the status line counted", () => {
    const runId = captureRunId("c-rate-limit-429-exhausted.jsonl");
    const signals = captureSignals("c-rate-limit-429-exhausted.jsonl", runId);
    const retrying = foldTimeline(runId, signals.slice(0, signals.findLastIndex((signal) => signal.kind === "retry") + 1));
    expect(deriveRunOutcome(retrying, { now: retrying.lastEventAt + 1_000, connection: "online" }).title).toBe("Retrying, attempt 10 of 10 (rate limited)…");
    expect(failedOf(settled(foldCapture("c-rate-limit-429-exhausted.jsonl"))).message).toBe(
      "fake/fake-model refused the request: rate limit reached (HTTP 429); gave up after attempt 10 of 10.",
    );
  });

  it("chat-abort → stopped", () => {
    expect(settled(foldCapture("chat-abort.jsonl"))).toMatchObject({ kind: "aborted", title: "Stopped", stopReason: "rpc" });
  });

  it("sigterm-midrun-slim → completed: the gateway drained the run before restarting", () => {
    expect(settled(foldCapture("sigterm-midrun-slim.jsonl"))).toMatchObject({ kind: "completed" });
  });

  it("sigkill-midrun + 1006 + gateway says the run is gone → interrupted", () => {
    expect(settled(killedRun(), { gatewayConfirmedIdle: true })).toMatchObject({
      kind: "interrupted",
      title: "Interrupted by gateway restart",
      closeCode: 1006,
      closeWords: "1006 connection lost (no close frame)",
      summary: "The gateway went down during this turn — closed without notice (1006): the gateway process stopped or the network dropped — and the turn did not finish.",
    });
  });

  it("sigkill-midrun while still offline → unknown, not running", () => {
    expect(settled(killedRun(), { connection: "reconnecting" })).toMatchObject({
      kind: "unknown",
      title: "Outcome unknown",
      reason: "connection-lost",
      summary:
        "The connection to the gateway was lost during this turn — closed without notice (1006): the gateway process stopped or the network dropped; whether it finished is not known yet.",
    });
  });

  it("sigkill-midrun after reconnecting, before the gateway answered → unknown (reconciling); gateway says active → running", () => {
    const killed = killedFold();
    const run = runTimeline(
      foldRunSignals(killed, [{ runId: killed.runId, at: (killed.disconnectedAt ?? 0) + 2_000, source: "live", kind: "reconnected", bootChanged: true }]),
    );
    const reconnectedAt = run.reconnectedAt ?? 0;
    expect(settled(run, { now: reconnectedAt + 1_000 })).toMatchObject({ kind: "unknown", reason: "reconciling" });
    expect(settled(run, { now: reconnectedAt + 1_000, gatewayConfirmedIdle: false })).toMatchObject({ kind: "running" });
    // Nothing settled it: it shows as running again, with the silence warning.
    expect(settled(run, { now: reconnectedAt + RECONCILE_WINDOW_MS + STALL_AFTER_MS })).toMatchObject({ kind: "running", stalled: true });
    expect(settled(run, { now: reconnectedAt + 1_000, gatewayConfirmedIdle: true })).toMatchObject({ kind: "interrupted" });
  });
});

describe("outcome rules", () => {
  it("a reply that promises work but ran no tool is degraded: no work performed", () => {
    const run = foldTimeline("p", replyOnlyRun("p", "Hey! Let me actually check gog now instead of just saying I will. One sec."));
    expect(settled(run)).toMatchObject({
      kind: "degraded",
      title: "No work performed",
      reasons: ["promised-no-work"],
      nextStep: expect.any(String),
    });
  });

  it("the same words after a tool ran are fine", () => {
    const signals: RunSignal[] = [
      ...replyOnlyRun("p", "Done. Let me know if you want more. One sec is all it took."),
      signalOf("p", 300, { kind: "tool-start", toolCallId: "c1", name: "exec", args: { command: "gog" } }, { runSeq: 10 }),
      signalOf("p", 350, { kind: "tool-result", toolCallId: "c1", isError: false, resultText: "ok" }, { runSeq: 11 }),
    ];
    expect(settled(foldTimeline("p", signals)).kind).toBe("completed");
  });

  it("a run answered by a fallback model is degraded: answered by fallback model", () => {
    const run = foldTimeline("f", [
      ...replyOnlyRun("f", "Here is the summary."),
      signalOf(
        "f",
        200,
        {
          kind: "fallback",
          from: { provider: "kimi-coding", model: "k2p5" },
          to: { provider: "anthropic", model: "claude-x" },
          reason: "rate_limit",
          attempts: ["kimi-coding/k2p5: rate_limit"],
        },
        { runSeq: 20 },
      ),
    ]);
    expect(settled(run)).toMatchObject({
      kind: "degraded",
      title: "Answered by fallback model",
      reasons: ["fallback"],
      answeredBy: "anthropic/claude-x",
      summary: expect.stringContaining("after kimi-coding/k2p5 failed"),
    });
  });

  it.each([
    [{ errorKind: "context_length", errorMessage: "prompt too long" }, "context_length", "Context too long"],
    [{ errorKind: "timeout" }, "timeout", "Timed out"],
    [{ errorDetail: { failoverReason: "overloaded" } }, "rate_limit", "Rate limited"],
    [{ errorDetail: { httpStatus: 403 } }, "auth", "Authentication failed"],
    [{ errorKind: "unknown", errorMessage: "⚠️ Something broke." }, "other", "Failed"],
  ] as const)("classifies chat error %j from structured fields", (error, errorClass, title) => {
    const run = foldTimeline("e", [
      signalOf("e", 0, { kind: "model-selected", provider: "p", model: "m" }),
      signalOf("e", 10, { kind: "chat-error", ...error }, { runSeq: 3 }),
    ]);
    const outcome = failedOf(settled(run));
    expect(outcome).toMatchObject({ errorClass, title, provider: "p", model: "m" });
    expect(outcome.nextStep.length).toBeGreaterThan(0);
  });

  it("prefers structured fields over message text", () => {
    const run = foldTimeline("e", [
      signalOf("e", 10, { kind: "chat-error", errorKind: "timeout", errorMessage: "rate limit reached (HTTP 429)" }, { runSeq: 3 }),
    ]);
    expect(failedOf(settled(run)).errorClass).toBe("timeout");
  });

  it("a lifecycle end without the chat final still completes the run", () => {
    const run = foldTimeline("l", replyOnlyRun("l", "All done.").slice(0, 5));
    expect(settled(run).kind).toBe("completed");
  });

  it("a lifecycle error waits for the gateway's grace window before it decides", () => {
    const fold = foldRunSignals(createRunFold("l"), [
      signalOf("l", 0, { kind: "lifecycle-start" }, { runSeq: 1 }),
      signalOf("l", 10, { kind: "lifecycle-error", aborted: false, error: "LLM request timed out.", timeoutPhase: "provider" }, { runSeq: 2 }),
    ]);
    const run = runTimeline(fold);
    expect(deriveRunOutcome(run, { now: T0 + 1_000, connection: "online" }).kind).toBe("running");
    expect(failedOf(deriveRunOutcome(run, { now: T0 + 10 + LIFECYCLE_ERROR_GRACE_MS, connection: "online" })).errorClass).toBe("timeout");
    // A new attempt withdraws the tentative error.
    const retried = runTimeline(foldRunSignals(fold, [signalOf("l", 5_000, { kind: "lifecycle-start" }, { runSeq: 3 })]));
    expect(deriveRunOutcome(retried, { now: T0 + 60_000, connection: "online" }).kind).toBe("running");
  });

  it("a run whose connection dropped and that nothing confirms ends unknown, never running", () => {
    const fold = foldRunSignals(createRunFold("u"), [
      signalOf("u", 0, { kind: "lifecycle-start" }, { runSeq: 1 }),
      signalOf("u", 100, { kind: "assistant-text", text: "Working" }, { runSeq: 2 }),
      signalOf("u", 200, { kind: "disconnected", code: 4000, reason: "tick timeout" }),
    ]);
    expect(deriveRunOutcome(runTimeline(fold), { now: T0 + 3_600_000, connection: "offline" })).toMatchObject({ kind: "unknown", reason: "connection-lost" });
    const reconnected = foldRunSignals(fold, [signalOf("u", 5_000, { kind: "reconnected", bootChanged: false })]);
    expect(deriveRunOutcome(runTimeline(reconnected), { now: T0 + 6_000, connection: "online", gatewayConfirmedIdle: true })).toMatchObject({
      kind: "unknown",
      reason: "no-terminal-event",
      summary: expect.stringContaining("events were lost"),
    });
    // The store may instead record the confirmation on the run itself.
    const confirmed = runTimeline(foldRunSignals(reconnected, [signalOf("u", 6_000, { kind: "run-inactive", via: "session-info" })]));
    expect(deriveRunOutcome(confirmed, { now: T0 + 7_000, connection: "online" }).kind).toBe("unknown");
  });

  it("a gateway restart announced during the run, then idle → interrupted", () => {
    const run = foldTimeline("i", [
      signalOf("i", 0, { kind: "lifecycle-start" }, { runSeq: 1 }),
      signalOf("i", 100, { kind: "gateway-restarting", reason: "gateway stopping", restartExpectedMs: 5_000 }),
      signalOf("i", 200, { kind: "disconnected", code: 1012, reason: "service restart" }),
      signalOf("i", 9_000, { kind: "gateway-restarted", bootChanged: true }),
    ]);
    expect(deriveRunOutcome(run, { now: T0 + 10_000, connection: "online", gatewayConfirmedIdle: true })).toMatchObject({
      kind: "interrupted",
      closeWords: "gateway restarting: gateway stopping",
    });
  });
});

describe("the live status line", () => {
  const runId = captureRunId("b-tool-call-exec.jsonl");
  const signals = captureSignals("b-tool-call-exec.jsonl", runId);
  const toolStart = signals.findIndex((signal) => signal.kind === "tool-start");
  const mid = foldTimeline(runId, signals.slice(0, toolStart + 1));

  it("names the phase, the elapsed time and the time since the last event", () => {
    const outcome = deriveRunOutcome(mid, { now: mid.lastEventAt + 2_000, connection: "online" });
    expect(outcome).toMatchObject({ kind: "running", title: "Using exec…", phaseText: "using exec…", silentForMs: 2_000, stalled: false });
    expect(outcome.summary).toContain("last event 2 s ago");
  });

  it("escalates to a visible warning after 45 s of silence", () => {
    const outcome = deriveRunOutcome(mid, { now: mid.lastEventAt + STALL_AFTER_MS + 2_000, connection: "online" });
    expect(outcome).toMatchObject({ kind: "running", stalled: true, title: "No activity" });
    expect(outcome.summary).toContain("no activity for 47 s");
  });

  it("does not call an announced retry wait a stall", () => {
    const waiting = foldTimeline("w", [
      signalOf("w", 0, { kind: "retry", attempt: 8, maxAttempts: 10, reason: "rate_limit", delayMs: 30_000 }),
    ]);
    const outcome = deriveRunOutcome(waiting, { now: T0 + 50_000, connection: "online" });
    expect(outcome).toMatchObject({ kind: "running", stalled: false, phaseText: "retrying, attempt 8 of 10 (rate limited)…" });
    expect(deriveRunOutcome(waiting, { now: T0 + 30_000 + STALL_AFTER_MS, connection: "online" })).toMatchObject({ stalled: true });
  });
});
