import { describe, expect, it } from "vitest";
import { MESSAGE_SEARCH_LIMIT, MESSAGE_SEARCH_PAUSE_MS, messageSearchTerm, orderHits, parseMessageSearch, searchDelay, type MessageHit } from "./message-search";

/** The answer the real gateway (2026.9.6) gave to `sessions.search {query: "zanzibarquokka", scope: {}}`, rows cut short. */
const REAL_ANSWER = {
  results: [
    {
      sessionKey: "agent:main:explore-a",
      sessionId: "6f620e7e-af72-466e-86fc-4819f9672ec5",
      messageId: "5acf4e4f-f7d4-40ae-8315-fd55d18e00a1",
      role: "user",
      timestamp: 1796153641790,
      snippet: "Remember the word zanzibarquokka please",
      score: 0.0000014864864864864866,
    },
    {
      sessionKey: "agent:main:explore-b",
      sessionId: "a1193f62-d0d0-498c-a05e-82485d528f29",
      messageId: "878344f3-49f0-49c4-a440-53cb626f4b1b",
      role: "user",
      timestamp: 1796153641808,
      snippet: "Hostile <img src=x onerror=alert(1)> text zanzibarquokka",
      score: 0.000001354679802955665,
    },
  ],
  sessions: [
    { key: "agent:main:explore-a", agentId: "main", updatedAt: 1796153726788, status: "done" },
    { key: "agent:main:explore-b", agentId: "main", label: "Hostile one", updatedAt: 1796153727061 },
  ],
};

function hit(messageId: string, score: number, at?: number, sessionKey = "agent:main:a"): MessageHit {
  return { sessionKey, sessionId: "s", messageId, role: "user", at, snippet: messageId, score };
}

describe("messageSearchTerm", () => {
  it("trims and makes runs of spaces one, since the gateway matches every word in any order", () => {
    expect(messageSearchTerm("  zanzibar \n quokka  ")).toBe("zanzibar quokka");
  });

  it("asks nothing for an empty box or a single character", () => {
    expect(messageSearchTerm("")).toBeNull();
    expect(messageSearchTerm("   ")).toBeNull();
    expect(messageSearchTerm(" a ")).toBeNull();
    expect(messageSearchTerm("ab")).toBe("ab");
  });

  it("stays within the gateway's 4,096-character limit", () => {
    expect(messageSearchTerm("x".repeat(5000))).toHaveLength(4096);
  });
});

describe("searchDelay", () => {
  it("waits the pause for a new term, and nothing when the term is unchanged or cleared", () => {
    expect(MESSAGE_SEARCH_PAUSE_MS).toBe(200);
    expect(searchDelay("quokka", "quokk")).toBe(200);
    expect(searchDelay("quokka", null)).toBe(200);
    expect(searchDelay("quokka", "quokka")).toBe(0);
    expect(searchDelay(null, "quokka")).toBe(0);
  });
});

describe("parseMessageSearch", () => {
  it("reads the real gateway's answer: hits best first, the sessions' rows, no notes", () => {
    const answer = parseMessageSearch(REAL_ANSWER, "every-agent");
    expect(answer.hits).toEqual([
      {
        sessionKey: "agent:main:explore-a",
        sessionId: "6f620e7e-af72-466e-86fc-4819f9672ec5",
        messageId: "5acf4e4f-f7d4-40ae-8315-fd55d18e00a1",
        role: "user",
        at: 1796153641790,
        snippet: "Remember the word zanzibarquokka please",
        score: 0.0000014864864864864866,
      },
      {
        sessionKey: "agent:main:explore-b",
        sessionId: "a1193f62-d0d0-498c-a05e-82485d528f29",
        messageId: "878344f3-49f0-49c4-a440-53cb626f4b1b",
        role: "user",
        at: 1796153641808,
        snippet: "Hostile <img src=x onerror=alert(1)> text zanzibarquokka",
        score: 0.000001354679802955665,
      },
    ]);
    expect(answer.sessions.map((row) => [row.key, row.title])).toEqual([
      ["agent:main:explore-b", "Hostile one"],
      ["agent:main:explore-a", "explore-a"],
    ]);
    expect(answer.indexing).toBe(false);
    expect(answer.archivedExcluded).toBe(0);
  });

  it("reads the gateway's notes: still indexing, archived transcripts left out", () => {
    const answer = parseMessageSearch({ results: [], indexing: true, archivedTranscriptsExcluded: 3, truncated: true }, "default-agent");
    expect(answer).toEqual({ hits: [], reach: "default-agent", sessions: [], indexing: true, archivedExcluded: 3 });
  });

  it("drops hits it cannot open or show, and treats a 0 time as no time", () => {
    const answer = parseMessageSearch({
      results: [
        { sessionKey: "agent:main:a", messageId: "m1", role: "assistant", timestamp: 0, snippet: "kept", score: 1 },
        { sessionKey: "", messageId: "m2", snippet: "no session" },
        { sessionKey: "agent:main:a", snippet: "no message id" },
        { sessionKey: "agent:main:a", messageId: "m3", snippet: 42 },
        null,
        "text",
      ],
    }, "every-agent");
    expect(answer.hits).toEqual([{ sessionKey: "agent:main:a", sessionId: "", messageId: "m1", role: "assistant", at: undefined, snippet: "kept", score: 1 }]);
  });

  it("answers nothing found for a payload that is not an answer", () => {
    expect(parseMessageSearch(null, "every-agent")).toEqual({ hits: [], reach: "every-agent", sessions: [], indexing: false, archivedExcluded: 0 });
    expect(parseMessageSearch({ results: "many" }, "every-agent").hits).toEqual([]);
  });

  it("shows at most the limit", () => {
    const many = Array.from({ length: 30 }, (_, index) => ({ sessionKey: "agent:main:a", messageId: `m${index}`, snippet: "x", score: index }));
    expect(parseMessageSearch({ results: many }, "every-agent").hits).toHaveLength(MESSAGE_SEARCH_LIMIT);
  });
});

describe("orderHits", () => {
  it("puts the best score first, then the newest, then a stable id order", () => {
    const ordered = orderHits([hit("b", 1, 10), hit("old", 2, 5), hit("new", 2, 50), hit("a", 1, 10), hit("untimed", 2)]);
    expect(ordered.map((found) => found.messageId)).toEqual(["new", "old", "untimed", "a", "b"]);
  });

  it("lists a message once even when the gateway sends it twice", () => {
    const ordered = orderHits([hit("m", 1, 10), hit("m", 1, 10), hit("m", 1, 10, "agent:main:other")]);
    expect(ordered.map((found) => `${found.sessionKey}/${found.messageId}`)).toEqual(["agent:main:a/m", "agent:main:other/m"]);
  });
});
