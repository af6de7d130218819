import { describe, expect, it } from "vitest";
import type { GatewayLogLine } from "@/lib/gateway-log-lines";
import { REDACTED } from "@/lib/redact";
import { fieldsSummary, filterLogLines, isProviderError, linesInRunWindow, logLinesClipboardText, marksOf, NO_FILTER, WINDOW_AFTER_MS, WINDOW_BEFORE_MS } from "./run-log-lines";

const T0 = Date.parse("2026-11-24T04:23:30.000Z");

function line(partial: Partial<GatewayLogLine> & { text: string }): GatewayLogLine {
  return { id: partial.text, time: T0, level: "info", fields: {}, ...partial };
}

describe("linesInRunWindow", () => {
  const lines = [
    line({ text: "long before", time: T0 - WINDOW_BEFORE_MS - 1 }),
    line({ text: "just before", time: T0 - WINDOW_BEFORE_MS }),
    line({ text: "during", time: T0 + 1_000 }),
    line({ text: "continuation", time: undefined }),
    line({ text: "just after", time: T0 + 10_000 + WINDOW_AFTER_MS }),
    line({ text: "long after", time: T0 + 10_000 + WINDOW_AFTER_MS + 1 }),
  ];

  it("keeps the run's lines with a small margin on each side", () => {
    expect(linesInRunWindow(lines, { startedAt: T0, endedAt: T0 + 10_000 }).map((l) => l.text)).toEqual(["just before", "during", "continuation", "just after"]);
  });

  it("has no end while the run is live", () => {
    expect(linesInRunWindow(lines, { startedAt: T0 }).map((l) => l.text)).toEqual(["just before", "during", "continuation", "just after", "long after"]);
  });

  it("finds a run's lines on a gateway whose clock is 10 minutes off the browser's", () => {
    const skew = 10 * 60_000;
    const ahead = lines.map((l) => (l.time === undefined ? l : { ...l, time: l.time + skew }));
    const scope = { startedAt: T0, endedAt: T0 + 10_000 };
    expect(linesInRunWindow(ahead, scope).map((l) => l.text)).toEqual([]);
    expect(linesInRunWindow(ahead, { ...scope, clockOffsetMs: skew }).map((l) => l.text)).toEqual(["just before", "during", "continuation", "just after"]);
    const behind = lines.map((l) => (l.time === undefined ? l : { ...l, time: l.time - skew }));
    expect(linesInRunWindow(behind, { ...scope, clockOffsetMs: -skew }).map((l) => l.text)).toEqual(["just before", "during", "continuation", "just after"]);
  });

  it("drops untimed lines that follow lines outside the window", () => {
    expect(linesInRunWindow([line({ text: "old", time: T0 - 60_000 }), line({ text: "tail", time: undefined })], { startedAt: T0 })).toEqual([]);
  });
});

describe("filterLogLines", () => {
  const lines = [
    line({ text: "a trace", level: "trace" }),
    line({ text: "a debug", level: "debug" }),
    line({ text: "plain", level: "unknown" }),
    line({ text: "an info", level: "info", subsystem: "gateway/ws" }),
    line({ text: "a warning", level: "warn", fields: { provider: "fakeauth" } }),
    line({ text: "an error", level: "error" }),
    line({ text: "fatal", level: "fatal" }),
  ];

  it("shows everything without a filter", () => {
    expect(filterLogLines(lines, NO_FILTER)).toHaveLength(lines.length);
  });

  it("keeps lines at or above the minimum level; unknown counts as info", () => {
    expect(filterLogLines(lines, { minLevel: "info", text: "" }).map((l) => l.text)).toEqual(["plain", "an info", "a warning", "an error", "fatal"]);
    expect(filterLogLines(lines, { minLevel: "warn", text: "" }).map((l) => l.text)).toEqual(["a warning", "an error", "fatal"]);
    expect(filterLogLines(lines, { minLevel: "error", text: "" }).map((l) => l.text)).toEqual(["an error", "fatal"]);
  });

  it("matches text in the message, the subsystem and the fields, ignoring case", () => {
    expect(filterLogLines(lines, { minLevel: "all", text: "  WARNING " }).map((l) => l.text)).toEqual(["a warning"]);
    expect(filterLogLines(lines, { minLevel: "all", text: "gateway/ws" }).map((l) => l.text)).toEqual(["an info"]);
    expect(filterLogLines(lines, { minLevel: "all", text: "fakeauth" }).map((l) => l.text)).toEqual(["a warning"]);
  });
});

describe("marksOf", () => {
  const scope = { runId: "run-1", sessionKey: "agent:main:s1" };

  it("marks lines that name the run, by field or in the text", () => {
    expect(marksOf(line({ text: "x", runId: "run-1" }), scope)).toEqual(["run"]);
    expect(marksOf(line({ text: "chat.send 54ms runId=run-1" }), scope)).toEqual(["run"]);
    expect(marksOf(line({ text: "x", runId: "run-2" }), scope)).toEqual([]);
  });

  it("marks lines that name the session", () => {
    expect(marksOf(line({ text: "lane task done", sessionKey: "agent:main:s1" }), scope)).toEqual(["session"]);
    expect(marksOf(line({ text: "message processed: sessionKey=agent:main:s1 outcome=completed" }), scope)).toEqual(["session"]);
  });

  it("marks provider errors: HTTP status, failover reason, rate limit, auth, cooldown", () => {
    expect(marksOf(line({ text: "[model-fetch] response provider=fake status=429 elapsedMs=9" }), {})).toEqual(["provider-error"]);
    expect(marksOf(line({ text: "embedded run agent end", runId: "run-1", fields: { failoverReason: "auth" } }), scope)).toEqual(["run", "provider-error"]);
    expect(isProviderError(line({ text: "transient same-model retry 1/9 reason=rate_limit" }))).toBe(true);
    expect(isProviderError(line({ text: "request failed (authentication failed, HTTP 401)" }))).toBe(true);
    expect(isProviderError(line({ text: "auth profile failure state updated", fields: { cooldownUntil: 1795494247536 } }))).toBe(true);
    expect(isProviderError(line({ text: "model fallback decision", fields: { status: 401 } }))).toBe(true);
  });

  it("leaves ordinary lines alone", () => {
    expect(isProviderError(line({ text: "[model-fetch] response provider=fake status=200 elapsedMs=63" }))).toBe(false);
    expect(isProviderError(line({ text: "embedded run tool start: runId=r tool=exec" }))).toBe(false);
    expect(isProviderError(line({ text: "x", fields: { status: 200 } }))).toBe(false);
  });
});

describe("fieldsSummary", () => {
  it("lists fields as key=value, without tags, shortened", () => {
    expect(fieldsSummary({ event: "e", tags: ["a"], count: 2, nested: { a: 1 }, gone: null })).toBe('event=e count=2 nested={"a":1}');
    expect(fieldsSummary({ text: "x".repeat(500) }, 20)).toHaveLength(20);
  });
});

describe("logLinesClipboardText", () => {
  it("writes one masked line per row", () => {
    const text = logLinesClipboardText([
      line({ text: "gateway ready", subsystem: "gateway" }),
      line({ text: `ua=probe key=hunter22`, level: "warn", time: undefined, fields: { runId: "r" } }),
    ], ["hunter22"]);
    expect(text.split("\n")).toEqual([`2026-11-24T04:23:30.000Z INFO [gateway] gateway ready`, `- WARN ua=probe key=${REDACTED} {"runId":"r"}`]);
  });
});
