// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConnectionState } from "@/gateway/connection-machine";
import { placeholderRow, type SessionRow } from "../model/session-row";
import { SessionRowItem } from "./session-row-item";

function renderRow(row: SessionRow) {
  const noop = () => {};
  render(<SessionRowItem row={row} active={false} unread={false} onSelect={noop} onPin={noop} onRename={() => Promise.resolve(true)} onReset={noop} onDelete={noop} />);
  return screen.getByRole("button", { name: new RegExp(`^${row.title}`) });
}

/** What a sighted user reads on the button (the full name for screen readers is visually hidden). */
function visibleText(button: HTMLElement): string {
  const copy = button.cloneNode(true) as HTMLElement;
  copy.querySelectorAll(".sr-only").forEach((hidden) => hidden.remove());
  return copy.textContent ?? "";
}

let connection = { status: "online" } as unknown as ConnectionState;
vi.mock("@/providers/gateway-provider", () => ({ useConnectionState: () => connection }));

afterEach(cleanup);

describe("SessionRowItem badges", () => {
  const base = { ...placeholderRow("agent:main:work"), title: "Work" };

  it("says a stopped last run was stopped, not that it failed", () => {
    expect(visibleText(renderRow({ ...base, lastRunStopped: true }))).toBe("Workstoppedwork");
  });

  it("says a run is running while connected, and only that it was running while the gateway cannot be asked", () => {
    expect(visibleText(renderRow({ ...base, hasActiveRun: true }))).toBe("Workrunningwork");
    cleanup();
    connection = { status: "reconnecting" } as unknown as ConnectionState;
    expect(visibleText(renderRow({ ...base, hasActiveRun: true }))).toBe("Workwas runningwork");
    connection = { status: "online" } as unknown as ConnectionState;
  });

  it("says a failed last run failed", () => {
    expect(visibleText(renderRow({ ...base, lastRunFailed: true }))).toBe("Worklast run failedwork");
  });
});

describe("SessionRowItem name", () => {
  const sibling = (name: string) => ({ ...placeholderRow(`agent:main:${name}`), title: name });

  it("keeps the distinguishing end of a long name visible and the whole name in its accessible name and tooltip", () => {
    const button = renderRow(sibling("chat-202612011417-ab3f"));
    const shown = [...button.querySelectorAll("[aria-hidden]")].map((part) => part.textContent);
    expect(shown.slice(0, 2)).toEqual(["chat-202612011417", "-ab3f"]);
    expect(button.querySelector("[title]")?.getAttribute("title")).toBe("chat-202612011417-ab3f");
    expect(button.querySelector(".sr-only")?.textContent).toBe("chat-202612011417-ab3f");
  });
});
