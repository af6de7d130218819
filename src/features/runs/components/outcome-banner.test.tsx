// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { OutcomeBanner } from "./outcome-banner";

afterEach(cleanup);

describe("OutcomeBanner", () => {
  it("names provider, model, HTTP status, the gateway's error kind and the provider's own words", () => {
    render(
      <OutcomeBanner
        outcome={{
          kind: "failed",
          title: "Authentication failed",
          summary: "fakeauth/fake-model refused the request.",
          errorClass: "auth",
          gatewayKind: "auth",
          provider: "fakeauth",
          model: "fake-model",
          httpStatus: 401,
          message: "refused",
          providerDetail: "401 Missing scopes: model.request",
          nextStep: "Give the key the model.request scope.",
          cooldown: false,
        }}
      />,
    );
    const alert = screen.getByRole("alert");
    expect(screen.getByLabelText("Failure facts").textContent).toBe("model fakeauth/fake-model · HTTP 401 · error type: authentication");
    expect(alert.textContent).toContain("Provider said: “401 Missing scopes: model.request”");
    expect(alert.textContent).toContain("What to do: Give the key the model.request scope.");
  });

  it("names an error type the gateway has no plain words for by its name, spaced", () => {
    render(<OutcomeBanner outcome={{ kind: "failed", title: "Failed", summary: "s", errorClass: "other", gatewayKind: "model_not_found", message: "m", nextStep: "n", cooldown: false }} />);
    expect(screen.getByLabelText("Failure facts").textContent).toBe("model unknown · no HTTP status · error type: model not found");
  });

  it("says when the gateway gave no status or kind, instead of leaving a gap", () => {
    render(<OutcomeBanner outcome={{ kind: "failed", title: "Failed", summary: "s", errorClass: "other", message: "m", nextStep: "n", cooldown: false }} />);
    expect(screen.getByLabelText("Failure facts").textContent).toBe("model unknown · no HTTP status · no error type given");
  });
});
