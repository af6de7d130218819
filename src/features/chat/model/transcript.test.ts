import { describe, expect, it } from "vitest";
import { findInbound } from "@/testing/capture-frames";
import type { OutboxEntry } from "./outbox";
import { buildTranscript, deliveredRunIds } from "./transcript";

function historyOf(capture: string): unknown[] {
  const frame = findInbound(capture, (f) => f.type === "res" && Array.isArray((f.payload as { messages?: unknown })?.messages));
  return (frame.payload as { messages: unknown[] }).messages;
}

describe("buildTranscript (real chat.history)", () => {
  const history = historyOf("history-after-sigterm-restart.jsonl");
  const turns = buildTranscript(history, []);

  it("makes one turn per user message, keyed by the run id it was sent with", () => {
    expect(turns[0]).toMatchObject({
      runId: "0882011e-ed23-4121-bfe2-d629680dd03b",
      user: { text: "Say hi. fake:text", systemNote: false },
      replyText: "Hello from the fake LLM. This is a scripted reply.",
    });
    expect(new Set(turns.map((turn) => turn.key)).size).toBe(turns.length);
  });

  it("keeps a tool run's rows together and shows its final reply", () => {
    const toolTurn = turns.find((turn) => turn.user?.text.includes("fake:tool"));
    expect(toolTurn?.rows.map((row) => (row as { role: string }).role)).toEqual(["assistant", "toolResult", "assistant"]);
    expect(toolTurn?.replyText).toContain("Tool finished");
  });

  it("never duplicates a message that is both pending here and already in history", () => {
    const pending: OutboxEntry[] = [
      { runId: "0882011e-ed23-4121-bfe2-d629680dd03b", sessionKey: "main", text: "Say hi. fake:text", createdAt: 1, status: "sent", attempts: 1 },
      { runId: "new-run", sessionKey: "main", text: "still sending", createdAt: 2, status: "sending", attempts: 1 },
    ];
    const withPending = buildTranscript(history, pending);
    expect(withPending).toHaveLength(turns.length + 1);
    expect(withPending.at(-1)).toMatchObject({ runId: "new-run", user: { text: "still sending", pending: "sending" } });
    expect(deliveredRunIds(history).has("0882011e-ed23-4121-bfe2-d629680dd03b")).toBe(true);
  });

  it("marks the gateway's restart-recovery message as a system note", () => {
    const recovered = buildTranscript(historyOf("history-after-sigkill-auto-recovery.jsonl"), []);
    expect(recovered.some((turn) => turn.user?.systemNote)).toBe(true);
  });

  it("ignores junk rows", () => {
    expect(buildTranscript([null, 3, "x", { role: "user", content: "hi" }], [])).toHaveLength(1);
  });
});
