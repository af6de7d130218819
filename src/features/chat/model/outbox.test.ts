import { GatewayProtocolRequestError, GatewayProtocolRequestTimeoutError } from "@openclaw/gateway-client/browser";
import { describe, expect, it } from "vitest";
import { GatewayNotConnectedError } from "@/gateway/request-errors";
import { classifySendFailure, restoredEntry, sendOrder, type OutboxEntry } from "./outbox";

const entry = (runId: string, createdAt: number, status: OutboxEntry["status"] = "waiting"): OutboxEntry => ({ runId, sessionKey: "s", text: runId, createdAt, status, attempts: 0 });

describe("classifySendFailure", () => {
  it("waits when it cannot know whether the message arrived", () => {
    expect(classifySendFailure(new GatewayNotConnectedError("chat.send", "restarting")).disposition).toBe("retry");
    expect(classifySendFailure(new GatewayProtocolRequestTimeoutError({ method: "chat.send", timeoutMs: 1, requestSent: true })).disposition).toBe("retry");
    expect(classifySendFailure(new Error("closed")).disposition).toBe("retry");
  });

  it("waits on a temporary refusal, with the delay the gateway asked for", () => {
    expect(classifySendFailure(new GatewayProtocolRequestError({ code: "UNAVAILABLE", message: "restarting", retryable: true, retryAfterMs: 900 }))).toEqual({
      disposition: "retry",
      reason: "restarting",
      retryAfterMs: 900,
    });
  });

  it("gives up on a refusal a resend cannot change", () => {
    expect(classifySendFailure(new GatewayProtocolRequestError({ code: "INVALID_REQUEST", message: "bad params", retryable: false }))).toEqual({ disposition: "reject", reason: "bad params" });
    expect(classifySendFailure(new GatewayProtocolRequestError({ code: "FORBIDDEN", message: "missing scope: operator.write", retryable: false })).disposition).toBe("reject");
  });
});

describe("sendOrder", () => {
  it("lists waiting messages only, oldest first", () => {
    expect(sendOrder([entry("c", 3), entry("a", 1), entry("b", 2, "sent"), entry("d", 0, "failed")]).map((item) => item.runId)).toEqual(["a", "c"]);
  });
});

describe("restoredEntry", () => {
  it("never takes over an acknowledged message: the gateway has it", () => {
    expect(restoredEntry({ ...entry("b", 1, "sent"), attempts: 1 })).toBeNull();
  });

  it("looks up anything else in history first, since another page may have sent it", () => {
    expect(restoredEntry({ ...entry("a", 1, "sending"), attempts: 1 })).toMatchObject({ status: "waiting", attempts: 1, fromDisk: true });
    expect(restoredEntry(entry("w", 1, "waiting"))).toMatchObject({ status: "waiting", attempts: 1, fromDisk: true });
    expect(restoredEntry(entry("c", 1, "failed"))).toMatchObject({ status: "failed", attempts: 0, fromDisk: true });
  });
});
