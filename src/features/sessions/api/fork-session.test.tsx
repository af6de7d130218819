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

function forkHook(listed: unknown[] = []) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(sessionsQueryKey("ws://gateway.test"), { sessions: listed });
  const forked: ForkedSession[] = [];
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const hook = renderHook(() => useForkSession(), { wrapper });
  const fork = () => act(() => hook.result.current.fork(request, (session) => forked.push(session)));
  const listStale = () => queryClient.getQueryState(sessionsQueryKey("ws://gateway.test"))?.isInvalidated;
  return { hook, fork, forked, listStale };
}

const request = { sessionKey: "agent:main:a", entryId: "e-2", text: "second question" };
const refusal = (message: string) => new GatewayProtocolRequestError({ code: "INVALID_REQUEST", message, retryable: false });

/** Answers the request the hook is waiting on, once it has asked it. */
async function answer(index: number, method: string, reply: (asked: Asked) => void): Promise<Asked> {
  await waitFor(() => expect(gateway.asked).toHaveLength(index + 1));
  const asked = gateway.asked[index] as Asked;
  expect(asked.method).toBe(method);
  act(() => reply(asked));
  return asked;
}

describe("useForkSession", () => {
  it("asks the gateway to fork before the message, names the fork after its source, and opens it with the gateway's editor text and pictures", async () => {
    const { hook, fork, forked, listStale } = forkHook([{ key: "agent:main:a", label: "Trip plans" }]);
    fork();
    const asked = await answer(0, "sessions.fork", (it) => it.answer({ sessionKey: "agent:main:dashboard:new", editorText: "second question, as stored", editorAttachments: [{ mimeType: "image/png", data: "iVBORw0KGgo=" }, { mimeType: "image/png" }] }));
    expect(asked.params).toEqual({ sessionKey: "agent:main:a", entryId: "e-2" });
    expect(hook.result.current.forkingFrom).toBe("agent:main:a");
    const patch = await answer(1, "sessions.patch", (it) => it.answer({ ok: true }));
    expect(patch.params).toEqual({ key: "agent:main:dashboard:new", label: "Fork of Trip plans" });
    await waitFor(() =>
      expect(forked).toEqual([{ sessionKey: "agent:main:dashboard:new", draft: "second question, as stored", files: [{ mimeType: "image/png", data: "iVBORw0KGgo=" }], label: "Fork of Trip plans" }]),
    );
    expect(listStale()).toBe(true);
    expect(hook.result.current.forkingFrom).toBeUndefined();
    expect(hook.result.current.failure).toBeNull();
  });

  it("puts the message as shown in the composer when the gateway sends no editor text, and names a source without a label by its key", async () => {
    const { fork, forked } = forkHook();
    fork();
    await answer(0, "sessions.fork", (it) => it.answer({ sessionKey: "agent:main:dashboard:new" }));
    const patch = await answer(1, "sessions.patch", (it) => it.answer({ ok: true }));
    expect(patch.params).toEqual({ key: "agent:main:dashboard:new", label: "Fork of a" });
    await waitFor(() => expect(forked).toEqual([{ sessionKey: "agent:main:dashboard:new", draft: "second question", files: [], label: "Fork of a" }]));
  });

  it("skips the names listed sessions hold, and takes the next number when the gateway says a name is in use", async () => {
    const { fork, forked } = forkHook([{ key: "agent:main:a", label: "work" }, { key: "agent:main:b", label: "Fork of work" }]);
    fork();
    await answer(0, "sessions.fork", (it) => it.answer({ sessionKey: "agent:main:dashboard:new" }));
    const first = await answer(1, "sessions.patch", (it) => it.fail(refusal("label already in use: Fork of work (2)")));
    expect(first.params).toEqual({ key: "agent:main:dashboard:new", label: "Fork of work (2)" });
    const second = await answer(2, "sessions.patch", (it) => it.answer({ ok: true }));
    expect(second.params).toEqual({ key: "agent:main:dashboard:new", label: "Fork of work (3)" });
    await waitFor(() => expect(forked.map((session) => session.label)).toEqual(["Fork of work (3)"]));
  });

  it("still opens the fork, unnamed, when the gateway refuses its name for another reason", async () => {
    const { hook, fork, forked } = forkHook([{ key: "agent:main:a", label: "work" }]);
    fork();
    await answer(0, "sessions.fork", (it) => it.answer({ sessionKey: "agent:main:dashboard:new", editorText: "again" }));
    await answer(1, "sessions.patch", (it) => it.fail(refusal("missing scope: operator.write")));
    await waitFor(() => expect(forked).toEqual([{ sessionKey: "agent:main:dashboard:new", draft: "again", files: [] }]));
    expect(gateway.asked).toHaveLength(2);
    expect(hook.result.current.failure).toBeNull();
  });

  it("shows the gateway's refusal in its words, opens nothing, and still rereads the session list", async () => {
    const { hook, fork, forked, listStale } = forkHook();
    fork();
    await answer(0, "sessions.fork", (it) => it.fail(new GatewayProtocolRequestError({ code: "UNAVAILABLE", message: "Fork is unavailable while the agent is working.", retryable: false })));
    await waitFor(() => expect(hook.result.current.failure).toEqual({ from: "agent:main:a", text: "The gateway refused: Fork is unavailable while the agent is working." }));
    expect(forked).toEqual([]);
    expect(gateway.asked).toHaveLength(1);
    expect(listStale()).toBe(true);
    act(() => hook.result.current.dismissFailure());
    await waitFor(() => expect(hook.result.current.failure).toBeNull());
  });

  it("says an answer without a session key is a failure, not a session to open", async () => {
    const { hook, fork, forked } = forkHook();
    fork();
    await answer(0, "sessions.fork", (it) => it.answer({}));
    await waitFor(() =>
      expect(hook.result.current.failure?.text).toBe("No answer from the gateway (the gateway answered without naming the new session); the session list is read again in case it forked anyway."),
    );
    expect(forked).toEqual([]);
  });
});
