// OpenClaw decorates the person's message (timestamp, metadata blocks, runtime line) and
// adds messages of its own (internal context, retry and recovery notices). A cue is read
// from what the person typed, so all of that is peeled off first.

/** @typedef {{ role: string, content?: unknown, tool_calls?: unknown[] }} ChatMessage */

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
const CUE = /\bfake:([a-z0-9]+(?:-[a-z0-9]+)*)/i;
// After an idle timeout the gateway retries with a `<turn_aborted>` notice and a bare
// continuation prompt as new user messages; the person's request is the one before.
const TURN_ABORTED = /^<turn_aborted>[\s\S]*<\/turn_aborted>$/;
// After a crash the gateway resumes the turn with its own "[System] … interrupted" message;
// a model carries on with what the person asked before it.
const RESTART_RECOVERY = /^\[System\]\s+Your previous turn was interrupted by a gateway restart/i;

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

/** @typedef {ReturnType<typeof analyseMessages>} RequestInfo */
