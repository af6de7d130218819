import { describe, expect, it } from "vitest";
import { readProviderError } from "./normalize-provider-error";

describe("readProviderError", () => {
  it("renames the gateway's fields", () => {
    expect(
      readProviderError({
        provider: "fakeauth",
        model: "fake-model",
        failoverReason: "auth",
        providerRuntimeFailureKind: "auth",
        providerErrorType: "invalid_request",
        httpStatus: 401,
        providerErrorMessagePreview: "Missing scopes",
      }),
    ).toEqual({
      provider: "fakeauth",
      model: "fake-model",
      failoverReason: "auth",
      runtimeFailureKind: "auth",
      providerErrorType: "invalid_request",
      httpStatus: 401,
      messagePreview: "Missing scopes",
    });
  });

  it("reads an HTTP status sent as text, and drops one that is not a number", () => {
    expect(readProviderError({ httpStatus: "429" })).toEqual({ httpStatus: 429 });
    expect(readProviderError({ httpStatus: "soon", provider: "fake" })).toEqual({ provider: "fake" });
  });

  it("is absent when nothing in it could be read", () => {
    expect(readProviderError({ provider: "", httpStatus: "x", other: 1 })).toBeUndefined();
    expect(readProviderError(undefined)).toBeUndefined();
  });
});
