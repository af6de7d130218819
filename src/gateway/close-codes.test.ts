import { describe, expect, it } from "vitest";
import { classifyClose, describeClose } from "./close-codes";

describe("classifyClose", () => {
  it.each([
    [1012, "service restart", "restart"],
    [1013, "gateway starting", "starting"],
    [1006, "", "transient"],
    [1001, "", "transient"],
    [1000, "", "transient"],
    [4000, "tick timeout", "transient"],
    [1002, "protocol mismatch", "terminal"],
    [1008, "unauthorized: gateway token mismatch", "terminal"],
    [1009, "preauth payload too large", "terminal"],
    [4001, "gateway auth changed", "terminal"],
    [1011, "gateway install changed; run: openclaw gateway restart", "terminal"],
    [1011, "gateway message handler unavailable", "transient"],
  ] as const)("%i %s → %s", (code, reason, kind) => {
    expect(classifyClose(code, reason).kind).toBe(kind);
  });

  it("puts the code in words and keeps the gateway's reason", () => {
    expect(describeClose(1012, "service restart")).toBe("1012 gateway restarting: service restart");
    expect(describeClose(1006, "")).toBe("1006 connection lost (no close frame)");
    expect(describeClose(4321, "")).toBe("4321 connection closed");
  });
});
