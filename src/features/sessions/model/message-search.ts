/**
 * Message search (`sessions.search`, OpenClaw's full-text search of transcripts): what is sent for what is typed,
 * when, and the gateway's answer read defensively. The answer's text is the model's and the user's: it is only
 * ever rendered as text.
 */
import { parseSessionRows, type SessionRow } from "./session-row";

/** The pause after the last key before the gateway is asked (names match at once, without it). */
export const MESSAGE_SEARCH_PAUSE_MS = 200;
/** The gateway's own ceiling is 25 (`SessionsSearchParamsSchema`). */
export const MESSAGE_SEARCH_LIMIT = 20;
/** A one-letter word finds little but costs a full-text search on every key. */
export const MESSAGE_SEARCH_MIN_CHARS = 2;
/** The gateway refuses longer queries (`SEARCH_QUERY_MAX_CHARS`). */
const MAX_QUERY_CHARS = 4096;

export interface MessageHit {
  sessionKey: string;
  sessionId: string;
  messageId: string;
  role: "user" | "assistant";
  /** When it was said; undefined when the gateway had no time for it (it sends 0). */
  at?: number;
  /** Up to 48 words around the match, as the gateway cut them (parts joined by " … "). */
  snippet: string;
  score: number;
}

/**
 * Which sessions the gateway searched: every one this client may see, across agents (`scope`), or, on a gateway
 * whose search predates `scope`, the default agent's only.
 */
export type SearchReach = "every-agent" | "default-agent";

export interface MessageSearchAnswer {
  hits: MessageHit[];
  reach: SearchReach;
  /** The matched sessions' rows, sent with a roster-wide (`scope`) search: names for sessions outside the list. */
  sessions: SessionRow[];
  /** The gateway is still building its index the first time: some messages may not be found yet. */
  indexing: boolean;
  /** Transcripts moved to cold storage, which the search leaves out. */
  archivedExcluded: number;
}

/**
 * The term sent for what is typed: trimmed, runs of spaces made one (the gateway matches every word, in any order,
 * so "a  b" and "a b" are one search); null when there is nothing worth asking about.
 */
export function messageSearchTerm(typed: string): string | null {
  const term = typed.trim().replace(/\s+/g, " ").slice(0, MAX_QUERY_CHARS);
  return term.length < MESSAGE_SEARCH_MIN_CHARS ? null : term;
}

/** How long to wait before the typed term becomes the searched one: clearing (or no change) takes effect at once. */
export function searchDelay(typed: string | null, searched: string | null): number {
  return typed === null || typed === searched ? 0 : MESSAGE_SEARCH_PAUSE_MS;
}

function readHit(value: unknown): MessageHit | null {
  if (!value || typeof value !== "object") return null;
  const hit = value as Record<string, unknown>;
  const text = (field: string) => (typeof hit[field] === "string" && hit[field] !== "" ? (hit[field] as string) : undefined);
  const sessionKey = text("sessionKey");
  const messageId = text("messageId");
  if (!sessionKey || !messageId || typeof hit.snippet !== "string") return null;
  const at = typeof hit.timestamp === "number" && Number.isFinite(hit.timestamp) && hit.timestamp > 0 ? hit.timestamp : undefined;
  return {
    sessionKey,
    sessionId: text("sessionId") ?? "",
    messageId,
    role: hit.role === "user" ? "user" : "assistant",
    at,
    snippet: hit.snippet,
    score: typeof hit.score === "number" && Number.isFinite(hit.score) ? hit.score : 0,
  };
}

/** The best first (the gateway's score), then the newest; each message once. */
export function orderHits(hits: readonly MessageHit[]): MessageHit[] {
  const seen = new Set<string>();
  return hits
    .filter((hit) => {
      const identity = `${hit.sessionKey}\u0000${hit.messageId}`;
      if (seen.has(identity)) return false;
      seen.add(identity);
      return true;
    })
    .sort((a, b) => b.score - a.score || (b.at ?? 0) - (a.at ?? 0) || a.messageId.localeCompare(b.messageId));
}

export function parseMessageSearch(payload: unknown, reach: SearchReach): MessageSearchAnswer {
  const answer = payload && typeof payload === "object" ? (payload as Record<string, unknown>) : {};
  const hits = Array.isArray(answer.results) ? answer.results.map(readHit).filter((hit): hit is MessageHit => hit !== null) : [];
  const archived = answer.archivedTranscriptsExcluded;
  return {
    hits: orderHits(hits).slice(0, MESSAGE_SEARCH_LIMIT),
    reach,
    sessions: parseSessionRows({ sessions: answer.sessions }),
    indexing: answer.indexing === true,
    archivedExcluded: typeof archived === "number" && Number.isInteger(archived) && archived > 0 ? archived : 0,
  };
}
