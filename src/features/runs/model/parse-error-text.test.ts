import { describe, expect, it } from "vitest";
import { classifyErrorText, cleanGatewayMessage, parseHttpStatus, parseProviderModel, parseRetryAfterMs } from "./parse-error-text";

describe("last-resort error text readers", () => {
  it.each([
    ["⚠️ LLM request failed (rate limited, HTTP 429). This is usually temporary — try again shortly.", 429],
    ["401 Missing scopes: model.request", 401],
    ["Request failed after repeated internal retries.", undefined],
    ["took 200 ms", undefined],
  ])("reads the HTTP status of %j", (text, status) => {
    expect(parseHttpStatus(text)).toBe(status);
  });

  it.each([
    ["⚠️ Rate limit reached for requests (fake); Retry-After: 1 seconds", 1_000],
    ["Retry after about 1 minute, or switch to a different auth profile/API key.", 60_000],
    ["retry-after: 250ms", 250],
    ["try again in a few minutes", undefined],
  ])("reads the wait in %j", (text, ms) => {
    expect(parseRetryAfterMs(text)).toBe(ms);
  });

  it("finds the provider in the cooldown text and in 'provider/model request failed'", () => {
    expect(parseProviderModel('Inline API key for provider "fake" is temporarily disabled')).toEqual({ provider: "fake" });
    expect(parseProviderModel("⚠️ fakeauth/fake-model request failed (authentication failed, HTTP 401).")).toEqual({
      provider: "fakeauth",
      model: "fake-model",
    });
  });

  it.each([
    ["⚠️ API rate limit reached. Please try again later.", "rate_limit"],
    ["HTTP 401: You have insufficient permissions for this operation. Missing scopes: model.request.", "auth"],
    ['Inline API key for provider "fake" is temporarily disabled after a provider auth/billing failure.', "auth"],
    ["LLM request timed out.", "timeout"],
    ["LLM idle timeout (5s): no response from model", "timeout"],
    ["prompt is too long: 210000 tokens > 200000 maximum", "context_length"],
    ["something odd", undefined],
  ])("classifies %j", (text, errorClass) => {
    expect(classifyErrorText(text)).toBe(errorClass);
  });

  it("drops the warning sign and the log hint", () => {
    expect(
      cleanGatewayMessage("⚠️ Agent failed before reply: boom.\nTo view logs, run `openclaw logs --follow` in a terminal."),
    ).toBe("Agent failed before reply: boom.");
  });
});
