// @vitest-environment jsdom
import { GatewayProtocolRequestError } from "@openclaw/gateway-client/browser";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { MessageSearchState } from "../model/message-search-state";
import { useMessageSearch } from "./use-message-search";

interface Pending {
  params: { query: string; limit: number; scope?: unknown };
  answer(payload: unknown): void;
  fail(error: Error): void;
}

/** The gateway as the hook sees it: every `sessions.search` waits until the test answers it. */
const gateway = vi.hoisted(() => ({ online: true, asked: [] as Pending[] }));

vi.mock("@/providers/gateway-provider", () => ({
  useGateway: () => ({
    url: "ws://gateway.test",
    request: (method: string, params: Pending["params"]) => {
      if (method !== "sessions.search") throw new Error(`unexpected ${method}`);
      return new Promise((resolve, reject) => gateway.asked.push({ params, answer: resolve, fail: reject }));
    },
  }),
  useIsOnline: () => gateway.online,
}));

afterEach(() => {
  cleanup();
  gateway.asked = [];
  gateway.online = true;
});

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>{children}</QueryClientProvider>;
}

const answerWith = (messageId: string, snippet: string) => ({
  results: [{ sessionKey: "agent:main:a", sessionId: "s", messageId, role: "user", timestamp: 1796153641790, snippet, score: 1 }],
});

const shown = (state: MessageSearchState) => (state.status === "found" ? state.hits.map((hit) => hit.snippet) : state.status);

function search(initial: string) {
  return renderHook(({ query }) => useMessageSearch(query), { wrapper, initialProps: { query: initial } });
}

describe("useMessageSearch", () => {
  it("asks the gateway once typing pauses, for the whole roster, and not for each key", async () => {
    const { result, rerender } = search("");
    for (const query of ["q", "qu", "quo", "quok", "quokka"]) rerender({ query });
    expect(result.current).toEqual({ status: "searching", term: "quokka" });
    expect(gateway.asked).toHaveLength(0);
    await waitFor(() => expect(gateway.asked).toHaveLength(1));
    expect(gateway.asked[0]?.params).toEqual({ query: "quokka", limit: 20, scope: {} });
    act(() => gateway.asked[0]?.answer(answerWith("m1", "the quokka smiles")));
    await waitFor(() => expect(shown(result.current)).toEqual(["the quokka smiles"]));
    // Clearing the box says nothing at once, with no request.
    rerender({ query: "" });
    expect(result.current).toEqual({ status: "idle", tooShort: false });
    expect(gateway.asked).toHaveLength(1);
  });

  it("never lets a late answer for an older query replace the newer query's answer", async () => {
    const { result, rerender } = search("quokka");
    await waitFor(() => expect(gateway.asked).toHaveLength(1));
    rerender({ query: "quokka smiles" });
    await waitFor(() => expect(gateway.asked).toHaveLength(2));
    const [older, newer] = gateway.asked as [Pending, Pending];
    expect([older.params.query, newer.params.query]).toEqual(["quokka", "quokka smiles"]);

    act(() => newer.answer(answerWith("new", "the quokka smiles")));
    await waitFor(() => expect(shown(result.current)).toEqual(["the quokka smiles"]));
    act(() => older.answer(answerWith("old", "an older quokka")));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shown(result.current)).toEqual(["the quokka smiles"]);
  });

  it("keeps searching while only an older query has been answered", async () => {
    const { result, rerender } = search("quokka");
    await waitFor(() => expect(gateway.asked).toHaveLength(1));
    rerender({ query: "wombat" });
    await waitFor(() => expect(gateway.asked).toHaveLength(2));
    act(() => gateway.asked[0]?.answer(answerWith("old", "an older quokka")));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current).toEqual({ status: "searching", term: "wombat" });
    act(() => gateway.asked[1]?.answer({ results: [] }));
    await waitFor(() => expect(result.current.status).toBe("no-matches"));
  });

  it("says the connection is needed while offline, and asks nothing", async () => {
    gateway.online = false;
    const { result } = search("quokka");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(result.current).toEqual({ status: "offline" });
    expect(gateway.asked).toHaveLength(0);
  });
});

describe("useMessageSearch while the gateway indexes", () => {
  it("asks again while the gateway says it is still indexing, and stops once it is done", async () => {
    const { result } = search("quokka");
    await waitFor(() => expect(gateway.asked).toHaveLength(1));
    act(() => gateway.asked[0]?.answer({ results: [], indexing: true }));
    await waitFor(() => expect(result.current.status).toBe("no-matches"));
    await waitFor(() => expect(gateway.asked).toHaveLength(2), { timeout: 3_000 });
    act(() => gateway.asked[1]?.answer({ ...answerWith("m1", "the quokka smiles") }));
    await waitFor(() => expect(shown(result.current)).toEqual(["the quokka smiles"]));
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(gateway.asked).toHaveLength(2);
  }, 10_000);
});

describe("useMessageSearch against a gateway whose search predates `scope`", () => {
  it("asks once more without `scope` when the gateway refuses it by name, and says the search covered the default agent's sessions", async () => {
    const { result } = search("quokka");
    await waitFor(() => expect(gateway.asked).toHaveLength(1));
    expect(gateway.asked[0]?.params).toEqual({ query: "quokka", limit: 20, scope: {} });
    act(() => gateway.asked[0]?.fail(new GatewayProtocolRequestError({ code: "INVALID_REQUEST", message: "invalid sessions.search params: at root: unexpected property 'scope'" })));
    await waitFor(() => expect(gateway.asked).toHaveLength(2));
    expect(gateway.asked[1]?.params).toEqual({ query: "quokka", limit: 20 });
    expect(result.current).toEqual({ status: "searching", term: "quokka" });
    act(() => gateway.asked[1]?.answer(answerWith("m1", "the quokka smiles")));
    await waitFor(() => expect(shown(result.current)).toEqual(["the quokka smiles"]));
    expect(result.current.status === "found" && result.current.answer.reach).toBe("default-agent");
    expect(gateway.asked).toHaveLength(2);
  });

  it("shows any other refusal as it is, without asking again", async () => {
    const { result } = search("quokka");
    await waitFor(() => expect(gateway.asked).toHaveLength(1));
    act(() => gateway.asked[0]?.fail(new GatewayProtocolRequestError({ code: "INVALID_REQUEST", message: "invalid sessions.search params: at /scope: unexpected property 'bogus'" })));
    await waitFor(() => expect(result.current).toEqual({ status: "error", message: "invalid sessions.search params: at /scope: unexpected property 'bogus'" }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(gateway.asked).toHaveLength(1);
  });
});
