import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { parsedLogLine } from "./log-tail";
import { gatewayLogTailQueryKey, gatewayLogTailQueryOptions, readGatewayLogTail } from "./log-tail-query";

interface Call {
  params: unknown;
  answer(payload: unknown): void;
}

/** A gateway whose `logs.tail` answers only when the test says so. */
function fakeGateway() {
  const calls: Call[] = [];
  const connection = {
    url: "ws://gateway.test",
    request<T>(method: string, params?: unknown): Promise<T> {
      if (method !== "logs.tail") throw new Error(`unexpected ${method}`);
      return new Promise<T>((resolve) => calls.push({ params, answer: (payload) => resolve(payload as T) }));
    },
  };
  return { connection, calls };
}

async function settle(): Promise<void> {
  for (let turn = 0; turn < 10; turn += 1) await Promise.resolve();
}

describe("readGatewayLogTail", () => {
  it("reads the far tail first, then on from the cursor, into one cache entry per gateway", async () => {
    const client = new QueryClient();
    const { connection, calls } = fakeGateway();
    const first = readGatewayLogTail(client, connection);
    await settle();
    calls[0]!.answer({ file: "/x.log", cursor: 100, lines: ["one"] });
    await first;
    const second = readGatewayLogTail(client, connection);
    await settle();
    calls[1]!.answer({ file: "/x.log", cursor: 130, lines: ["two"] });
    const tail = await second;
    expect(calls.map((call) => call.params)).toEqual([
      { limit: 5_000, maxBytes: 1_000_000 },
      { cursor: 100, limit: 5_000, maxBytes: 1_000_000 },
    ]);
    expect(tail.lines.map((line) => parsedLogLine(line).text)).toEqual(["one", "two"]);
    expect(client.getQueryData(gatewayLogTailQueryKey(connection.url))).toBe(tail);
  });

  it("lets a read already under way land, then reads on, so a line written meanwhile is not missed", async () => {
    const client = new QueryClient();
    const { connection, calls } = fakeGateway();
    // A logs panel's follow read, sent before the cooldown line was written.
    const following = client.fetchQuery(gatewayLogTailQueryOptions(connection));
    await settle();
    const providerHealth = readGatewayLogTail(client, connection);
    const clientsList = readGatewayLogTail(client, connection);
    await settle();
    expect(calls).toHaveLength(1);
    calls[0]!.answer({ file: "/x.log", cursor: 100, lines: ["before"] });
    await settle();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.params).toEqual({ cursor: 100, limit: 5_000, maxBytes: 1_000_000 });
    calls[1]!.answer({ file: "/x.log", cursor: 140, lines: ["cooldown"] });
    const [followed, health, clients] = await Promise.all([following, providerHealth, clientsList]);
    expect(followed.lines.map((line) => parsedLogLine(line).text)).toEqual(["before"]);
    expect(health).toBe(clients);
    expect(health.lines.map((line) => parsedLogLine(line).text)).toEqual(["before", "cooldown"]);
  });

  it("fails when the gateway answers in a shape it does not know, and keeps the tail it had", async () => {
    const client = new QueryClient();
    const { connection, calls } = fakeGateway();
    const first = readGatewayLogTail(client, connection);
    await settle();
    calls[0]!.answer({ cursor: 10, lines: ["kept"] });
    const kept = await first;
    const broken = readGatewayLogTail(client, connection);
    await settle();
    calls[1]!.answer({ lines: "nope" });
    await expect(broken).rejects.toThrow("logs.tail answered in an unknown shape");
    expect(client.getQueryData(gatewayLogTailQueryKey(connection.url))).toBe(kept);
  });
});
