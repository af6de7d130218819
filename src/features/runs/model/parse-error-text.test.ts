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

/**
 * A string whose character reads are counted: the provider/model reader scans
 * with `charCodeAt`, so the count is its work, measured without a clock.
 */
class CountedText extends String {
  reads = 0;
  override charCodeAt(index: number): number {
    this.reads += 1;
    return super.charCodeAt(index);
  }
}

function readsFor(text: string): number {
  const counted = new CountedText(text);
  parseProviderModel(counted as unknown as string);
  return counted.reads;
}

describe("parseProviderModel on hostile text", () => {
  // Shapes that made the old `([\w.-]+)\/([\w.:-]+) request failed` backtrack on every start position.
  const shapes: ReadonlyArray<[string, (n: number) => string]> = [
    ["one long word", (n) => "a".repeat(n)],
    ["a word with a slash and no phrase", (n) => `${"a".repeat(n / 2)}/${"a".repeat(n / 2)}`],
    ["slashes everywhere", (n) => "a/".repeat(n / 2)],
    ["dashes", (n) => "-".repeat(n)],
    ["the phrase after a long word", (n) => `${"a".repeat(n)} request failed`],
    ["the phrase repeated", (n) => "x request failed ".repeat(n / 17)],
  ];

  it.each(shapes)("reads each character of %s a bounded number of times (n vs 4n)", (_name, make) => {
    const small = readsFor(make(10_000));
    const large = readsFor(make(40_000));
    // Every character is looked at (the count is real work) and at most a few times each.
    expect(small).toBeGreaterThanOrEqual(5_000);
    expect(small).toBeLessThanOrEqual(10_000 * 20);
    expect(large / small).toBeLessThan(4.5);
  });

  it("reads a 1 MB error and still finds the model named at its end", () => {
    const text = `${"x".repeat(1_000_000)} then fake/fake-model request failed (HTTP 429)`;
    expect(parseProviderModel(text)).toEqual({ provider: "fake", model: "fake-model" });
  });

  it.each([
    ["first of two", "a/b request failed, c/d request failed", { provider: "a", model: "b" }],
    ["case-insensitive phrase", "Fake.Io/m-1:2 REQUEST FAILED", { provider: "Fake.Io", model: "m-1:2" }],
    ["no model after the slash", "fake/ request failed", {}],
    ["no provider before the slash", "/model request failed", {}],
    ["colon only allowed in the model", "a:b/c request failed", { provider: "b", model: "c" }],
    ["two slashes", "a/b/c request failed", { provider: "b", model: "c" }],
    ["quoted provider wins", 'provider "p" and a/b request failed', { provider: "p" }],
  ])("matches the regex it replaces: %s", (_name, text, expected) => {
    expect(parseProviderModel(text)).toEqual(expected);
  });
});
