// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ErrorBoundary } from "./error-boundary";

function BadRecord({ token }: { token: string }): never {
  throw new Error(`cannot read steps of record (auth token=${token})`);
}

afterEach(cleanup);
beforeEach(() => {
  // React reports a caught render error on the console too; the boundary is what is under test.
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});

describe("ErrorBoundary", () => {
  it("shows one broken part with a short message while its neighbours render", () => {
    render(
      <div>
        <ErrorBoundary label="This turn">
          <BadRecord token="gw-secret-1234" />
        </ErrorBoundary>
        <ErrorBoundary label="This turn">
          <p>The next turn</p>
        </ErrorBoundary>
      </div>,
    );
    expect(screen.getByRole("alert").textContent).toBe("This turn could not be shown.Copy details");
    expect(screen.getByText("The next turn")).toBeTruthy();
  });

  it("copies the error with secrets redacted", async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    render(
      <ErrorBoundary label="The gateway panel" secrets={["device-token-abcdef"]}>
        <BadRecord token="device-token-abcdef" />
      </ErrorBoundary>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Copy details" }));
    expect(writeText).toHaveBeenCalledTimes(1);
    const copied = writeText.mock.calls[0]![0] as string;
    expect(copied).toMatch(/^The gateway panel could not be shown\.\nError: cannot read steps of record \(auth token=‹redacted›/);
    expect(copied).not.toContain("device-token-abcdef");
    expect(screen.getByRole("button", { name: "Copied" })).toBeTruthy();
  });
});
