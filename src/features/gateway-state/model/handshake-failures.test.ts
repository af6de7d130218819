import { describe, expect, it } from "vitest";
import { parseGatewayLogLine } from "@/lib/gateway-log-lines";
import { FAILURE_WINDOW_MS, failingClients } from "./handshake-failures";

const T0 = Date.parse("2026-11-24T04:27:52.500+00:00");

/** A refused handshake as the pinned gateway logs it (tslog JSON, structured second argument). */
function refusedLine(at: number, fields: Record<string, unknown>): string {
  return JSON.stringify({
    "0": '{"subsystem":"gateway/ws"}',
    "1": {
      cause: "unauthorized",
      durationMs: 530,
      handshake: "failed",
      phase: "auth_credentials_received",
      lastFrameMethod: "connect",
      origin: "http://127.0.0.1:29391",
      remoteAddr: "127.0.0.1",
      authMode: "token",
      authProvided: "token",
      authReason: "token_mismatch",
      role: "operator",
      hasDeviceIdentity: true,
      client: "openclaw-control-ui",
      clientDisplayName: "Clawscope",
      mode: "webchat",
      version: "clawscope/0.1.0",
      platform: "web",
      instanceId: "ac89757f-6889-4a37-a7fc-9ee7e7b86774",
      ...fields,
    },
    "2": "closed before connect conn=7933ceb9 code=1008 reason=unauthorized: gateway token mismatch",
    _meta: { logLevelName: "WARN", date: new Date(at).toISOString() },
    time: new Date(at).toISOString(),
    message: "closed before connect",
  });
}

const CONNECTED_LINE = JSON.stringify({
  "0": '{"subsystem":"gateway/ws"}',
  "1": "webchat connected conn=0c81ef77 remote=127.0.0.1 client=Clawscope webchat vclawscope/0.1.0",
  _meta: { logLevelName: "INFO" },
  time: new Date(T0).toISOString(),
});

const parse = (raw: string[]) => raw.map((line) => parseGatewayLogLine(line));

describe("failingClients", () => {
  it("groups refused handshakes per client instance, with count, last cause and the kind of credential sent", () => {
    const lines = parse([refusedLine(T0, {}), CONNECTED_LINE, refusedLine(T0 + 60_000, { authReason: "device_token_mismatch", authProvided: "device-token" })]);
    expect(failingClients(lines, T0 + 120_000)).toEqual([
      {
        key: "ac89757f-6889-4a37-a7fc-9ee7e7b86774",
        clientId: "openclaw-control-ui",
        displayName: "Clawscope",
        mode: "webchat",
        version: "clawscope/0.1.0",
        platform: "web",
        instanceId: "ac89757f-6889-4a37-a7fc-9ee7e7b86774",
        origin: "http://127.0.0.1:29391",
        remoteAddr: "127.0.0.1",
        authProvided: "device-token",
        cause: "unauthorized: device_token_mismatch",
        failures: 2,
        firstAt: T0,
        lastAt: T0 + 60_000,
      },
    ]);
  });

  it("keys clients without an instance id by client, mode and origin or address; newest first", () => {
    const cli = refusedLine(T0 + 5_000, { instanceId: undefined, client: "cli", mode: "cli", origin: undefined, clientDisplayName: undefined });
    const result = failingClients(parse([refusedLine(T0, {}), cli]), T0 + 10_000);
    expect(result.map((client) => client.key)).toEqual(["cli|cli|127.0.0.1", "ac89757f-6889-4a37-a7fc-9ee7e7b86774"]);
    expect(result[0]?.displayName).toBeUndefined();
  });

  it("forgets failures older than the window and ignores ordinary lines", () => {
    expect(failingClients(parse([refusedLine(T0, {}), CONNECTED_LINE]), T0 + FAILURE_WINDOW_MS + 1)).toEqual([]);
    expect(failingClients(parse(["plain text line", CONNECTED_LINE]), T0)).toEqual([]);
  });
});
