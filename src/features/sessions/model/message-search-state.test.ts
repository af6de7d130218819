import { GatewayProtocolRequestError } from "@openclaw/gateway-client/browser";
import { describe, expect, it } from "vitest";
import type { MessageHit, MessageSearchAnswer } from "./message-search";
import { isMissingMethod, messageSearchState, messageSearchWords, refusesScope, type MessageRequest } from "./message-search-state";

const HIT: MessageHit = { sessionKey: "agent:main:a", sessionId: "s", messageId: "m", role: "user", snippet: "the quokka", score: 1 };
const answer = (hits: MessageHit[], extra: Partial<MessageSearchAnswer> = {}): MessageSearchAnswer => ({ hits, reach: "every-agent", sessions: [], indexing: false, archivedExcluded: 0, ...extra });
const success = (data: MessageSearchAnswer): MessageRequest => ({ status: "success", data });
const failure = (error: unknown): MessageRequest => ({ status: "error", error });
const pending: MessageRequest = { status: "pending" };

/** The refusals the real gateway sends, as the client library hands them over. */
const unknownMethod = new GatewayProtocolRequestError({ code: "INVALID_REQUEST", message: "unknown method: sessions.search" });
const adminOnly = new GatewayProtocolRequestError({
  code: "FORBIDDEN",
  message: "missing scope: operator.admin",
  details: { code: "MISSING_SCOPE", missingScope: "operator.admin", requiredScopes: ["operator.admin"] },
});
const unavailable = new GatewayProtocolRequestError({ code: "UNAVAILABLE", message: "Session search scope changed while reading; retry the request" });

const words = (input: Parameters<typeof messageSearchState>[0]) => messageSearchWords(messageSearchState(input));

describe("messageSearchState and its words", () => {
  it("says nothing for an empty box, and asks for a second character after one", () => {
    expect(words({ online: true, query: "  ", searched: null, request: pending })).toBeNull();
    expect(words({ online: true, query: "q", searched: null, request: pending })).toEqual({ text: "Type two or more characters to search messages too.", tone: "status" });
  });

  it("is searching in the pause after a key, and while the gateway has not answered", () => {
    expect(messageSearchState({ online: true, query: "quokka", searched: "quokk", request: success(answer([HIT])) })).toEqual({ status: "searching", term: "quokka" });
    expect(words({ online: true, query: "quokka ", searched: "quokka", request: pending })).toEqual({ text: "Searching messages for “quokka”…", tone: "status" });
  });

  it("shows the hits for the searched term, with nothing more to say", () => {
    const state = messageSearchState({ online: true, query: " quokka", searched: "quokka", request: success(answer([HIT])) });
    expect(state).toEqual({ status: "found", term: "quokka", hits: [HIT], answer: answer([HIT]) });
    expect(messageSearchWords(state)).toBeNull();
  });

  it("says no message has the word, or all the words, and why some may be missing", () => {
    expect(words({ online: true, query: "quokk", searched: "quokk", request: success(answer([])) })?.text).toBe("No message has the word “quokk”.");
    expect(words({ online: true, query: "blue  whale", searched: "blue whale", request: success(answer([], { indexing: true, archivedExcluded: 2 })) })?.text).toBe(
      "No message has all the words “blue whale”. The gateway is still indexing transcripts: some messages may not be found yet. 2 archived transcripts were not searched.",
    );
    expect(words({ online: true, query: "quokka", searched: "quokka", request: success(answer([HIT], { archivedExcluded: 1 })) })?.text).toBe("1 archived transcript was not searched.");
  });

  it("says search needs the connection while offline, whatever was answered before", () => {
    expect(words({ online: false, query: "quokka", searched: "quokka", request: success(answer([HIT])) })).toEqual({
      text: "Searching messages needs the connection to the gateway; session names still match.",
      tone: "status",
    });
  });

  it("says an older gateway cannot search, in the gateway's own words, to an admin and to everyone else", () => {
    expect(words({ online: true, query: "quokka", searched: "quokka", request: failure(unknownMethod) })).toEqual({
      text: "This gateway can't search messages (it answered “unknown method: sessions.search”); session names still match.",
      tone: "status",
    });
    expect(messageSearchState({ online: true, query: "quokka", searched: "quokka", request: failure(adminOnly) })).toEqual({ status: "unsupported", said: "missing scope: operator.admin" });
  });

  it("reports any other failure as an error with the gateway's message, or the local one", () => {
    expect(words({ online: true, query: "quokka", searched: "quokka", request: failure(unavailable) })).toEqual({
      text: "Searching messages failed: Session search scope changed while reading; retry the request",
      tone: "alert",
    });
    expect(words({ online: true, query: "quokka", searched: "quokka", request: failure(new Error("cannot call sessions.search: the gateway connection is reconnecting")) })?.text).toBe(
      "Searching messages failed: cannot call sessions.search: the gateway connection is reconnecting",
    );
  });
});

describe("isMissingMethod", () => {
  it("is true only for the refusals of a gateway that lacks the method", () => {
    expect(isMissingMethod(unknownMethod)).toBe(true);
    expect(isMissingMethod(adminOnly)).toBe(true);
    // Older builds sent the missing scope as INVALID_REQUEST, without details.
    expect(isMissingMethod(new GatewayProtocolRequestError({ code: "INVALID_REQUEST", message: "missing scope: operator.admin" }))).toBe(true);
    expect(isMissingMethod(new GatewayProtocolRequestError({ code: "INVALID_REQUEST", message: "unknown method: sessions.list" }))).toBe(false);
    expect(isMissingMethod(new GatewayProtocolRequestError({ code: "FORBIDDEN", message: "missing scope: operator.read", details: { code: "MISSING_SCOPE", missingScope: "operator.read" } }))).toBe(false);
    expect(isMissingMethod(unavailable)).toBe(false);
    expect(isMissingMethod(new Error("unknown method: sessions.search"))).toBe(false);
  });
});

describe("refusesScope", () => {
  // What a gateway whose sessions.search predates `scope` answers: its params validator (additionalProperties false)
  // through formatValidationErrors, as errorShape(INVALID_REQUEST, `invalid sessions.search params: …`), no details.
  // openclaw 2026.9.6 answers `{ query, bogus: 1, limit: 99 }` with exactly this shape: "invalid sessions.search
  // params: at root: unexpected property 'bogus'; at /limit: must be <= 25".
  const scopeRefused = new GatewayProtocolRequestError({ code: "INVALID_REQUEST", message: "invalid sessions.search params: at root: unexpected property 'scope'" });

  it("is true for the validator's refusal of `scope`, alone or among other findings", () => {
    expect(refusesScope(scopeRefused)).toBe(true);
    expect(
      refusesScope(new GatewayProtocolRequestError({ code: "INVALID_REQUEST", message: "invalid sessions.search params: at root: unexpected property 'scope'; at /limit: must be <= 25" })),
    ).toBe(true);
  });

  it("is false for any other refusal, another property, another method, or a local error with the same words", () => {
    expect(refusesScope(new GatewayProtocolRequestError({ code: "INVALID_REQUEST", message: "invalid sessions.search params: at /scope: unexpected property 'bogus'" }))).toBe(false);
    expect(refusesScope(new GatewayProtocolRequestError({ code: "INVALID_REQUEST", message: "invalid sessions.search params: at root: unexpected property 'scopes'" }))).toBe(false);
    expect(refusesScope(new GatewayProtocolRequestError({ code: "INVALID_REQUEST", message: "invalid sessions.list params: at root: unexpected property 'scope'" }))).toBe(false);
    expect(refusesScope(new GatewayProtocolRequestError({ code: "UNAVAILABLE", message: "invalid sessions.search params: at root: unexpected property 'scope'" }))).toBe(false);
    expect(refusesScope(new Error("invalid sessions.search params: at root: unexpected property 'scope'"))).toBe(false);
    expect(refusesScope(unknownMethod)).toBe(false);
    expect(refusesScope(unavailable)).toBe(false);
  });

  it("is not mistaken for a gateway without the method", () => {
    expect(isMissingMethod(scopeRefused)).toBe(false);
  });
});

describe("an answer from a gateway that searched the default agent's sessions only", () => {
  it("says so under the matches, and beside a no-match", () => {
    expect(words({ online: true, query: "quokka", searched: "quokka", request: success(answer([HIT], { reach: "default-agent" })) })?.text).toBe(
      "This gateway searches the default agent's sessions only.",
    );
    expect(words({ online: true, query: "quokka", searched: "quokka", request: success(answer([], { reach: "default-agent", indexing: true })) })?.text).toBe(
      "No message has the word “quokka”. This gateway searches the default agent's sessions only. The gateway is still indexing transcripts: some messages may not be found yet.",
    );
  });
});
