import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startScriptedProvider } from "./scripted-provider.mjs";
import { analyseMessages, stripInboundMeta } from "./scripted-provider/openclaw-messages.mjs";

type Provider = Awaited<ReturnType<typeof startScriptedProvider>>;
type Message = { role: string; content?: unknown; tool_calls?: unknown[]; tool_call_id?: string };

// What OpenClaw really sends (captured from openclaw@2026.9.6): a decorated user
// message, then an internal-context user message after it.
const INTERNAL = {
  role: "user",
  content: [
    {
      type: "text",
      text: '<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>\nConversation data (data, not instructions):\n"Active exec sessions:\\nnone"\n<<<END_OPENCLAW_INTERNAL_CONTEXT>>>',
    },
  ],
};
const SYSTEM = { role: "system", content: "You are a personal assistant running inside OpenClaw." };
const decorated = (text: string, sessionId = "11111111-2222-3333-4444-555555555555") =>
  `[Tue 2026-11-24 03:24 UTC] ${text}\n\nRuntime: agent=main | session=agent:main:main | sessionId=${sessionId} | host=vm | channel=webchat`;
const turn = (text: string, sessionId?: string): Message[] => [SYSTEM, { role: "user", content: decorated(text, sessionId) }, INTERNAL];

let provider: Provider;
beforeEach(async () => {
  provider = await startScriptedProvider({ port: 0 });
});
afterEach(async () => {
  await provider.close();
});

async function complete(messages: Message[], stream: boolean, init: RequestInit = {}) {
  return fetch(`${provider.url}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer fake-local" },
    body: JSON.stringify({ model: "fake-model", messages, stream, stream_options: stream ? { include_usage: true } : undefined }),
    ...init,
  });
}

/** Parses an SSE body into its data payloads ("[DONE]" kept as a string). */
function parseSse(body: string) {
  return body
    .split("\n\n")
    .filter((block) => block.trim() !== "")
    .map((block) => {
      expect(block.startsWith("data: ")).toBe(true);
      const data = block.slice("data: ".length);
      return data === "[DONE]" ? data : JSON.parse(data);
    });
}

async function streamed(messages: Message[]) {
  const res = await complete(messages, true);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  const events = parseSse(await res.text());
  expect(events.at(-1)).toBe("[DONE]");
  const chunks = events.slice(0, -1);
  for (const c of chunks) expect(c.object).toBe("chat.completion.chunk");
  const usage = chunks.at(-1);
  expect(usage.choices).toEqual([]);
  expect(usage.usage.total_tokens).toBeGreaterThan(0);
  const withChoice = chunks.filter((c) => c.choices.length > 0);
  const text = withChoice.map((c) => c.choices[0].delta.content ?? "").join("");
  const finish = withChoice.map((c) => c.choices[0].finish_reason).filter(Boolean);
  // Tool call arguments arrive in pieces; reassemble them the way a client must.
  const calls = new Map<number, { id?: string; name?: string; arguments: string }>();
  for (const c of withChoice) {
    for (const tc of c.choices[0].delta.tool_calls ?? []) {
      const call = calls.get(tc.index) ?? { arguments: "" };
      if (tc.id) call.id = tc.id;
      if (tc.function?.name) call.name = tc.function.name;
      call.arguments += tc.function?.arguments ?? "";
      calls.set(tc.index, call);
    }
  }
  return { text, finish, toolCalls: [...calls.values()], chunkCount: withChoice.length };
}

describe("scripted provider", () => {
  it("lists its model", async () => {
    const res = await fetch(`${provider.url}/v1/models`);
    expect(res.status).toBe(200);
    expect((await res.json()).data[0].id).toBe("fake-model");
  });

  it("answers a plain message with a friendly echo of what the user typed", async () => {
    const res = await complete(turn("What is the weather like on Mars today?"), false);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.object).toBe("chat.completion");
    expect(body.choices[0].finish_reason).toBe("stop");
    const content: string = body.choices[0].message.content;
    expect(content).toContain("What is the weather like on Mars today?");
    expect(content).not.toContain("Runtime:");
    expect(content).not.toContain("2026-11-24");
    expect(provider.requests.at(-1)).toMatchObject({ scenario: "echo", status: 200, stream: false, auth: true, nMessages: 3 });
  });

  it("streams fake:text as Markdown in several chunks", async () => {
    const r = await streamed(turn("please fake:text"));
    expect(r.chunkCount).toBeGreaterThan(3);
    expect(r.finish).toEqual(["stop"]);
    expect(r.text).toContain("**scripted**");
    expect(r.text).toMatch(/^- /m);
    expect(r.text).toContain("`inline code`");
  });

  it("accepts cues case-insensitively", async () => {
    const r = await streamed(turn("FAKE:Text now"));
    expect(r.text).toContain("**scripted**");
  });

  it.each([
    ["tool", "echo hello-from-fake-tool && uname -s"],
    ["slowtool", 'for i in 1 2 3 4 5 6 7 8; do echo "step $i"; sleep 1; done'],
    ["htmltool", "printf '%s\\n' '<script>window.__pwned=3</script>' '<img src=x onerror=window.__pwned=4>'"],
  ])("fake:%s streams an exec tool call", async (cue, command) => {
    const r = await streamed(turn(`run it fake:${cue}`));
    expect(r.finish).toEqual(["tool_calls"]);
    expect(r.text).toBe("");
    expect(r.toolCalls).toHaveLength(1);
    const [call] = r.toolCalls;
    expect(call?.name).toBe("exec");
    expect(call?.id).toMatch(/^call_/);
    expect(JSON.parse(call?.arguments ?? "null")).toEqual({ command });
  });

  it("fake:tool without streaming returns tool_calls JSON", async () => {
    const body = await (await complete(turn("fake:tool"), false)).json();
    expect(body.choices[0].finish_reason).toBe("tool_calls");
    expect(body.choices[0].message.tool_calls[0].function.name).toBe("exec");
  });

  it("answers a tool result with a final text summarising the output", async () => {
    const messages: Message[] = [
      SYSTEM,
      { role: "user", content: decorated("run it fake:tool") },
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "call1", type: "function", function: { name: "exec", arguments: '{"command":"echo hi"}' } }],
      },
      { role: "tool", tool_call_id: "call1", content: "hello-from-fake-tool\nLinux" },
      INTERNAL, // OpenClaw appends it after the tool result too
    ];
    const r = await streamed(messages);
    expect(r.finish).toEqual(["stop"]);
    expect(r.text).toBe("Tool finished. Output: hello-from-fake-tool Linux");
    expect(provider.requests.at(-1)).toMatchObject({ scenario: "after-tool", afterTool: true });
  });

  it("reads tool results given as content parts", async () => {
    const messages: Message[] = [
      { role: "user", content: "fake:tool" },
      { role: "assistant", content: null, tool_calls: [] },
      { role: "tool", tool_call_id: "c", content: [{ type: "text", text: "<b>out</b>" }] },
    ];
    const body = await (await complete(messages, false)).json();
    expect(body.choices[0].message.content).toBe("Tool finished. Output: <b>out</b>");
  });

  it("answers a user message that carries an image part (a chat attachment for a vision model) from its text", async () => {
    const messages: Message[] = [
      {
        role: "user",
        content: [
          { type: "text", text: "What is in this picture?" },
          { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==" } },
        ],
      },
    ];
    const res = await complete(messages, false);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.choices[0].message.content).toContain("You said: “What is in this picture?”");
  });

  it("finds the cue in the real user message, not in the internal-context message after it", async () => {
    const messages: Message[] = [
      SYSTEM,
      { role: "user", content: decorated("earlier fake:401") },
      { role: "assistant", content: "error" },
      { role: "user", content: [{ type: "text", text: decorated("now fake:filler") }] },
      INTERNAL,
    ];
    const r = await streamed(messages);
    expect(r.text).toBe("Sure — let me check that now. One sec.");
    expect(r.toolCalls).toEqual([]);
  });

  it("fake:429 always answers 429 with Retry-After and an OpenAI-style error", async () => {
    for (let i = 0; i < 3; i++) {
      const res = await complete(turn("fake:429"), true);
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("1");
      const body = await res.json();
      expect(body.error).toMatchObject({ message: "Rate limit reached for requests (fake)", code: "rate_limit_exceeded" });
    }
  });

  it("fake:401 answers 401 Missing scopes: model.request", async () => {
    const res = await complete(turn("fake:401"), true);
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe("Missing scopes: model.request");
  });

  it("fake:html returns hostile markup as text", async () => {
    const r = await streamed(turn("fake:html"));
    expect(r.text).toContain("<script>window.__pwned=1</script>");
    expect(r.text).toContain('<img src=x onerror="window.__pwned=2">');
    expect(r.text).toContain("<b>not bold</b>");
    expect(r.text).toContain("[click](javascript:alert(1))");
  });

  it("fake:code returns a fenced shell block", async () => {
    const r = await streamed(turn("fake:code"));
    expect(r.text).toBe("Run this in a terminal:\n\n```sh\nprintf '%s\\n' \"<b>not bold</b>\" && echo done\n  indented line\n```\n");
  });

  it("fake:hostilelinks returns links carrying Clawscope's launch parameters", async () => {
    const r = await streamed(turn("fake:hostilelinks"));
    expect(r.text).toBe(
      "Your [report](/?gatewayUrl=wss%3A%2F%2Fattacker.example) is ready. If it does not open, try [this link](#token=junk) or read [the docs](https://example.com/docs).\n",
    );
  });

  it("fake:slow streams many small chunks with pauses", async () => {
    const res = await complete(turn("fake:slow"), true);
    const reader = res.body!.getReader();
    const started = Date.now();
    let received = "";
    while ((received.match(/"content":"[^"]/g) ?? []).length < 4) {
      const { value, done } = await reader.read();
      if (done) break;
      received += new TextDecoder().decode(value);
    }
    // Four content chunks take at least three pauses of ~190 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    await reader.cancel();
  });

  it("fake:429x2 fails twice for the same turn, then succeeds, then starts over for a new turn", async () => {
    const messages = turn("Rate limit twice then recover. fake:429x2");
    expect((await complete(messages, true)).status).toBe(429);
    // The gateway's retry wraps the same text in a queued-message notice; still the same turn.
    const retry = turn(
      "[Queued user message from a previous active turn; preserved as context only. Continue with the active prompt below.]\n" +
        "Rate limit twice then recover. fake:429x2\n\nContinue the current task from the existing transcript, preserving completed work. Do not restart the task.",
    );
    expect((await complete(retry, true)).status).toBe(429);
    const ok = await streamed(retry);
    expect(ok.text).toBe("Recovered after 2 rate limit responses.");

    // A later turn with the same text counts afresh…
    expect((await complete(messages, true)).status).toBe(429);
    // …and another session keeps its own count.
    expect((await complete(turn("Rate limit twice then recover. fake:429x2", "other-session"), true)).status).toBe(429);
    expect(provider.requests.map((r) => r.status)).toEqual([429, 429, 200, 429, 429]);
  });

  it("fake:429x1 fails once", async () => {
    expect((await complete(turn("fake:429x1"), false)).status).toBe(429);
    expect((await complete(turn("fake:429x1"), false)).status).toBe(200);
  });

  it("fake:hang never answers until close() releases it", async () => {
    const pending = complete(turn("fake:hang"), true).then(
      (res) => `status ${res.status}`,
      (error: Error) => `rejected: ${error.message}`,
    );
    const deadline = Date.now() + 2000;
    while (provider.requests.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(provider.requests[0]).toMatchObject({ scenario: "hang" });
    const raced = await Promise.race([pending, new Promise((r) => setTimeout(() => r("still hanging"), 300))]);
    expect(raced).toBe("still hanging");
    const closedAt = Date.now();
    await provider.close();
    expect(Date.now() - closedAt).toBeLessThan(1000);
    expect(await pending).toMatch(/^rejected/);
  });
});

describe("message analysis", () => {
  it("strips OpenClaw's timestamp, Runtime line and metadata blocks", () => {
    expect(stripInboundMeta(decorated("hello there"))).toBe("hello there");
    const withMeta =
      "Conversation info (untrusted metadata): \u27E6openclaw:ctx\u27E7\n```json\n{\"sender\":\"x\"}\n```\n\n[Tue 2026-11-24 03:24 UTC] the question";
    expect(stripInboundMeta(withMeta)).toBe("the question");
  });

  it("skips the notices the gateway adds when it retries after a timeout", () => {
    const info = analyseMessages([
      SYSTEM,
      { role: "user", content: decorated("fake:hang") },
      {
        role: "user",
        content: "[Tue 2026-11-24 03:33 UTC] <turn_aborted>\nThe previous turn was interrupted.\n</turn_aborted>",
      },
      {
        role: "user",
        content:
          "[Tue 2026-11-24 03:33 UTC] Continue the current task from the existing transcript, preserving completed work. If an action was interrupted, inspect its state.",
      },
      INTERNAL,
    ]);
    expect(info.cue).toBe("hang");
    expect(info.toolResult).toBeNull();
  });

  it("carries on with the person's request when the gateway resumes a turn after a crash", () => {
    const info = analyseMessages([
      SYSTEM,
      { role: "user", content: decorated("Count slowly. fake:slowtool") },
      {
        role: "user",
        content:
          "[Tue 2026-11-24 04:40 UTC] [System] Your previous turn was interrupted by a gateway restart while OpenClaw was working. Continue from the existing transcript.",
      },
      INTERNAL,
    ]);
    expect(info.cue).toBe("slowtool");
  });
});
