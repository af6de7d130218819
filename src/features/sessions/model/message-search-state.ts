/**
 * What the dialog says about message search at this moment: one state, in words. The request itself is TanStack
 * Query's (keyed by the searched term, so an answer for an older term lands in its own entry and never shows for a
 * newer one); this judges what it and the connection mean.
 */
import { gatewayRefusalOf } from "@/gateway/request-errors";
import { messageSearchTerm, type MessageHit, type MessageSearchAnswer } from "./message-search";

export type MessageSearchState =
  /** Nothing worth searching is typed. */
  | { status: "idle"; tooShort: boolean }
  /** The page is not connected: only names can be matched. */
  | { status: "offline" }
  /** In the pause after a key, or asked and not yet answered. */
  | { status: "searching"; term: string }
  | { status: "found"; term: string; hits: MessageHit[]; answer: MessageSearchAnswer }
  | { status: "no-matches"; term: string; answer: MessageSearchAnswer }
  /** The gateway has no `sessions.search` (an older OpenClaw): its own words. */
  | { status: "unsupported"; said: string }
  | { status: "error"; message: string };

export interface MessageRequest {
  /** TanStack Query's status for the searched term's entry. */
  status: "pending" | "error" | "success";
  data?: MessageSearchAnswer;
  error?: unknown;
}

const METHOD = "sessions.search";

/**
 * A gateway without the method: it says "unknown method: sessions.search" to an admin; to anyone else it first
 * asks for operator.admin, as it does for every method it does not know (a gateway that has it asks for
 * operator.read, which this page always holds).
 */
export function isMissingMethod(error: unknown): boolean {
  const refusal = gatewayRefusalOf(error);
  if (!refusal) return false;
  if (refusal.message === `unknown method: ${METHOD}`) return true;
  const details = refusal.details as { code?: unknown; missingScope?: unknown } | undefined;
  return (details?.code === "MISSING_SCOPE" && details.missingScope === "operator.admin") || refusal.message === "missing scope: operator.admin";
}

/** The one finding a gateway whose `sessions.search` predates `scope` makes about the roster-wide search. */
const SCOPE_REFUSED = "at root: unexpected property 'scope'";

/**
 * A gateway whose `sessions.search` predates `scope` (the roster-wide search) refuses it through its params
 * validator, by name: INVALID_REQUEST "invalid sessions.search params: at root: unexpected property 'scope'" (with
 * any other findings joined by "; "). Asked again without `scope`, it searches the default agent's sessions.
 */
export function refusesScope(error: unknown): boolean {
  const refusal = gatewayRefusalOf(error);
  const prefix = `invalid ${METHOD} params: `;
  if (refusal?.code !== "INVALID_REQUEST" || !refusal.message.startsWith(prefix)) return false;
  return refusal.message.slice(prefix.length).split("; ").includes(SCOPE_REFUSED);
}

function errorWords(error: unknown): string {
  const refusal = gatewayRefusalOf(error);
  if (refusal) return refusal.message;
  return error instanceof Error && error.message !== "" ? error.message : "no answer from the gateway";
}

/** `query` as typed; `searched` the term whose answer `request` is (the typed one's, once typing paused). */
export function messageSearchState(input: { online: boolean; query: string; searched: string | null; request: MessageRequest }): MessageSearchState {
  const { online, query, searched, request } = input;
  const typed = messageSearchTerm(query);
  if (typed === null) return { status: "idle", tooShort: query.trim() !== "" };
  if (!online) return { status: "offline" };
  if (typed !== searched || request.status === "pending") return { status: "searching", term: typed };
  if (request.status === "error") {
    return isMissingMethod(request.error) ? { status: "unsupported", said: errorWords(request.error) } : { status: "error", message: errorWords(request.error) };
  }
  const answer = request.data ?? { hits: [], reach: "every-agent", sessions: [], indexing: false, archivedExcluded: 0 };
  return answer.hits.length > 0 ? { status: "found", term: typed, hits: answer.hits, answer } : { status: "no-matches", term: typed, answer };
}

export interface SearchWords {
  text: string;
  /** An error is announced at once (`role="alert"`); the rest politely. */
  tone: "status" | "alert";
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** What the search found out about an answer that the list cannot show: a narrower search, a first-time index, left-out archives. */
function answerNotes(answer: MessageSearchAnswer): string[] {
  return [
    ...(answer.reach === "default-agent" ? ["This gateway searches the default agent's sessions only."] : []),
    ...(answer.indexing ? ["The gateway is still indexing transcripts: some messages may not be found yet."] : []),
    ...(answer.archivedExcluded > 0 ? [`${plural(answer.archivedExcluded, "archived transcript was", "archived transcripts were")} not searched.`] : []),
  ];
}

/** The gateway matches whole words, every one of them: the words say so, so a half-typed word's "nothing" makes sense. */
function noMessageWith(term: string): string {
  return term.includes(" ") ? `No message has all the words “${term}”.` : `No message has the word “${term}”.`;
}

/** The state in the words the dialog shows under its list; nothing when the list says it all. */
export function messageSearchWords(state: MessageSearchState): SearchWords | null {
  const status = (text: string): SearchWords => ({ text, tone: "status" });
  switch (state.status) {
    case "idle":
      return state.tooShort ? status("Type two or more characters to search messages too.") : null;
    case "offline":
      return status("Searching messages needs the connection to the gateway; session names still match.");
    case "searching":
      return status(`Searching messages for “${state.term}”…`);
    case "found": {
      const notes = answerNotes(state.answer);
      return notes.length > 0 ? status(notes.join(" ")) : null;
    }
    case "no-matches":
      return status([noMessageWith(state.term), ...answerNotes(state.answer)].join(" "));
    case "unsupported":
      return status(`This gateway can't search messages (it answered “${state.said}”); session names still match.`);
    case "error":
      return { text: `Searching messages failed: ${state.message}`, tone: "alert" };
  }
}
