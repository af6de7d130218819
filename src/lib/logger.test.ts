import { describe, expect, it, vi } from "vitest";
import { createLogger } from "./logger";
import { REDACTED } from "./redact";

function sink() {
  return { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
}

describe("createLogger", () => {
  it("redacts secrets in the message itself, not only in the detail", () => {
    const console = sink();
    createLogger("gateway", console).warn("connect failed token=3f9a1c0e5b7d2f4a6c8e0b1d3f5a7c9e", { authorization: "Bearer abcdefghijk" });
    expect(console.warn).toHaveBeenCalledWith(`[gateway] connect failed token=${REDACTED}`, { authorization: REDACTED });
  });

  it("redacts a message logged without detail", () => {
    const console = sink();
    createLogger("net", console).error("GET https://bob:pa55word@host/x");
    expect(console.error).toHaveBeenCalledWith(`[net] GET https://bob:${REDACTED}@host/x`);
  });
});
