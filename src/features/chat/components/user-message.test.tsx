// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { messageTime } from "../model/message-time";
import { UserMessage } from "./user-message";

const NOW = Date.parse("2026-11-28T15:42:05.000Z");

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("UserMessage", () => {
  it("says when the message was sent: the time in the page, the instant in dateTime, the full date on hover", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
    const at = NOW - 3 * 86_400_000;
    const { container } = render(<UserMessage user={{ id: "m1", text: "hello", at, systemNote: false }} onRetry={() => {}} onDiscard={() => {}} />);
    const time = container.querySelector("time");
    const words = messageTime(at, { now: NOW });
    expect(time?.getAttribute("datetime")).toBe("2026-11-25T15:42:05.000Z");
    expect(time?.textContent).toBe(words?.short);
    expect(time?.getAttribute("title")).toBe(words?.full);
    // Three days ago is not today: the day is part of what the page shows.
    expect(time?.textContent).toMatch(/25/);
  });

  it("shows the time beside a message still being sent", () => {
    render(<UserMessage user={{ id: "m2", text: "hello", at: NOW, pending: "sending", systemNote: false }} onRetry={() => {}} onDiscard={() => {}} />);
    expect(screen.getByRole("status", { name: "Delivery" }).parentElement?.querySelector("time")?.getAttribute("datetime")).toBe("2026-11-28T15:42:05.000Z");
  });

  it("shows no time for a message history gives none", () => {
    const { container } = render(<UserMessage user={{ id: "m3", text: "hello", systemNote: false }} onRetry={() => {}} onDiscard={() => {}} />);
    expect(container.querySelector("time")).toBeNull();
  });
});
