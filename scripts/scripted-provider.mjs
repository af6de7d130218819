#!/usr/bin/env node
// A scripted OpenAI-compatible model provider on loopback: the only stand-in in
// the project. The real OpenClaw gateway talks to it exactly as it would talk to a
// hosted model, so every gateway behaviour the UI shows (tool runs, retries, auth
// failures, timeouts) is produced by the real gateway, not by a mock.
//
// Scenarios are picked by a cue `fake:<name>` in the newest real user message.
// Without a cue the reply is a friendly echo, so the app is usable by hand.

import http from "node:http";
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join as joinPath } from "node:path";
import { pathToFileURL } from "node:url";

const MODEL_ID = "fake-model";
// OpenClaw appends this user message after the real one (and after tool results),
// so "the last user message" is never the one the person typed.
const INTERNAL_CONTEXT = "<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>";
// OpenClaw's own prefix stripping (dist/strip-inbound-meta-*.mjs) keys on these.
const TIMESTAMP_PREFIX = /^\[[A-Za-z]{3} \d{4}-\d{2}-\d{2} \d{2}:\d{2}[^\]]*\] */;
const CTX_MARKER = "\u27E6openclaw:ctx\u27E7";
// The first user message of a session also carries a "Runtime: agent=… | sessionId=…" line.
const RUNTIME_LINE = /^Runtime: agent=.*$/gm;
const SESSION_ID = /\bsessionId=([\w-]+)/;
// A retried turn re-sends the user's text wrapped in these (QUEUED_USER_MESSAGE_MARKER and
// CONTINUATION_PROMPT in openclaw's dist); unwrapped, retries of one turn look identical.
const QUEUED_MARKER = /^\[Queued user message from a previous active turn;[^\]]*\]\s*$/m;
const CONTINUATION = /\n*^Continue the current task from the existing transcript, preserving completed work\.[\s\S]*$/m;
const CUE = /\bfake:([a-z0-9]+)/i;

/** @typedef {{ role: string, content?: unknown, tool_calls?: unknown[] }} ChatMessage */
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

/** @type {Record<string, (ctx: { userText: string }) => Plan>} */
const SCENARIOS = {
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
  htmltool: () => ({
    kind: "tool",
    name: "exec",
    args: { command: "printf '%s\\n' '<script>window.__pwned=3</script>' '<img src=x onerror=window.__pwned=4>'" },
  }),
};

/** @param {unknown} content */
function textOf(content) {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (typeof part === "string" ? part : part && typeof part.text === "string" ? part.text : ""))
      .join("");
  }
  return "";
}

/** Recovers what the person typed from OpenClaw's decorated user message. @param {string} text */
export function stripInboundMeta(text) {
  let out = text.replace(TIMESTAMP_PREFIX, "");
  if (out.includes(CTX_MARKER)) {
    const lines = out.split("\n");
    const line = (/** @type {number} */ i) => (lines[i] ?? "").trim();
    const kept = [];
    for (let i = 0; i < lines.length; i++) {
      if (!line(i).endsWith(CTX_MARKER)) {
        kept.push(lines[i]);
        continue;
      }
      // A metadata header is followed either by a ```json fence or by lines up to a blank line.
      if (line(i + 1) === "```json") {
        i += 2;
        while (i < lines.length && line(i) !== "```") i++;
      } else {
        while (i + 1 < lines.length && line(i + 1) !== "") i++;
      }
    }
    out = kept.join("\n");
  }
  return out.replace(RUNTIME_LINE, "").replace(QUEUED_MARKER, "").replace(CONTINUATION, "").trim().replace(TIMESTAMP_PREFIX, "").trim();
}

/** @param {ChatMessage} m */
const isInternalContext = (m) => m.role === "user" && textOf(m.content).includes(INTERNAL_CONTEXT);

// After an idle timeout the gateway retries with a `<turn_aborted>` notice and a bare
// continuation prompt as new user messages; the person's request is the one before.
const TURN_ABORTED = /^<turn_aborted>[\s\S]*<\/turn_aborted>$/;
// After a crash the gateway resumes the turn with its own "[System] … interrupted" message;
// a model carries on with what the person asked before it.
const RESTART_RECOVERY = /^\[System\]\s+Your previous turn was interrupted by a gateway restart/i;

/**
 * Reads what a request is about: the newest real user message, its cue, and
 * whether the model is being called back with a tool result.
 * @param {ChatMessage[]} messages
 */
export function analyseMessages(messages) {
  const real = messages.filter((m) => !isInternalContext(m));
  const last = real.at(-1);
  const userTexts = real
    .filter((m) => m.role === "user")
    .map((m) => stripInboundMeta(textOf(m.content)))
    .filter((text) => text !== "" && !TURN_ABORTED.test(text) && !RESTART_RECOVERY.test(text));
  const userText = userTexts.at(-1) ?? "";
  const cue = CUE.exec(userText)?.[1]?.toLowerCase() ?? null;
  const sessionId = real.map((m) => (m.role === "user" ? SESSION_ID.exec(textOf(m.content))?.[1] : undefined)).find(Boolean) ?? "";
  return {
    userText,
    cue,
    // Retries of a turn resend the same transcript (plus notices); a new turn adds a user message.
    turnKey: `${sessionId}\u0000${userTexts.length}\u0000${userText}`,
    toolResult: last?.role === "tool" ? textOf(last.content) : null,
  };
}

/** @param {string} s @param {number} n */
const clip = (s, n) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

/**
 * @param {ReturnType<typeof analyseMessages>} info
 * @param {Map<string, number>} failures 429xN counts per turn
 * @returns {{ scenario: string, plan: Plan }}
 */
function choosePlan(info, failures) {
  if (info.toolResult !== null) {
    const output = clip(info.toolResult, 400) || "(no output)";
    return { scenario: "after-tool", plan: { kind: "text", chunks: ["Tool finished. ", `Output: ${output}`] } };
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

/** @param {http.ServerResponse} res @param {number} status @param {unknown} body @param {Record<string,string>} [headers] */
function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {http.ServerResponse} res
 * @param {Plan & { kind: "text" | "tool" }} plan
 * @param {boolean} stream
 * @param {string} model
 */
async function sendCompletion(res, plan, stream, model) {
  const id = `chatcmpl-${randomUUID()}`;
  const created = Math.floor(Date.now() / 1000);
  const text = plan.kind === "text" ? plan.chunks.join("") : "";
  const toolCall =
    plan.kind === "tool"
      ? { id: `call_${randomUUID().replaceAll("-", "").slice(0, 24)}`, type: "function", function: { name: plan.name, arguments: JSON.stringify(plan.args) } }
      : null;
  const finishReason = toolCall ? "tool_calls" : "stop";
  const usage = { prompt_tokens: 42, completion_tokens: Math.max(1, Math.ceil((text.length || 20) / 4)), total_tokens: 0 };
  usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;

  if (!stream) {
    const message = toolCall ? { role: "assistant", content: null, tool_calls: [toolCall] } : { role: "assistant", content: text };
    sendJson(res, 200, { id, object: "chat.completion", created, model, choices: [{ index: 0, message, finish_reason: finishReason }], usage });
    return;
  }

  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  /** @param {object} delta @param {string | null} [finish] @param {object} [extra] */
  const chunk = (delta, finish = null, extra = {}) =>
    `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;

  res.write(chunk({ role: "assistant", content: "" }));
  if (toolCall) {
    // Real providers stream the arguments in pieces; the gateway must reassemble them.
    const args = toolCall.function.arguments;
    const cut = Math.ceil(args.length / 2);
    res.write(chunk({ tool_calls: [{ index: 0, id: toolCall.id, type: "function", function: { name: toolCall.function.name, arguments: "" } }] }));
    res.write(chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(0, cut) } }] }));
    res.write(chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(cut) } }] }));
  } else if (plan.kind === "text") {
    for (const piece of plan.chunks) {
      if (res.destroyed) return;
      res.write(chunk({ content: piece }));
      await sleep(plan.delayMs ?? 15);
    }
  }
  if (res.destroyed) return;
  res.write(chunk({}, finishReason));
  res.write(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [], usage })}\n\n`);
  res.end("data: [DONE]\n\n");
}

/** @param {http.IncomingMessage} req @returns {Promise<string>} */
function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const parts = [];
    req.on("data", (c) => parts.push(c));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * @typedef {{ at: string, method: string, path: string, scenario: string, status: number,
 *   stream: boolean, model: string | null, nMessages: number, afterTool: boolean,
 *   userText: string, tools: string[], auth: boolean }} RequestSummary
 */

/**
 * Starts the provider. Use port 0 for a free port.
 * @param {{ host?: string, port?: number, log?: (line: string) => void }} [options]
 * @returns {Promise<{ url: string, port: number, requests: RequestSummary[], close: () => Promise<void> }>}
 */
export async function startScriptedProvider({ host = "127.0.0.1", port = 0, log } = {}) {
  /** @type {RequestSummary[]} */
  const requests = [];
  /** @type {Map<string, number>} */
  const failures = new Map();
  /** @type {Set<http.ServerResponse>} */
  const hanging = new Set();
  // Raw request bodies, for seeing exactly what the gateway sends to a model.
  const dumpDir = process.env.CLAWSCOPE_PROVIDER_DUMP_DIR || null;
  let dumped = 0;

  const server = http.createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    try {
      if (req.method === "GET" && (path === "/v1/models" || path === "/models")) {
        sendJson(res, 200, { object: "list", data: [{ id: MODEL_ID, object: "model", created: 0, owned_by: "clawscope-scripted" }] });
        return;
      }
      if (req.method !== "POST" || !(path === "/v1/chat/completions" || path === "/chat/completions")) {
        sendJson(res, 404, { error: { message: `No route for ${req.method} ${path}`, type: "invalid_request_error", code: "not_found" } });
        return;
      }
      /** @type {any} */
      let body;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        sendJson(res, 400, { error: { message: "Request body is not JSON", type: "invalid_request_error", code: "bad_json" } });
        return;
      }
      if (dumpDir) {
        mkdirSync(dumpDir, { recursive: true });
        writeFileSync(joinPath(dumpDir, `request-${String(++dumped).padStart(4, "0")}.json`), `${JSON.stringify(body, null, 2)}\n`);
      }
      const messages = Array.isArray(body?.messages) ? body.messages : [];
      const info = analyseMessages(messages);
      const { scenario, plan } = choosePlan(info, failures);
      const stream = body?.stream === true;
      const status = plan.kind === "error" ? plan.status : 200;
      const summary = {
        at: new Date().toISOString(),
        method: req.method,
        path,
        scenario,
        status,
        stream,
        model: typeof body?.model === "string" ? body.model : null,
        nMessages: messages.length,
        afterTool: info.toolResult !== null,
        userText: clip(info.userText, 200),
        tools: Array.isArray(body?.tools) ? body.tools.map((/** @type {any} */ t) => t?.function?.name ?? "?") : [],
        auth: typeof req.headers.authorization === "string",
      };
      requests.push(summary);
      if (requests.length > 500) requests.shift();
      log?.(`[provider] ${scenario} → ${plan.kind === "hang" ? "hang" : status}${stream ? " (stream)" : ""} “${clip(info.userText, 60)}”`);

      if (plan.kind === "error") {
        sendJson(res, plan.status, { error: { message: plan.message, type: plan.type, param: null, code: plan.code } }, plan.headers);
      } else if (plan.kind === "hang") {
        hanging.add(res);
        res.on("close", () => hanging.delete(res));
      } else {
        await sendCompletion(res, plan, stream, summary.model ?? MODEL_ID);
      }
    } catch (error) {
      log?.(`[provider] error: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: { message: "scripted provider failed", type: "server_error", code: "internal" } });
      else res.destroy();
    }
  });
  // Long SSE streams and hung requests must not be cut by Node's default timeouts.
  server.requestTimeout = 0;
  server.headersTimeout = 0;

  await new Promise((resolve, reject) => {
    server.once("error", (err) => {
      const code = /** @type {NodeJS.ErrnoException} */ (err).code;
      reject(code === "EADDRINUSE" ? new Error(`Scripted provider: port ${port} on ${host} is already in use.`) : err);
    });
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${actualPort}`;

  let closing = /** @type {Promise<void> | null} */ (null);
  return {
    url,
    port: actualPort,
    requests,
    close() {
      closing ??= new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        hanging.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

async function main() {
  const argv = process.argv.slice(2);
  const flag = (/** @type {string} */ name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (argv.includes("--help")) {
    console.log("usage: node scripts/scripted-provider.mjs [--port 19790] [--host 127.0.0.1]");
    return;
  }
  const port = Number(flag("--port") ?? process.env.CLAWSCOPE_PROVIDER_PORT ?? 19790);
  const host = flag("--host") ?? "127.0.0.1";
  const provider = await startScriptedProvider({ host, port, log: (line) => console.log(line) });
  console.log(`scripted provider listening on ${provider.url}/v1 (cues: fake:${Object.keys(SCENARIOS).join(", fake:")}, fake:429xN)`);
  const stop = () => provider.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
