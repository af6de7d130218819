// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ConnectionState } from "@/gateway/connection-machine";
import { ConnectionIndicator } from "./connection-indicator";

const NOW = Date.parse("2026-11-24T04:23:30.000Z");
const close = { code: 1012, reason: "service restart", words: "1012 gateway restarting: service restart", at: NOW - 60_000 };
const reconnectNow = vi.fn();
let state: ConnectionState;

vi.mock("@/providers/gateway-provider", () => ({
  useConnectionState: () => state,
  useGateway: () => ({ url: "ws://127.0.0.1:19789", reconnectNow }),
}));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
  vi.setSystemTime(NOW);
  reconnectNow.mockClear();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** What a screen reader reads of an element: its text without the parts hidden from it. */
function spokenText(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement;
  for (const hidden of copy.querySelectorAll("[aria-hidden=true]")) hidden.remove();
  return copy.textContent ?? "";
}

describe("ConnectionIndicator while the gateway is away", () => {
  it("says how many attempts were made and when the next one is, and Retry now tries at once", () => {
    state = { status: "restarting", since: NOW - 60_000, reason: "gateway stopping", attempt: 7, nextRetryAt: NOW + 30_000, lastClose: close };
    render(<ConnectionIndicator />);
    // The shared clock ticks once a second.
    act(() => vi.advanceTimersByTime(1_000));
    const pill = screen.getByRole("status", { name: "Gateway connection" });
    expect(pill.textContent).toContain("· Next try in 29 s · 7 attempts so far");
    // The drawn countdown ticks; what the live region speaks does not, so a screen reader is not read every second.
    expect(spokenText(pill)).toBe("Gateway restarting: retrying by itself");
    act(() => vi.advanceTimersByTime(1_000));
    expect(pill.textContent).toContain("· Next try in 28 s · 7 attempts so far");
    expect(spokenText(pill)).toBe("Gateway restarting: retrying by itself");
    fireEvent.click(screen.getByRole("button", { name: "Retry now" }));
    expect(reconnectNow).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole("button", { name: "Details" }));
    const details = screen.getByText("Attempts").nextElementSibling;
    expect(details?.textContent).toBe("7");
    const next = new Date(NOW + 30_000);
    const twoDigits = (value: number) => String(value).padStart(2, "0");
    expect(screen.getByText("Next try").nextElementSibling?.textContent).toBe(`${twoDigits(next.getHours())}:${twoDigits(next.getMinutes())}:${twoDigits(next.getSeconds())}`);
  });

  it("has a phone's short words, hidden from screen readers because they tick each second, and Retry now inside Details too", () => {
    state = { status: "backing-off", since: NOW - 5_000, attempt: 2, nextRetryAt: NOW + 4_000, lastClose: { ...close, code: 1006, words: "1006 connection lost (no close frame)" } };
    render(<ConnectionIndicator />);
    act(() => vi.advanceTimersByTime(1_000));
    const pill = screen.getByRole("status", { name: "Gateway connection" });
    const short = within(pill).getByText("retry in 3 s").parentElement;
    expect(short?.textContent).toBe("Disconnectedretry in 3 s");
    expect(short?.getAttribute("aria-hidden")).toBe("true");
    expect(spokenText(pill)).toBe("Connection lost: closed without notice (1006): the gateway process stopped or the network dropped; retrying by itself");
    fireEvent.click(screen.getByRole("button", { name: "Details" }));
    const details = document.getElementById("connection-details")!;
    fireEvent.click(within(details).getByRole("button", { name: "Retry now" }));
    expect(reconnectNow).toHaveBeenCalledTimes(1);
  });

  it("shows the attempt under way, and no Retry now while it runs, nor once connected", () => {
    state = { status: "restarting", since: NOW - 60_000, reason: "gateway stopping", attempt: 8, lastClose: close };
    const { rerender } = render(<ConnectionIndicator />);
    expect(spokenText(screen.getByRole("status", { name: "Gateway connection" }))).toBe("Gateway restarting: retrying by itself");
    expect(within(screen.getByRole("status", { name: "Gateway connection" })).getByText("attempt 8…").parentElement?.getAttribute("aria-hidden")).toBe("true");
    expect(screen.queryByRole("button", { name: "Retry now" })).toBeNull();
    state = {
      status: "online",
      since: NOW,
      restartedSinceLastOnline: true,
      server: { version: "2026.9.6", protocol: 4, tickIntervalMs: 30_000, maxPayload: 1, mainSessionKey: "agent:main:main", scopes: [] },
    };
    rerender(<ConnectionIndicator />);
    expect(screen.queryByRole("button", { name: "Retry now" })).toBeNull();
  });
});

describe("ConnectionIndicator details", () => {
  it("names the state and the way in words, not by their codes", () => {
    state = {
      status: "online",
      since: NOW,
      restartedSinceLastOnline: false,
      server: { version: "2026.9.6", bootId: "305459c3", protocol: 4, tickIntervalMs: 30_000, maxPayload: 1, mainSessionKey: "agent:main:main", authMethod: "device-token", scopes: [] },
    };
    render(<ConnectionIndicator />);
    fireEvent.click(screen.getByRole("button", { name: "Details" }));
    expect(screen.getByText("State").nextElementSibling?.textContent).toBe("Connected");
    expect(screen.getByText("Auth").nextElementSibling?.textContent).toBe("this browser's device token");
  });

  it("says a way in this tab does not know by its name, spaced, and a state while away as the status line does", () => {
    state = {
      status: "online",
      since: NOW,
      restartedSinceLastOnline: false,
      server: { version: "2026.9.6", protocol: 4, tickIntervalMs: 30_000, maxPayload: 1, mainSessionKey: "agent:main:main", authMethod: "trusted_proxy", scopes: [] },
    };
    const { rerender } = render(<ConnectionIndicator />);
    fireEvent.click(screen.getByRole("button", { name: "Details" }));
    expect(screen.getByText("Auth").nextElementSibling?.textContent).toBe("trusted proxy");
    state = { status: "restarting", since: NOW - 60_000, reason: "gateway stopping", attempt: 2, lastClose: close };
    rerender(<ConnectionIndicator />);
    expect(screen.getByText("State").nextElementSibling?.textContent).toBe("Gateway restarting");
  });
});
