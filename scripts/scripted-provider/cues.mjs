// What each cue makes the model do. A scenario is a plan (stream text, call a tool, fail
// or hang); the wire format of the answer is chat-completions.mjs's business.

import { clip } from "./clip.mjs";

/**
 * What the provider does for one request.
 * @typedef {{ kind: "text", chunks: string[], delayMs?: number }
 *   | { kind: "tool", name: string, args: Record<string, unknown> }
 *   | { kind: "error", status: number, message: string, type: string, code: string, headers?: Record<string, string> }
 *   | { kind: "hang" }} Plan
 */

/** @param {Record<string,string>} [headers] @returns {Plan} */
const rateLimited = (headers = { "retry-after": "1" }) => ({
  kind: "error",
  status: 429,
  message: "Rate limit reached for requests (fake)",
  type: "requests",
  code: "rate_limit_exceeded",
  headers,
});

/** @param {string} task @param {string} label @returns {Plan} */
const spawnChild = (task, label) => ({
  kind: "tool",
  name: "tool_call",
  args: { id: "sessions_spawn", args: { task, label, runTimeoutSeconds: 60 } },
});

/** @type {Record<string, (ctx: { userText: string }) => Plan>} */
export const SCENARIOS = {
  text: () => ({
    kind: "text",
    chunks: [
      "Here is a **scripted** reply",
      " from the fake model.\n\n",
      "- it streams in chunks\n",
      "- it has a list\n",
      "- and `inline code`\n",
    ],
  }),
  tool: () => ({ kind: "tool", name: "exec", args: { command: "echo hello-from-fake-tool && uname -s" } }),
  // Sent as `/exec ask=always … fake:approval`, the turn asks the operator before this command runs
  // (a `$((…))` expansion would be refused outright instead of put up for approval).
  approval: () => ({ kind: "tool", name: "exec", args: { command: "echo approved-by-operator && uname -s" } }),
  slowtool: () => ({
    kind: "tool",
    name: "exec",
    args: { command: 'for i in 1 2 3 4 5 6 7 8; do echo "step $i"; sleep 1; done' },
  }),
  slow: () => ({
    kind: "text",
    delayMs: 190, // 47 chunks: about 9 s
    chunks: (
      "This reply is streamed slowly, a few words at a time, so that you can watch " +
      "the run inspector while the model is still talking. It keeps going for a " +
      "while longer than a normal answer would, and then it finishes with a short " +
      "closing sentence. Done."
    ).match(/\S+\s*/g) ?? [],
  }),
  429: () => rateLimited(),
  401: () => ({
    kind: "error",
    status: 401,
    // The gateway shows this text only in lifecycle fallback_step detail ("401 Missing scopes: model.request").
    message: "Missing scopes: model.request",
    type: "invalid_request_error",
    code: "insufficient_scopes",
  }),
  hang: () => ({ kind: "hang" }),
  filler: () => ({ kind: "text", chunks: ["Sure — let me check that now.", " One sec."] }),
  html: () => ({
    kind: "text",
    chunks: [
      "Here is some hostile markup, which must show up as plain text:\n\n",
      "<script>window.__pwned=1</script>\n\n",
      '<img src=x onerror="window.__pwned=2">\n\n',
      "<b>not bold</b>\n\n",
      "And a link that must not run: [click](javascript:alert(1))\n",
    ],
  }),
  // A fenced code block whose text must be copied exactly as written: markup, quotes, indentation.
  code: () => ({
    kind: "text",
    chunks: [
      "Run this in a terminal:\n\n",
      "```sh\n",
      "printf '%s\\n' \"<b>not bold</b>\" && echo done\n",
      "  indented line\n",
      "```\n",
    ],
  }),
  // A prompt-injected reply: links that would move Clawscope to another gateway or swap its token.
  hostilelinks: () => ({
    kind: "text",
    chunks: [
      "Your [report](/?gatewayUrl=wss%3A%2F%2Fattacker.example) is ready. ",
      "If it does not open, try [this link](#token=junk) or read [the docs](https://example.com/docs).\n",
    ],
  }),
  // A sub-agent: the parent calls sessions_spawn through Tool Search; the task carries the child's own cue.
  spawn: () => spawnChild("Print the greeting and the kernel name. fake:tool", "kernel-check"),
  "spawn-fail": () => spawnChild("Try a task the model refuses. fake:refuse", "doomed-check"),
  // A non-retryable model error (HTTP 400): the run fails at once, without retries or cooldown.
  refuse: () => ({
    kind: "error",
    status: 400,
    message: "The scripted model refuses this task (fake)",
    type: "invalid_request_error",
    code: "scripted_refusal",
  }),
  htmltool: () => ({
    kind: "tool",
    name: "exec",
    args: { command: "printf '%s\\n' '<script>window.__pwned=3</script>' '<img src=x onerror=window.__pwned=4>'" },
  }),
};

// A finished child is announced to its parent as a new turn whose user message starts so;
// its fields are "name: value" lines and the child's answer sits in <prompt-data>.
const ANNOUNCE = /^A background task completed\./;

/** @param {string} text */
function readAnnounce(text) {
  if (!ANNOUNCE.test(text)) return null;
  const field = (/** @type {string} */ name) => new RegExp(`^${name}: (.*)$`, "m").exec(text)?.[1]?.trim() ?? "?";
  const result = /<prompt-data>\n?([\s\S]*?)\n?<\/prompt-data>/.exec(text)?.[1] ?? "(no result)";
  return { task: field("task"), status: field("status").split(";")[0], result: clip(result, 400) };
}

/**
 * @param {import("./openclaw-messages.mjs").RequestInfo} info
 * @param {Map<string, number>} failures 429xN counts per turn
 * @returns {{ scenario: string, plan: Plan }}
 */
export function choosePlan(info, failures) {
  if (info.toolResult !== null) {
    const output = clip(info.toolResult, 400) || "(no output)";
    return { scenario: "after-tool", plan: { kind: "text", chunks: ["Tool finished. ", `Output: ${output}`] } };
  }
  const announce = readAnnounce(info.userText);
  if (announce) {
    return {
      scenario: "announce",
      plan: { kind: "text", chunks: [`Sub-agent ${announce.task} reported back (${announce.status}). `, announce.result] },
    };
  }
  const cue = info.cue;
  const times = cue ? /^429x(\d+)$/.exec(cue) : null;
  if (times) {
    const seen = (failures.get(info.turnKey) ?? 0) + 1;
    if (seen <= Number(times[1])) {
      failures.set(info.turnKey, seen);
      return { scenario: cue ?? "429xN", plan: rateLimited() };
    }
    // Success ends the turn, so an identical later message is a new turn and starts over.
    failures.delete(info.turnKey);
    return {
      scenario: cue ?? "429xN",
      plan: { kind: "text", chunks: ["Recovered", ` after ${times[1]} rate limit responses.`] },
    };
  }
  const scripted = cue && Object.hasOwn(SCENARIOS, cue) ? SCENARIOS[cue] : undefined;
  if (cue && scripted) return { scenario: cue, plan: scripted(info) };
  const quote = clip(info.userText, 80) || "(nothing)";
  return {
    scenario: "echo",
    plan: {
      kind: "text",
      chunks: [
        "Hello! I'm the scripted model that ships with Clawscope. ",
        `You said: “${quote}”. `,
        "Add a cue such as `fake:tool` or `fake:429x2` to your message to script a scenario.",
      ],
    },
  };
}
