/**
 * Property tests: random and mutated gateway traffic, seeded from the real
 * captures, against the normalizer, the fold, the outcome rules and the merge.
 * A fixed seed and bounded runs keep them deterministic and a few seconds long;
 * a failure prints the seed and the shrunk counterexample to replay.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { captureEvents, type CapturedEvent } from "./capture-fixtures";
import { foldRunSignal, foldTimeline } from "./fold-run";
import { createRunFold, runTimeline } from "./fold-state";
import { mergeRunSources } from "./merge-run-sources";
import { normalizeGatewayEvent } from "./normalize-gateway-event";
import { deriveRunOutcome } from "./run-outcome";
import type { RunSignal } from "./run-signal";
import type { RunTimeline } from "./run-timeline";

const SEED = 20_261_201;
const RUNS = { seed: SEED, numRuns: 60 };

const CAPTURES = [
  "a-text.jsonl",
  "b-tool-call-exec.jsonl",
  "c-rate-limit-429-recovered.jsonl",
  "c-rate-limit-429-exhausted.jsonl",
  "chat-abort.jsonl",
  "d-auth-401.jsonl",
  "d-auth-cooldown-after-401.jsonl",
  "e-timeout-hang-5s.jsonl",
  "f-slowtool-live-output.jsonl",
  "sigterm-midrun.jsonl",
];
const recorded: ReadonlyArray<readonly CapturedEvent[]> = CAPTURES.map((name) => captureEvents(name));

/** Any JSON value, including the shapes that break careless readers: huge strings, deep nesting, wrong types. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom("", " ", "⚠️", "__proto__", "constructor", Number.NaN, -1, 1e308, "a".repeat(50_000), "fake/model request failed".repeat(500)),
);

type Mutation = { at: number; op: "drop" | "duplicate" | "swap" | "field" | "payload"; key: number; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom("drop", "duplicate", "swap", "field", "payload"),
  key: fc.nat(),
  value: hostileValue,
});

/** Replaces one field somewhere in a payload (one or two levels down) with a hostile value. */
function mutateField(payload: unknown, key: number, value: unknown): unknown {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return value;
  const copy: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const name = keys[key % Math.max(1, keys.length)] ?? "runId";
  const inner = copy[name];
  copy[name] = key % 3 === 0 && typeof inner === "object" && inner !== null ? mutateField(inner, key >> 2, value) : value;
  return copy;
}

function mutate(events: readonly CapturedEvent[], mutations: readonly Mutation[]): CapturedEvent[] {
  const out = events.slice();
  for (const { at, op, key, value } of mutations) {
    if (out.length === 0) break;
    const index = at % out.length;
    const event = out[index] as CapturedEvent;
    if (op === "drop") out.splice(index, 1);
    else if (op === "duplicate") out.splice(index, 0, event);
    else if (op === "swap") {
      const other = key % out.length;
      out[index] = out[other] as CapturedEvent;
      out[other] = event;
    } else if (op === "field") out[index] = { ...event, frame: { ...event.frame, payload: mutateField(event.frame.payload, key, value) } };
    else out[index] = { ...event, frame: { ...event.frame, payload: value } };
  }
  return out;
}

const mutatedCapture = fc
  .tuple(fc.nat({ max: recorded.length - 1 }), fc.array(mutation, { maxLength: 12 }))
  .map(([which, mutations]) => mutate(recorded[which] ?? [], mutations));

function signalsOf(events: readonly CapturedEvent[]): RunSignal[] {
  return events.flatMap((event) => normalizeGatewayEvent(event.frame, event.receivedAt));
}

/** Each run's signals, folded one at a time as live events are. */
function foldEach(signals: readonly RunSignal[]): RunTimeline[] {
  const runs = new Map<string, ReturnType<typeof createRunFold>>();
  for (const signal of signals) {
    const run = runs.get(signal.runId) ?? createRunFold(signal.runId, { at: signal.at, sessionKey: signal.sessionKey });
    runs.set(signal.runId, foldRunSignal(run, signal));
  }
  return [...runs.values()].map(runTimeline);
}

const TERMINAL_KINDS: ReadonlySet<RunSignal["kind"]> = new Set(["chat-final", "chat-aborted", "chat-error"]);

describe("the run model under random and mutated gateway traffic", () => {
  it("the normalizer never throws and every signal names its run", () => {
    const frame = fc.record({ event: fc.oneof(fc.constantFrom("agent", "chat", "session.tool", "chat.send_timing"), fc.string()), payload: hostileValue, seq: fc.option(fc.double()) });
    fc.assert(
      fc.property(fc.oneof(mutatedCapture.map((events) => events.map((event) => event.frame)), fc.array(frame, { maxLength: 20 })), (frames) => {
        for (const candidate of frames) {
          for (const signal of normalizeGatewayEvent({ ...candidate, seq: candidate.seq ?? undefined }, 1_000)) {
            expect(typeof signal.runId).toBe("string");
            expect(typeof signal.kind).toBe("string");
          }
        }
      }),
      RUNS,
    );
  });

  it("the fold never throws, and a run that got its terminal event is never running", () => {
    fc.assert(
      fc.property(mutatedCapture, fc.integer({ min: 0, max: 600_000 }), fc.constantFrom("online", "offline", "reconnecting"), (events, later, connection) => {
        const signals = signalsOf(events);
        for (const run of foldEach(signals)) {
          const ended = signals.some((signal) => signal.runId === run.runId && TERMINAL_KINDS.has(signal.kind));
          const outcome = deriveRunOutcome(run, { now: run.lastEventAt + later, connection: connection as "online" });
          if (ended) {
            expect(run.status).toBe("ended");
            expect(outcome.kind).not.toBe("running");
          }
          expect(typeof outcome.title).toBe("string");
        }
      }),
      RUNS,
    );
  });

  it("folding one signal at a time and all at once give the same run", () => {
    fc.assert(
      fc.property(mutatedCapture, (events) => {
        const signals = signalsOf(events);
        for (const run of foldEach(signals)) {
          const batch = foldTimeline(run.runId, signals.filter((signal) => signal.runId === run.runId), { at: run.createdAt, sessionKey: run.sessionKey });
          expect(batch.steps.map((step) => step.id)).toEqual(run.steps.map((step) => step.id));
          expect([batch.status, batch.terminal?.kind, batch.text]).toEqual([run.status, run.terminal?.kind, run.text]);
        }
      }),
      { ...RUNS, numRuns: 30 },
    );
  });

  it("merging a run with itself or with a mutated copy never throws, keeps an ended run ended and shows no tool call twice", () => {
    fc.assert(
      fc.property(fc.nat({ max: recorded.length - 1 }), fc.array(mutation, { maxLength: 8 }), (which, mutations) => {
        const original = recorded[which] ?? [];
        const mutatedRuns = new Map(foldEach(signalsOf(mutate(original, mutations))).map((run) => [run.runId, run]));
        for (const run of foldEach(signalsOf(original))) {
          const other = mutatedRuns.get(run.runId) ?? run;
          for (const merged of [mergeRunSources(run, run), mergeRunSources(run, other), mergeRunSources(other, run)]) {
            const toolCalls = merged.steps.flatMap((step) => (step.kind === "tool" ? [step.toolCallId] : []));
            expect(new Set(toolCalls).size).toBe(toolCalls.length);
            if (run.status === "ended") expect(merged.status).toBe("ended");
            if (merged.terminal) expect(deriveRunOutcome(merged, { now: merged.lastEventAt, connection: "online" }).kind).not.toBe("running");
          }
        }
      }),
      { ...RUNS, numRuns: 30 },
    );
  });
});
