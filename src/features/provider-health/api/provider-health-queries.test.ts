import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { GatewayConnection } from "@/gateway/gateway-connection";
import type { LogFailures } from "../model/log-failures";
import { logFailuresQueryKey, logFailuresQueryOptions, probeProvider } from "./provider-health-queries";

function cooldownLine(at: number, until: number): string {
  const time = new Date(at).toISOString();
  const fields = { event: "auth_profile_failure_state_updated", provider: "fakeauth", reason: "auth", cooldownUntil: until };
  return JSON.stringify({ "0": '{"subsystem":"agent/embedded"}', "1": fields, "2": "auth profile failure state updated", _meta: { logLevelName: "WARN", date: time }, time });
}

describe("logFailuresQueryOptions", () => {
  it("reads failures through the shared log tail and keeps them after their line has left it", async () => {
    const at = Date.now() - 10_000;
    const pages = [
      { file: "/x.log", cursor: 100, lines: [cooldownLine(at, at + 60_000)] },
      { file: "/x-rolled.log", cursor: 10, lines: [] },
    ];
    const requests: unknown[] = [];
    const connection = {
      url: "ws://gateway.test",
      request: async (_method: string, params?: unknown) => {
        requests.push(params);
        return pages[requests.length - 1];
      },
    } as unknown as GatewayConnection;
    const client = new QueryClient();
    const options = logFailuresQueryOptions(connection, true, () => client.getQueryData<LogFailures>(logFailuresQueryKey(connection.url)));
    const expected = { failures: [{ kind: "cooldown", provider: "fakeauth", at, until: at + 60_000, detail: "auth" }] };

    expect(await client.fetchQuery(options)).toEqual(expected);
    expect(await client.fetchQuery({ ...options, staleTime: 0 })).toEqual(expected);
    expect(requests).toEqual([
      { limit: 5_000, maxBytes: 1_000_000 },
      { cursor: 100, limit: 5_000, maxBytes: 1_000_000 },
    ]);
  });
});

describe("probeProvider", () => {
  it("names the session's agent: a gateway with several agents refuses a probe without one", async () => {
    const calls: Array<[string, unknown]> = [];
    const connection = {
      request: async (method: string, params?: unknown) => {
        calls.push([method, params]);
        return { status: "auth", error: "401 Missing scopes: model.request" };
      },
    } as unknown as GatewayConnection;
    expect(await probeProvider(connection, "fakeauth", "helper")).toEqual({ status: "auth", error: "401 Missing scopes: model.request" });
    expect(calls).toEqual([["models.probe", { provider: "fakeauth", agentId: "helper" }]]);
  });
});
