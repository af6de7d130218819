#!/usr/bin/env node
// A scripted OpenAI-compatible model provider on loopback: the only stand-in in
// the project. The real OpenClaw gateway talks to it exactly as it would talk to a
// hosted model, so every gateway behaviour the UI shows (tool runs, retries, auth
// failures, timeouts) is produced by the real gateway, not by a mock.
//
// Scenarios are picked by a cue `fake:<name>` in the newest real user message.
// Without a cue the reply is a friendly echo, so the app is usable by hand.

import http from "node:http";
import { mkdirSync, writeFileSync } from "node:fs";
import { join as joinPath } from "node:path";
import { pathToFileURL } from "node:url";
import { sendCompletion, sendJson } from "./scripted-provider/chat-completions.mjs";
import { clip } from "./scripted-provider/clip.mjs";
import { choosePlan, SCENARIOS } from "./scripted-provider/cues.mjs";
import { analyseMessages } from "./scripted-provider/openclaw-messages.mjs";


const MODEL_ID = "fake-model";

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
        await sendCompletion(res, plan, stream, summary.model ?? MODEL_ID, body?.stream_options?.include_usage === true);
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
