/**
 * Property tests for the history reader (lib/history-rows, lib/history-turns
 * through runsFromHistory) with mutated real `chat.history` payloads, and for
 * the text parsers' linearity, checked by structure (characters read, text
 * kept), never by a clock.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitHistoryTurns } from "@/lib/history-turns";
import { textAsParagraphs, textAsStreamed } from "@/lib/history-rows";
import { HEAD_CHARS, TAIL_CHARS } from "./bounded-text";
import { lastHistoryMessages } from "./capture-fixtures";
import { runsFromHistory } from "./history-to-runs";
import { normalizeGatewayEvent } from "./normalize-gateway-event";
import { parseProviderModel } from "./parse-error-text";
import { deriveRunOutcome } from "./run-outcome";

const RUNS = { seed: 20_261_201, numRuns: 60 };
const HISTORIES = ["history-after-sigterm-restart.jsonl", "history-after-sigkill-restart.jsonl", "history-after-sigkill-auto-recovery.jsonl", "d-auth-401.jsonl"];
const histories: ReadonlyArray<readonly unknown[]> = HISTORIES.map(lastHistoryMessages);

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, "", "error", "user", "assistant", "custom", "toolResult", "run-failed-before-reply", -1, "x".repeat(20_000)),
);

function mutateRow(row: unknown, key: number, value: unknown): unknown {
  if (typeof row !== "object" || row === null || Array.isArray(row)) return value;
  const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  const keys = Object.keys(copy);
  copy[keys[key % Math.max(1, keys.length)] ?? "role"] = value;
  return copy;
}

const mutatedHistory = fc
  .tuple(fc.nat({ max: histories.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom("drop", "duplicate", "swap", "field", "row"), fc.nat(), hostile), { maxLength: 10 }))
  .map(([which, mutations]) => {
    const rows = (histories[which] ?? []).slice();
    for (const [at, op, key, value] of mutations) {
      if (rows.length === 0) break;
      const index = at % rows.length;
      if (op === "drop") rows.splice(index, 1);
      else if (op === "duplicate") rows.splice(index, 0, structuredClone(rows[index]));
      else if (op === "swap") [rows[index], rows[key % rows.length]] = [rows[key % rows.length], rows[index]];
      else if (op === "field") rows[index] = mutateRow(rows[index], key, value);
      else rows[index] = value;
    }
    return rows;
  });

describe("the history reader under mutated chat.history payloads", () => {
  it("never throws, puts each reply row in at most one turn, and never leaves a run with a terminal row running", () => {
    fc.assert(
      fc.property(mutatedHistory, fc.boolean(), (rows, idle) => {
        const turns = splitHistoryTurns(rows);
        const replies = turns.flatMap((turn) => turn.replies);
        expect(new Set(replies).size).toBe(replies.length);
        for (const run of runsFromHistory(rows, { sessionKey: "agent:main:main" })) {
          const outcome = deriveRunOutcome(run, { now: run.lastEventAt + 1_000, connection: "online", gatewayConfirmedIdle: idle });
          if (run.terminal) expect([run.status, outcome.kind === "running"]).toEqual(["ended", false]);
        }
      }),
      RUNS,
    );
  });

  it("reads any content shape as text without throwing", () => {
    fc.assert(
      fc.property(hostile, (content) => {
        expect(typeof textAsParagraphs(content)).toBe("string");
        const streamed = textAsStreamed(content);
        expect(streamed === undefined || typeof streamed === "string").toBe(true);
      }),
      RUNS,
    );
  });
});

/** The regex the scan replaced, as an oracle on short inputs (where its backtracking is harmless). */
function oldProviderModel(text: string): { provider?: string; model?: string } {
  const quoted = /provider\s+"([^"]+)"/i.exec(text);
  if (quoted?.[1]) return { provider: quoted[1] };
  const pair = /([\w.-]+)\/([\w.:-]+) request failed/i.exec(text);
  return pair?.[1] && pair[2] ? { provider: pair[1], model: pair[2] } : {};
}

class CountedText extends String {
  reads = 0;
  override charCodeAt(index: number): number {
    this.reads += 1;
    return super.charCodeAt(index);
  }
}

const errorish = fc
  .array(fc.constantFrom("a", "Z", "9", "_", ".", "-", ":", "/", " ", "é", "request failed", " REQUEST Failed", "provider ", '"', "x/y"), { maxLength: 60 })
  .map((parts) => parts.join(""));

describe("linear text parsing", () => {
  it("the provider/model scan agrees with the regex it replaced", () => {
    fc.assert(
      fc.property(errorish, (text) => {
        expect(parseProviderModel(text)).toEqual(oldProviderModel(text));
      }),
      { ...RUNS, numRuns: 500 },
    );
  });

  it("the scan reads each character a bounded number of times, whatever the text", () => {
    fc.assert(
      fc.property(errorish, fc.integer({ min: 1, max: 200 }), (unit, times) => {
        const text = unit.repeat(times);
        const counted = new CountedText(text);
        parseProviderModel(counted as unknown as string);
        expect(counted.reads).toBeLessThanOrEqual(20 * text.length + 20);
      }),
      RUNS,
    );
  });

  it("every error text that enters the model is kept to its head and tail, however long", () => {
    fc.assert(
      fc.property(errorish, fc.integer({ min: 1, max: 40_000 }), fc.constantFrom("chat", "lifecycle", "tool"), (unit, times, where) => {
        const text = `${unit}!`.repeat(times);
        const payload =
          where === "chat"
            ? { runId: "r", state: "error", errorMessage: text }
            : where === "lifecycle"
              ? { runId: "r", stream: "lifecycle", data: { phase: "error", error: text } }
              : { runId: "r", stream: "tool", data: { phase: "result", toolCallId: "t", toolErrorSummary: text } };
        const [signal] = normalizeGatewayEvent({ event: where === "chat" ? "chat" : "agent", payload }, 1);
        const kept = signal?.kind === "chat-error" ? signal.errorMessage : signal?.kind === "lifecycle-error" ? signal.error : signal?.kind === "tool-result" ? signal.errorText : undefined;
        expect(kept?.length).toBeLessThanOrEqual(HEAD_CHARS + TAIL_CHARS + 64);
        expect(kept?.startsWith(text.slice(0, Math.min(text.length, HEAD_CHARS)))).toBe(true);
        expect(kept?.endsWith(text.slice(-Math.min(text.length, TAIL_CHARS)))).toBe(true);
      }),
      { ...RUNS, numRuns: 40 },
    );
  });
});
