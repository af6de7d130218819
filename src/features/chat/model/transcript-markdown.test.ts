import { describe, expect, it } from "vitest";
import { findInbound } from "@/testing/capture-frames";
import { buildTranscript, type Turn } from "./transcript";
import { transcriptMarkdown } from "./transcript-markdown";

function historyOf(capture: string): unknown[] {
  const frame = findInbound(capture, (f) => f.type === "res" && Array.isArray((f.payload as { messages?: unknown })?.messages));
  return (frame.payload as { messages: unknown[] }).messages;
}

const EXPORTED_AT = Date.UTC(2026, 11, 1, 10, 0, 0);

describe("transcriptMarkdown", () => {
  it("writes each turn's message and reply, in order, under a header", () => {
    const turns: Turn[] = [
      { key: "a", runId: "a", user: { id: "a", text: "Say hi.", at: Date.UTC(2026, 11, 1, 9, 0, 5), systemNote: false }, replyText: "Hello **there**.", at: 1 },
      { key: "b", runId: "b", user: null, replyText: "", at: 2 },
    ];
    expect(transcriptMarkdown("agent:main:work", turns, [], EXPORTED_AT)).toBe(
      [
        "# Session agent:main:work",
        "",
        "Exported from Clawscope at 2026-12-01T10:00:00Z: 2 turns, secrets masked.",
        "",
        "## You · 2026-12-01T09:00:05Z",
        "",
        "Say hi.",
        "",
        "## Assistant",
        "",
        "Hello **there**.",
        "",
        "## Assistant",
        "",
        "_No reply in the history._",
        "",
      ].join("\n"),
    );
  });

  it("masks the tab's secrets and token-shaped values in messages and replies", () => {
    const gatewayToken = "0123456789abcdef0123456789abcdef0123456789abcdef";
    const turns: Turn[] = [
      { key: "a", runId: "a", user: { id: "a", text: `my token is ${gatewayToken}, and pw hunter2-secret`, systemNote: false }, replyText: "Authorization: Bearer abcdefghijklmnop", at: 1 },
    ];
    const markdown = transcriptMarkdown("s", turns, ["hunter2-secret"], EXPORTED_AT);
    expect(markdown).not.toContain(gatewayToken);
    expect(markdown).not.toContain("hunter2-secret");
    expect(markdown).not.toContain("abcdefghijklmnop");
    expect(markdown).toContain("my token is ‹redacted›, and pw ‹redacted›");
  });

  it("exports a real history: every message and its reply", () => {
    const turns = buildTranscript(historyOf("history-after-sigterm-restart.jsonl"), []);
    const markdown = transcriptMarkdown("agent:main:main", turns, [], EXPORTED_AT);
    expect(markdown).toContain("## You · 2026-11-24T01:55:04Z\n\nSay hi. fake:text\n\n## Assistant\n\nHello from the fake LLM. This is a scripted reply.\n");
    expect(markdown).toContain("Run the tool please. fake:tool\n\n## Assistant\n\nTool finished. Result was: hello-from-fake-tool Linux\n");
    expect(markdown.match(/^## /gm)?.length).toBe(turns.length + turns.filter((turn) => turn.user).length);
  });

  it("marks the gateway's restart-recovery message as a note, not as something the user wrote", () => {
    const turns = buildTranscript(historyOf("history-after-sigkill-auto-recovery.jsonl"), []);
    const markdown = transcriptMarkdown("agent:main:main", turns, [], EXPORTED_AT);
    expect(markdown.match(/^## Gateway note/gm)?.length).toBe(turns.filter((turn) => turn.user?.systemNote).length);
    expect(markdown).toContain("## Gateway note");
  });
});
