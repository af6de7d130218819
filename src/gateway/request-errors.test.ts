import { GatewayProtocolRequestError, GatewayProtocolRequestTimeoutError } from "@openclaw/gateway-client/browser";
import { describe, expect, it } from "vitest";
import { GatewayNotConnectedError, gatewayRefusalOf } from "./request-errors";

describe("gatewayRefusalOf", () => {
  it("reads the gateway's own refusal", () => {
    const refusal = gatewayRefusalOf(new GatewayProtocolRequestError({ code: "UNAVAILABLE", message: "gateway draining", retryable: true, retryAfterMs: 500 }));
    expect(refusal).toMatchObject({ code: "UNAVAILABLE", message: "gateway draining", retryable: true, retryAfterMs: 500 });
  });

  it("does not take a local timeout or a missing connection for an answer", () => {
    expect(gatewayRefusalOf(new GatewayProtocolRequestTimeoutError({ method: "chat.send", timeoutMs: 10, requestSent: true }))).toBeNull();
    expect(gatewayRefusalOf(new GatewayNotConnectedError("chat.send", "restarting"))).toBeNull();
    expect(gatewayRefusalOf(new Error("socket closed"))).toBeNull();
  });
});

describe("GatewayNotConnectedError", () => {
  it("tells the user in words, keeping the method and the connection's status for logs", () => {
    const error = new GatewayNotConnectedError("chat.history", "backing-off");
    expect(error.message).toBe("not connected to the gateway right now");
    expect([error.method, error.status]).toEqual(["chat.history", "backing-off"]);
  });
});
