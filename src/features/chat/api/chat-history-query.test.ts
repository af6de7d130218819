import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { GatewayConnection } from "@/gateway/gateway-connection";
import { historyExchanges } from "@/testing/capture-frames";
import { chatHistoryQueryOptions, parseChatHistory, tailLimit, tailStartsAt, type ChatHistory } from "./chat-history-query";

describe("where the tail sits in the session", () => {
  it("starts at total − nextOffset when there is more, at 0 when it reaches the first message", () => {
    expect(tailStartsAt({ hasMore: true, nextOffset: 200, totalMessages: 2_000 })).toBe(1_800);
    expect(tailStartsAt({ hasMore: false, totalMessages: 12 })).toBe(0);
    expect(tailStartsAt({ hasMore: true, nextOffset: 200 })).toBeUndefined();
  });

  it("is read from the real chat.history payload", () => {
    expect(parseChatHistory("s", { messages: [], hasMore: true, nextOffset: 200, totalMessages: 1_400 }).page).toEqual({ hasMore: true, nextOffset: 200, totalMessages: 1_400 });
  });
});

describe("a message waiting to be steered into the running reply", () => {
  // The first read while the first run's tool ran: the second message waits in pendingInputs, and the gateway names its
  // run id as the one in flight. The first run is the one running.
  const [waiting, afterSteer] = historyExchanges("steer-default-mode.jsonl").map((exchange) => exchange.payload);

  it("is not taken for a running run", () => {
    expect((waiting as { inFlightRun: { runId: string } }).inFlightRun.runId).toBe("second-steer");
    expect(parseChatHistory("s", waiting)).toMatchObject({ inFlightRun: null, inFlightRunRaw: undefined, hasActiveRun: true });
  });

  it("leaves an in-flight run that no waiting message names as it is", () => {
    const [queued] = historyExchanges("steer-followup-mode.jsonl").map((exchange) => exchange.payload);
    expect(parseChatHistory("s", queued).inFlightRun).toMatchObject({ runId: "first-followup" });
    expect(parseChatHistory("s", afterSteer).inFlightRun).toBeNull();
  });
});

describe("tailLimit", () => {
  it("asks for 200 rows when no older page is shown", () => {
    expect(tailLimit(undefined, undefined)).toBe(200);
    expect(tailLimit(2_000, undefined)).toBe(200);
  });

  it("reaches back to the older pages shown, with room for what arrived since, up to the gateway's 1,000", () => {
    expect(tailLimit(2_000, 1_800)).toBe(250);
    expect(tailLimit(2_000, 1_700)).toBe(350);
    expect(tailLimit(5_000, 1_000)).toBe(1_000);
  });
});

/** A connection on a socket the test picks, answering chat.history from a script of recorded answers. */
function scriptedConnection(answers: Array<unknown | Error>) {
  const sent: unknown[] = [];
  let socket = "conn-a";
  const connection = {
    url: "ws://gateway.test",
    getSnapshot: () => ({ status: "online", since: 1, server: { connId: socket } }),
    request: async (method: string, params: unknown) => {
      sent.push({ method, params });
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`nothing scripted for ${method}`);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  } as unknown as GatewayConnection;
  return { connection, sent, reconnect: (to: string) => (socket = to) };
}

async function read(queryClient: QueryClient, connection: GatewayConnection, sessionKey: string): Promise<ChatHistory> {
  return queryClient.fetchQuery({ ...chatHistoryQueryOptions(connection, queryClient, sessionKey, true), staleTime: 0 });
}

type Payload = { messages: unknown[]; deltaCursor?: string; activity?: unknown };
const newTurn = historyExchanges("history-delta-new-turn.jsonl").map((read) => read.payload as Payload);
const sigkill = historyExchanges("history-delta-after-sigkill.jsonl").map((read) => read.payload as Payload);
const [tail, , delta, , nextTail, reset] = newTurn as [Payload, Payload, Payload, Payload, Payload, Payload];
const SESSION = "agent:main:delta-probe-mx4pzyp5";

describe("reading history again", () => {
  it.each([
    ["on the same socket (a run ended)", false],
    ["after a reconnect", true],
  ])("reads the tail first, then %s asks only for what changed, merged into the tail held", async (_case, reconnects) => {
    const queryClient = new QueryClient();
    const { connection, sent, reconnect } = scriptedConnection([tail, delta]);
    expect((await read(queryClient, connection, SESSION)).messages).toHaveLength(2);
    if (reconnects) reconnect("conn-b");
    const caughtUp = await read(queryClient, connection, SESSION);
    expect(sent).toEqual([
      { method: "chat.history", params: { sessionKey: SESSION, limit: 200 } },
      { method: "chat.history", params: { sessionKey: SESSION, cursor: tail.deltaCursor } },
    ]);
    expect(caughtUp.messages).toEqual(nextTail.messages);
    expect(caughtUp.page).toEqual({ hasMore: false, nextOffset: undefined, totalMessages: 4 });
    expect(caughtUp.deltaCursor).toBe(nextTail.deltaCursor);
  });

  it.each([
    ["the gateway says reset", reset],
    ["the read fails", new Error("request timed out")],
    ["the answer has another shape", { kind: "delta", messages: [{ role: "user", content: "bare row" }], deltaCursor: "c", sessionInfo: {} }],
  ])("reads the tail whole when %s", async (_case, answer) => {
    const queryClient = new QueryClient();
    const { connection, sent, reconnect } = scriptedConnection([tail, answer, nextTail]);
    await read(queryClient, connection, SESSION);
    reconnect("conn-b");
    const history = await read(queryClient, connection, SESSION);
    expect(sent.slice(1)).toEqual([
      { method: "chat.history", params: { sessionKey: SESSION, cursor: tail.deltaCursor } },
      { method: "chat.history", params: { sessionKey: SESSION, limit: 200 } },
    ]);
    expect(history.messages).toEqual(nextTail.messages);
  });

  it("reads the tail whole when a new row belongs among the held ones (the held copy lost one)", async () => {
    const queryClient = new QueryClient();
    const { connection, sent, reconnect } = scriptedConnection([{ ...nextTail, messages: nextTail.messages.filter((_row, index) => index !== 2) }, delta, nextTail]);
    await read(queryClient, connection, SESSION);
    reconnect("conn-b");
    expect((await read(queryClient, connection, SESSION)).messages).toEqual(nextTail.messages);
    expect(sent).toHaveLength(3);
  });

  it("after a SIGKILL and the gateway's resumed turn, the run registry gets what a tail read gives it", async () => {
    const [preKill, , afterKill, , , , , , postTail, allSince] = sigkill as Payload[];
    const queryClient = new QueryClient();
    const { connection, reconnect } = scriptedConnection([preKill, afterKill, allSince]);
    await read(queryClient, connection, SESSION);
    reconnect("conn-b");
    // Back before the resumed run is in flight: it is active, so the cursor held is kept for the next catch-up.
    const resuming = await read(queryClient, connection, SESSION);
    expect(resuming.hasActiveRun).toBe(true);
    expect(resuming.activeRunIds).toEqual(["0b47252b-c499-43e3-8d77-31814a42d16d"]);
    expect(resuming.deltaCursor).toBe(preKill?.deltaCursor);
    reconnect("conn-c");
    const caughtUp = await read(queryClient, connection, SESSION);
    const whole = parseChatHistory(SESSION, postTail);
    for (const key of ["messages", "activity", "inFlightRun", "activeRunIds", "hasActiveRun", "model"] as const) expect(caughtUp[key]).toEqual(whole[key]);
    expect(caughtUp.deltaCursor).toBe(postTail?.deltaCursor);
  });
});

describe("a message waiting to be steered, read by delta", () => {
  it("is not taken for a running reply: the delta's pendingInputs name it, as a tail read's do", async () => {
    const queryClient = new QueryClient();
    const waiting = { runId: "second-steer", text: "", startedAt: 1 };
    const pendingInputs = { items: [{ runId: "second-steer", state: "queued" }] };
    const { connection } = scriptedConnection([tail, { ...delta, inFlightRun: waiting, pendingInputs }]);
    await read(queryClient, connection, SESSION);
    const caughtUp = await read(queryClient, connection, SESSION);
    expect(caughtUp.messages).toEqual(nextTail.messages);
    expect(caughtUp.inFlightRun).toBeNull();
  });
});
