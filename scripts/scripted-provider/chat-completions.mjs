// The OpenAI chat-completions wire format the gateway's "openai-completions" API speaks:
// one JSON body, or server-sent chunks ending in a usage chunk (when asked for) and [DONE].

import { randomUUID } from "node:crypto";
import { sleep } from "../lib/wait.mjs";

/** @param {import("node:http").ServerResponse} res @param {number} status @param {unknown} body @param {Record<string,string>} [headers] */
export function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/**
 * @param {import("node:http").ServerResponse} res
 * @param {import("./cues.mjs").Plan & { kind: "text" | "tool" }} plan
 * @param {boolean} stream
 * @param {string} model
 * @param {boolean} includeUsage `stream_options.include_usage`: only then does a stream end with a usage chunk
 */
export async function sendCompletion(res, plan, stream, model, includeUsage = true) {
  const id = `chatcmpl-${randomUUID()}`;
  const created = Math.floor(Date.now() / 1000);
  const text = plan.kind === "text" ? plan.chunks.join("") : "";
  const toolCall =
    plan.kind === "tool"
      ? { id: `call_${randomUUID().replaceAll("-", "").slice(0, 24)}`, type: "function", function: { name: plan.name, arguments: JSON.stringify(plan.args) } }
      : null;
  const finishReason = toolCall ? "tool_calls" : "stop";
  const usage = scriptedUsage(text || toolCall?.function.arguments || "");

  if (!stream) {
    const message = toolCall ? { role: "assistant", content: null, tool_calls: [toolCall] } : { role: "assistant", content: text };
    sendJson(res, 200, { id, object: "chat.completion", created, model, choices: [{ index: 0, message, finish_reason: finishReason }], usage });
    return;
  }

  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  /** @param {object} delta @param {string | null} [finish] */
  const chunk = (delta, finish = null) =>
    `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

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
  if (includeUsage) res.write(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [], usage })}\n\n`);
  res.end("data: [DONE]\n\n");
}

/** Every request "reads" 1,234 prompt tokens, 1,024 of them from the cache; a reply costs a token per 4 characters. */
export const SCRIPTED_PROMPT_TOKENS = 1234;
export const SCRIPTED_CACHED_TOKENS = 1024;

/** @param {string} answer the reply text or the tool call's arguments */
export function scriptedUsage(answer) {
  const completion = Math.max(1, Math.ceil(answer.length / 4));
  return {
    prompt_tokens: SCRIPTED_PROMPT_TOKENS,
    completion_tokens: completion,
    total_tokens: SCRIPTED_PROMPT_TOKENS + completion,
    prompt_tokens_details: { cached_tokens: SCRIPTED_CACHED_TOKENS },
  };
}
