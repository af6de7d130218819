import { describe, expect, it } from "vitest";
import type { Turn } from "@/features/chat/model/transcript";
import { boundedText } from "@/features/runs/model/bounded-text";
import type { RunOutcome } from "@/features/runs/model/run-outcome";
import type { ToolStep } from "@/features/runs/model/run-timeline";
import { foldCapture } from "@/features/runs/model/capture-fixtures";
import { runOfSteps, T0 } from "@/features/runs/model/test-signals";
import { transcriptSearchDocs } from "../transcript-search";
import { exportFileName, sessionJson, sessionMarkdown, type SessionExportContext, type SessionExportSource } from "./build-session-export";

const TOKEN = "3f9c2a7b1d4e5f60718293a4b5c6d7e8f9012345abcdef67";

const tool: ToolStep = {
  kind: "tool",
  id: "tool:call-1",
  toolCallId: "call-1",
  name: "exec",
  at: T0 + 300,
  source: "history",
  args: { command: `echo hello-from-fake-tool && curl -H 'Authorization: Bearer ${TOKEN}' x` },
  output: boundedText("hello-from-fake-tool\nLinux\n"),
  exitCode: 0,
  isError: false,
  status: "done",
  durationMs: 12,
};
const run = { ...runOfSteps([tool], 1200), runId: "run-1", text: "Tool finished. Output: hello-from-fake-tool" };
const turns: Turn[] = [
  {
    key: "run-1",
    runId: "run-1",
    at: T0,
    replyText: "Tool finished. Output: hello-from-fake-tool",
    user: { id: "u1", text: "Run the quick command. fake:tool", systemNote: false, attachments: [{ fileName: "dot.png", kind: "image", mimeType: "image/png", sizeBytes: 70, src: "data:image/png;base64,AAAA" }] },
  },
];
const outcome = { kind: "completed", title: "Completed", summary: "The agent replied." } as RunOutcome;
const source: SessionExportSource = { turns, runOf: (id) => (id === "run-1" ? run : undefined), outcomeOf: () => outcome };
const context: SessionExportContext = {
  sessionKey: "agent:main:work",
  gatewayUrl: "ws://127.0.0.1:19789",
  gatewayVersion: "2026.9.6",
  clientVersion: "0.1.0",
  generatedAt: Date.UTC(2026, 11, 1, 11, 30),
  secrets: [TOKEN],
};

describe("sessionMarkdown", () => {
  it("writes each turn with its message, attachments, reply and timeline, and masks the token", () => {
    expect(sessionMarkdown(source, context)).toBe(
      [
        "# Session agent:main:work",
        "",
        "Exported 2026-12-01T11:30:00.000Z from OpenClaw 2026.9.6 at ws://127.0.0.1:19789 by Clawscope 0.1.0.",
        "",
        `## Turn 1 · ${new Date(T0).toISOString()}`,
        "",
        "**You:**",
        "",
        "Run the quick command. fake:tool",
        "",
        "Attachments: dot.png (image, 70 B)",
        "",
        "**Agent:**",
        "",
        "Tool finished. Output: hello-from-fake-tool",
        "",
        "**Run** `run-1`: Completed — The agent replied. (unknown model, took 1.2 s)",
        "",
        "- +300 ms tool **exec**: Run echo hello-from-fake-tool && curl -H 'Authorization: Bearer ‹redacted› (done, exit 0, 12 ms)",
        "",
        "  Arguments:",
        "",
        "  ```json",
        "  {",
        `    "command": "echo hello-from-fake-tool && curl -H 'Authorization: Bearer ‹redacted›' x"`,
        "  }",
        "  ```",
        "",
        "  Output:",
        "",
        "  ```",
        "  hello-from-fake-tool",
        "  Linux",
        "  ```",
        "",
      ].join("\n"),
    );
  });

  it("words each retry as the timeline shows it (attempt 5 of 10), not in the gateway's retry count", () => {
    const retried = { ...foldCapture("c-rate-limit-429-exhausted.jsonl"), runId: "run-1" };
    const markdown = sessionMarkdown({ ...source, runOf: () => retried }, context);
    expect(markdown).toMatch(/^- \+11 s retry attempt 5 of 10, rate limit, waiting 8\.3 s — Retrying… 5\/10$/m);
    expect(markdown).not.toMatch(/retry \d+\/\d+/);
  });

  it("fences tool output that contains backticks with a longer fence", () => {
    const fenceRun = { ...run, steps: [{ ...tool, args: undefined, output: boundedText("```\ninjected\n```") }] };
    const markdown = sessionMarkdown({ ...source, runOf: () => fenceRun }, context);
    expect(markdown).toContain("  ````\n  ```\n  injected\n  ```\n  ````");
  });
});

describe("sessionJson", () => {
  it("bundles the turns with their runs' steps and outcome, attachments without their bytes, and masks the token", () => {
    const bundle = JSON.parse(sessionJson(source, context));
    expect(bundle.kind).toBe("clawscope-session-export");
    expect(bundle.sessionKey).toBe("agent:main:work");
    expect(bundle.turns[0].user).toEqual({
      text: "Run the quick command. fake:tool",
      systemNote: false,
      attachments: [{ fileName: "dot.png", kind: "image", mimeType: "image/png", sizeBytes: 70 }],
    });
    expect(bundle.turns[0].run.outcome).toEqual({ kind: "completed", title: "Completed", summary: "The agent replied." });
    expect(bundle.turns[0].run.steps[0].args.command).toBe("echo hello-from-fake-tool && curl -H 'Authorization: Bearer ‹redacted›' x");
    expect(bundle.turns[0].run.steps[0].output).toBe("hello-from-fake-tool\nLinux\n");
    expect(JSON.stringify(bundle)).not.toContain(TOKEN);
  });
});

describe("exportFileName", () => {
  it("names the file after the session and the day", () => {
    expect(exportFileName("agent:main:work", context.generatedAt, "markdown")).toBe("clawscope-agent-main-work-2026-12-01.md");
    expect(exportFileName("agent:main:e2e/x y", context.generatedAt, "json")).toBe("clawscope-agent-main-e2e-x-y-2026-12-01.json");
  });
});

describe("transcriptSearchDocs", () => {
  it("searches the messages, then each tool's arguments and output", () => {
    expect(transcriptSearchDocs(turns, source.runOf)).toEqual([
      {
        turnIndex: 0,
        turnKey: "run-1",
        runId: "run-1",
        fields: [
          { text: "Run the quick command. fake:tool", place: { in: "messages" } },
          { text: "Tool finished. Output: hello-from-fake-tool", place: { in: "messages" } },
          { text: JSON.stringify(tool.args, null, 2), place: { in: "tool", stepId: "tool:call-1", part: "arguments" } },
          { text: "hello-from-fake-tool\nLinux\n", place: { in: "tool", stepId: "tool:call-1", part: "output" } },
        ],
      },
    ]);
  });
});

describe("a message steered into the running reply, in the export and in find", () => {
  // As the real history splits it (steer-default-mode.jsonl): the run shared by both messages is the first turn's;
  // its text after the steer point answers the second message.
  const ANSWER = "Hello! You said: “Also, when done, say hi.”.";
  const shared = { ...runOfSteps([tool], 1200), runId: "first", text: ANSWER };
  const handedOn = { ...runOfSteps([], 10), runId: "second", text: "" };
  const steeredTurns: Turn[] = [
    { key: "first", runId: "first", at: T0, replyText: "", continuedBy: "second", user: { id: "u1", text: "Count slowly. fake:slowtool", systemNote: false } },
    { key: "second", runId: "second", at: T0 + 1, replyText: ANSWER, steeredInto: "first", user: { id: "u2", text: "Also, when done, say hi.", systemNote: false } },
  ];
  const runs = new Map([["first", shared], ["second", handedOn]]);
  const steered: SessionExportSource = { turns: steeredTurns, runOf: (id) => runs.get(id), outcomeOf: () => outcome };

  it("writes the answer once, under the steered message, and the shared run once, under the first", () => {
    const markdown = sessionMarkdown(steered, context);
    expect(markdown.split(ANSWER)).toHaveLength(2);
    expect(markdown.split("**Run**")).toHaveLength(2);
    expect(markdown).toContain(`**You:**\n\nAlso, when done, say hi.\n\n**Agent:**\n\n${ANSWER}\n\nSteered into the reply already running: run \`first\`, under an earlier turn.`);
    const json = JSON.parse(sessionJson(steered, context)) as { turns: Array<{ reply: string; run: { runId: string } | null; steeredInto?: string }> };
    expect(json.turns.map((turn) => [turn.reply, turn.run?.runId ?? null, turn.steeredInto ?? null])).toEqual([
      ["", "first", null],
      [ANSWER, null, "first"],
    ]);
  });

  it("find sees the answer in the steered turn only", () => {
    const docs = transcriptSearchDocs(steeredTurns, (id) => runs.get(id));
    expect(docs.map((doc) => doc.fields.filter((field) => field.text === ANSWER).length)).toEqual([0, 1]);
  });
});
