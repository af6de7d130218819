// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GatewayLogsButton } from "./gateway-logs-button";
import { shimModalDialogs } from "@/testing/modal-dialog-shim";

// The log view reads the gateway; its controls are what matters here.
vi.mock("./gateway-logs-view", () => ({
  GatewayLogsView: () => (
    <>
      <input type="search" aria-label="Filter log lines" />
      <div role="region" aria-label="Gateway log" tabIndex={0} />
    </>
  ),
}));

beforeAll(shimModalDialogs);

afterEach(cleanup);

describe("GatewayLogsButton", () => {
  it("keeps Tab and Shift+Tab going round the dialog's controls", async () => {
    render(<GatewayLogsButton secrets={[]} />);
    const opener = screen.getByRole("button", { name: "Gateway logs" });
    fireEvent.click(opener);
    expect(opener.getAttribute("aria-expanded")).toBe("true");
    const region = await screen.findByRole("region", { name: "Gateway log" });
    const close = screen.getByRole("button", { name: "Close" });

    act(() => region.focus());
    fireEvent.keyDown(region, { key: "Tab" });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: "Tab", shiftKey: true });
    expect(document.activeElement).toBe(region);

    fireEvent.click(close);
    expect(screen.queryByRole("region", { name: "Gateway log" })).toBeNull();
    expect(opener.getAttribute("aria-expanded")).toBe("false");
  });
});
