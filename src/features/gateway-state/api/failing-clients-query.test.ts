import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { GatewayConnection } from "@/gateway/gateway-connection";
import { gatewayLogTailQueryKey } from "@/lib/log-tail-query";
import { failingClientsQueryOptions } from "./failing-clients-query";

function logLine(fields: Record<string, unknown>, message: string, at: number): string {
  const time = new Date(at).toISOString();
  return JSON.stringify({ "0": '{"subsystem":"gateway/ws"}', "1": fields, "2": message, _meta: { logLevelName: "WARN", date: time }, time, message });
}

describe("failingClientsQueryOptions", () => {
  it("lists the clients refused in the shared log tail", async () => {
    const at = Date.now() - 60_000;
    const lines = [
      logLine({ handshake: "failed", cause: "unauthorized", authReason: "token_mismatch", client: "openclaw-control-ui", instanceId: "tab-1" }, "closed before connect", at),
      logLine({ event: "connected", client: "openclaw-control-ui", instanceId: "tab-2" }, "handshake ok", at),
      "plain text: handshake failed for someone",
    ];
    const requests: unknown[] = [];
    const connection = {
      url: "ws://gateway.test",
      request: async (method: string, params?: unknown) => {
        requests.push({ method, params });
        return { file: "/x.log", cursor: 500, lines };
      },
    } as unknown as GatewayConnection;
    const client = new QueryClient();

    const failing = await client.fetchQuery(failingClientsQueryOptions(connection, true));

    expect(failing).toEqual([
      expect.objectContaining({ key: "tab-1", instanceId: "tab-1", cause: "unauthorized: token_mismatch", failures: 1, firstAt: at, lastAt: at }),
    ]);
    expect(failing).toHaveLength(1);
    expect(requests).toEqual([{ method: "logs.tail", params: { limit: 5_000, maxBytes: 1_000_000 } }]);
    expect(client.getQueryData(gatewayLogTailQueryKey(connection.url))).toMatchObject({ cursor: 500 });
  });
});
