import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { captureEvents, captureRunId, captureSignals } from "./capture-fixtures";
import { normalizeGatewayEvent } from "./normalize-gateway-event";
import type { RunSignal } from "./run-signal";

const AT = 1_795_485_000_000;
const CAPTURE_DIR = fileURLToPath(new URL("../../../testing/captures", import.meta.url));
const ALL_CAPTURES = readdirSync(CAPTURE_DIR).filter((name) => name.endsWith(".jsonl"));

function only(signals: RunSignal[]): RunSignal {
  expect(signals).toHaveLength(1);
  const [signal] = signals;
  if (!signal) throw new Error("no signal");
  return signal;
}

describe("normalizeGatewayEvent on real captures", () => {
  it.each(ALL_CAPTURES)("reads every event of %s without throwing or unknowns", (name) => {
    for (const { frame, receivedAt } of captureEvents(name)) {
      const signals = normalizeGatewayEvent(frame, receivedAt);
      for (const signal of signals) {
        expect(signal.kind, `${frame.event} in ${name}`).not.toBe("unknown");
        expect(signal.at).toBe(receivedAt);
        expect(signal.source).toBe("live");
      }
    }
  });

  it("keeps the outer frame seq, the per-run seq and the session of a chat delta", () => {
    const runId = captureRunId("a-text.jsonl");
    const delta = captureSignals("a-text.jsonl", runId).find((signal) => signal.kind === "assistant-text" && signal.frameSeq === 18);
    expect(delta).toMatchObject({
      kind: "assistant-text",
      runId,
      runSeq: 6,
      frameSeq: 18,
      sessionKey: "agent:main:main",
      text: "Hello",
      delta: "Hello",
    });
  });

  it("reads the exec tool call with its arguments, output, exit code and duration", () => {
    const signals = captureSignals("b-tool-call-exec.jsonl");
    expect(signals.find((signal) => signal.kind === "tool-start")).toMatchObject({
      toolCallId: "call_fake_whyt4h",
      name: "exec",
      args: { command: "echo hello-from-fake-tool && uname -s" },
    });
    expect(signals.find((signal) => signal.kind === "tool-result")).toMatchObject({
      isError: false,
      resultText: "hello-from-fake-tool\nLinux",
      exitCode: 0,
      durationMs: 315,
    });
    expect(signals.find((signal) => signal.kind === "item")).toMatchObject({ itemKind: "tool", title: "Exec print text → run uname" });
    expect(signals.filter((signal) => signal.kind === "command-output").map((signal) => signal.kind === "command-output" && signal.phase)).toEqual([
      "delta",
      "end",
    ]);
  });

  it("reads both halves of a retry: chat status retry and agent run_status retrying", () => {
    const retries = captureSignals("c-rate-limit-429-recovered.jsonl").filter((signal) => signal.kind === "retry");
    expect(retries.slice(0, 2)).toEqual([
      expect.objectContaining({ attempt: 2, maxAttempts: 10, reason: "rate_limit", runSeq: 7 }),
      expect.objectContaining({ attempt: 2, maxAttempts: 10, reason: "rate_limit", runSeq: 7, delayMs: 1000, message: "Retrying… 2/10" }),
    ]);
  });

  it("reads the 401 provider detail that only the fallback_step carries", () => {
    const step = captureSignals("d-auth-401-isolated-provider.jsonl").find((signal) => signal.kind === "fallback-step");
    expect(step).toMatchObject({
      fromModel: "fakeauth/fake-model",
      reason: "auth",
      detail: "401 Missing scopes: model.request",
      outcome: "chain_exhausted",
    });
  });

  it("reads both terminal errors of a failed run", () => {
    const errors = captureSignals("c-rate-limit-429-exhausted.jsonl").filter((signal) => signal.kind === "chat-error");
    expect(errors).toEqual([
      expect.objectContaining({
        errorKind: "rate_limit",
        errorDetail: { provider: "fake", model: "fake-model", failoverReason: "rate_limit", runtimeFailureKind: "rate_limit" },
      }),
      expect.objectContaining({ runSeq: 1, errorMessage: "⚠️ The model request was rate-limited. Please try again in a few minutes." }),
    ]);
  });

  it("treats the null model the gateway sends when an attempt ends as activity, not a selection", () => {
    const signal = only(
      normalizeGatewayEvent({ event: "agent", payload: { runId: "r", stream: "lifecycle", data: { phase: "model", provider: null, model: null } } }, AT),
    );
    expect(signal).toMatchObject({ kind: "activity" });
  });
});

describe("normalizeGatewayEvent on hostile input", () => {
  it.each([
    ["tick", { ts: AT }],
    ["presence", { presence: [] }],
    ["health", { ok: true }],
    ["shutdown", { reason: "gateway stopping" }],
    ["chat", null],
    ["chat", "text"],
    ["chat", [1, 2]],
    ["chat", { runId: 42, state: "final" }],
    ["chat", { runId: "", state: "final" }],
    ["agent", undefined],
  ])("yields nothing for %s %j", (event, payload) => {
    expect(normalizeGatewayEvent({ event, payload }, AT)).toEqual([]);
  });

  it.each([
    ["chat", { runId: "r", state: "exploded" }],
    ["chat", { runId: "r", state: "status" }],
    ["agent", { runId: "r", stream: "tool", data: { phase: "start" } }],
    ["agent", { runId: "r", stream: "item", data: { phase: "later", itemId: "x" } }],
    ["agent", { runId: "r", stream: "lifecycle" }],
    ["agent", { runId: "r", stream: "telepathy", data: {} }],
    ["agent", { runId: "r", stream: "error", data: { reason: "cosmic ray" } }],
    ["brand.new.event", { runId: "r" }],
  ])("keeps %s %j as an unknown signal", (event, payload) => {
    expect(only(normalizeGatewayEvent({ event, payload }, AT))).toMatchObject({ kind: "unknown", runId: "r" });
  });

  it("ignores fields of the wrong type instead of trusting them", () => {
    const signal = only(
      normalizeGatewayEvent(
        {
          event: "chat",
          seq: Number.NaN,
          payload: { runId: "r", seq: "7", state: "error", errorKind: 5, errorMessage: ["x"], errorDetail: { httpStatus: "429", provider: {} } },
        },
        AT,
      ),
    );
    expect(signal).toEqual({ kind: "chat-error", runId: "r", at: AT, source: "live", errorDetail: { httpStatus: 429 } });
  });

  it("turns the gateway's seq-gap report into a gap signal", () => {
    const signal = only(
      normalizeGatewayEvent({ event: "agent", payload: { runId: "r", stream: "error", data: { reason: "seq gap", expected: 4, received: 9 } } }, AT),
    );
    expect(signal).toMatchObject({ kind: "seq-gap", expected: 4, received: 9 });
  });

  it("never throws on random payloads", () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const atoms: unknown[] = [null, undefined, 0, -1, Number.NaN, "", "x", true, [], {}, "start", "end", "delta", "tool", "lifecycle", "r"];
    const pick = (): unknown => atoms[Math.floor(random() * atoms.length)];
    const keys = ["runId", "state", "stream", "data", "phase", "seq", "message", "retry", "toolCallId", "itemId", "result", "errorDetail"];
    const value = (depth: number): unknown => {
      if (depth === 0 || random() < 0.4) return pick();
      const record: Record<string, unknown> = {};
      for (const key of keys) if (random() < 0.5) record[key] = key === "runId" && random() < 0.8 ? "r" : value(depth - 1);
      return record;
    };
    for (let index = 0; index < 1_000; index += 1) {
      for (const event of ["chat", "agent", "session.tool", "chat.send_timing", "other"]) {
        expect(() => normalizeGatewayEvent({ event, payload: value(3) }, AT)).not.toThrow();
      }
    }
  });
});

describe("session.tool", () => {
  it("reads tool activity of a run started by another socket", () => {
    const signals = normalizeGatewayEvent(
      { event: "session.tool", payload: { runId: "r", seq: 4, data: { phase: "start", name: "exec", toolCallId: "c1", args: { command: "ls" } } } },
      AT,
    );
    expect(signals).toEqual([expect.objectContaining({ kind: "tool-start", toolCallId: "c1", name: "exec", runSeq: 4 })]);
  });
});

describe("the dispatcher", () => {
  it("reads a session.tool payload that names its stream as that stream", () => {
    const signals = normalizeGatewayEvent({ event: "session.tool", payload: { runId: "r", stream: "item", data: { phase: "start", itemId: "i1", kind: "tool" } } }, AT);
    expect(signals).toEqual([expect.objectContaining({ kind: "item", phase: "start", itemId: "i1", itemKind: "tool" })]);
  });

  it("keeps events that only prove a run is alive as activity, and agent streams it does not know as unknown", () => {
    expect(only(normalizeGatewayEvent({ event: "sessions.changed", payload: { runId: "r" } }, AT))).toMatchObject({ kind: "activity", label: "sessions.changed" });
    expect(only(normalizeGatewayEvent({ event: "agent", payload: { runId: "r", stream: "usage", data: {} } }, AT))).toMatchObject({ kind: "activity", label: "usage" });
    expect(only(normalizeGatewayEvent({ event: "agent", payload: { runId: "r", stream: "telepathy", data: {} } }, AT))).toMatchObject({
      kind: "unknown",
      event: "agent",
      detail: "stream telepathy",
    });
  });
});
