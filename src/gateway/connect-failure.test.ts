import { describe, expect, it } from "vitest";
import { connectErrorFrom } from "@/testing/capture-frames";
import { classifyConnectFailure, type GatewayErrorLike } from "./connect-failure";

function errorOf(capture: string): GatewayErrorLike {
  return connectErrorFrom(capture).error as GatewayErrorLike;
}

describe("classifyConnectFailure (real gateway errors)", () => {
  it("wrong token: terminal, says so, and how to find the right one", () => {
    const failure = classifyConnectFailure(errorOf("wrong-token.jsonl"));
    expect(failure).toMatchObject({ kind: "token-mismatch", title: "Wrong gateway token", terminal: true, detailCode: "AUTH_TOKEN_MISMATCH" });
    expect(failure.nextStep).toContain("openclaw gateway auth-token --show");
  });

  it("missing token: terminal", () => {
    expect(classifyConnectFailure(errorOf("missing-token.jsonl"))).toMatchObject({ kind: "token-missing", terminal: true });
  });

  it("too many failed logins: terminal, with when to retry", () => {
    const failure = classifyConnectFailure(errorOf("wrong-token-rate-limited.jsonl"));
    expect(failure).toMatchObject({ kind: "rate-limited", terminal: true, retryAfterMs: 298805 });
    expect(failure.nextStep).toMatch(/Try again after/);
  });

  it("origin not allowed: names the config key", () => {
    const failure = classifyConnectFailure(errorOf("origin-not-allowed.jsonl"));
    expect(failure).toMatchObject({ kind: "origin-not-allowed", terminal: true });
    expect(failure.nextStep).toContain("gateway.controlUi.allowedOrigins");
  });

  it("gateway still starting: not terminal, keeps the advised delay", () => {
    expect(classifyConnectFailure(errorOf("startup-connect-retries.jsonl"))).toMatchObject({
      kind: "gateway-starting",
      terminal: false,
      retryAfterMs: 500,
    });
  });

  it("pairing required: gives the approve command with the request id", () => {
    const failure = classifyConnectFailure({
      code: "NOT_PAIRED",
      message: "device pairing required",
      details: { code: "PAIRING_REQUIRED", requestId: "req-42", reason: "not-paired" },
    });
    expect(failure).toMatchObject({ kind: "pairing-required", terminal: true, command: "openclaw devices approve req-42" });
  });

  it("protocol mismatch: terminal", () => {
    const failure = classifyConnectFailure({
      code: "INVALID_REQUEST",
      message: "protocol mismatch",
      details: { code: "PROTOCOL_MISMATCH", clientMinProtocol: 4, clientMaxProtocol: 4, expectedProtocol: 5 },
    });
    expect(failure).toMatchObject({ kind: "protocol-mismatch", terminal: true });
  });

  it("device identity required: terminal, points at a secure context", () => {
    const failure = classifyConnectFailure(errorOf("no-device-identity.jsonl"));
    expect(failure).toMatchObject({ kind: "device-identity", terminal: true });
  });
});
