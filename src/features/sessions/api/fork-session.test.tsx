// @vitest-environment jsdom
import { GatewayProtocolRequestError } from "@openclaw/gateway-client/browser";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sessionsQueryKey } from "./sessions-query";
import { useForkSession, type ForkedSession } from "./fork-session";

interface Asked {
  method: string;
  params: unknown;
  answer(payload: unknown): void;
  fail(error: Error): void;
}

/** The gateway as the hook sees it: every request waits until the test answers it. */
const gateway = vi.hoisted(() => ({ asked: [] as Asked[] }));

vi.mock("@/providers/gateway-provider", () => ({
  useGateway: () => ({
    url: "ws://gateway.test",
    request: (method: string, params: unknown) => new Promise((answer, fail) => gateway.asked.push({ method, params, answer, fail })),
  }),
}));

afterEach(() => {
  cleanup();
  gateway.asked = [];
});

function forkHook() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(sessionsQueryKey("ws://gateway.test"), { sessions: [] });
  const forked: ForkedSession[] = [];
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const hook = renderHook(() => useForkSession((session) => forked.push(session)), { wrapper });
  const listStale = () => queryClient.getQueryState(sessionsQueryKey("ws://gateway.test"))?.isInvalidated;
  return { hook, forked, listStale };
}

const request = { sessionKey: "agent:main:a", entryId: "e-2", text: "second question" };

describe("useForkSession", () => {
  it("asks the gateway to fork before the message, opens the new session with the gateway's editor text, and rereads the session list", async () => {
    const { hook, forked, listStale } = forkHook();
    act(() => hook.result.current.fork(request));
    await waitFor(() => expect(gateway.asked).toHaveLength(1));
    expect(gateway.asked[0]).toMatchObject({ method: "sessions.fork", params: { sessionKey: "agent:main:a", entryId: "e-2" } });
    expect(hook.result.current.forkingFrom).toBe("agent:main:a");
    act(() => gateway.asked[0]?.answer({ sessionKey: "agent:main:dashboard:new", editorText: "second question, as stored" }));
    await waitFor(() => expect(forked).toEqual([{ sessionKey: "agent:main:dashboard:new", draft: "second question, as stored" }]));
    expect(listStale()).toBe(true);
    expect(hook.result.current.forkingFrom).toBeUndefined();
    expect(hook.result.current.failure).toBeNull();
  });

  it("puts the message as shown in the composer when the gateway sends no editor text", async () => {
    const { hook, forked } = forkHook();
    act(() => hook.result.current.fork(request));
    await waitFor(() => expect(gateway.asked).toHaveLength(1));
    act(() => gateway.asked[0]?.answer({ sessionKey: "agent:main:dashboard:new" }));
    await waitFor(() => expect(forked).toEqual([{ sessionKey: "agent:main:dashboard:new", draft: "second question" }]));
  });

  it("shows the gateway's refusal in its words, opens nothing, and still rereads the session list", async () => {
    const { hook, forked, listStale } = forkHook();
    act(() => hook.result.current.fork(request));
    await waitFor(() => expect(gateway.asked).toHaveLength(1));
    act(() => gateway.asked[0]?.fail(new GatewayProtocolRequestError({ code: "UNAVAILABLE", message: "Fork is unavailable while the agent is working.", retryable: false })));
    await waitFor(() => expect(hook.result.current.failure).toEqual({ from: "agent:main:a", text: "The gateway refused: Fork is unavailable while the agent is working." }));
    expect(forked).toEqual([]);
    expect(listStale()).toBe(true);
    act(() => hook.result.current.dismissFailure());
    await waitFor(() => expect(hook.result.current.failure).toBeNull());
  });

  it("says an answer without a session key is a failure, not a session to open", async () => {
    const { hook, forked } = forkHook();
    act(() => hook.result.current.fork(request));
    await waitFor(() => expect(gateway.asked).toHaveLength(1));
    act(() => gateway.asked[0]?.answer({}));
    await waitFor(() =>
      expect(hook.result.current.failure?.text).toBe("No answer from the gateway (the gateway answered without naming the new session); the session list is read again in case it forked anyway."),
    );
    expect(forked).toEqual([]);
  });
});
