// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ExecApproval } from "@/gateway/exec-approvals";
import { PendingApprovals, RunApprovals } from "./pending-approvals";

const approval: ExecApproval = {
  id: "approval-1",
  command: "echo approved-by-operator && uname -s",
  sessionKey: "agent:main:main",
  runId: "run-1",
  allowedDecisions: ["allow-once", "deny"],
  createdAtMs: Date.now(),
  expiresAtMs: Date.now() + 30 * 60_000,
};

vi.mock("../api/use-pending-approvals", () => ({ usePendingApprovals: () => ({ approvals: [approval], error: null }) }));
vi.mock("@/providers/gateway-provider", () => ({ useGateway: () => ({ url: "ws://gateway.test" }) }));

function wrap(children: ReactNode) {
  return <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>;
}

const banner = () => screen.getByRole("region", { name: "Pending approvals" });
const runCard = () => screen.getByRole("region", { name: "Approval for this run" });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  // jsdom has no scrollIntoView; the test that needs one lends it.
  delete (Element.prototype as Partial<Element>).scrollIntoView;
});

describe("the pending-approvals banner", () => {
  it("offers to go to the run's card only while that card is on the page", () => {
    const { rerender } = render(wrap(<PendingApprovals sessionKey="agent:main:main" />));
    expect(within(banner()).queryByRole("button", { name: "Show in its run" })).toBeNull();

    rerender(wrap(<><PendingApprovals sessionKey="agent:main:main" /><RunApprovals runId="run-1" /></>));
    expect(within(banner()).getByRole("button", { name: "Show in its run" }).textContent).toBe("Show in its run");

    rerender(wrap(<PendingApprovals sessionKey="agent:main:main" />));
    expect(within(banner()).queryByRole("button", { name: "Show in its run" })).toBeNull();
  });

  it("brings the run's card to the top of the view, then its decisions, and focuses its first offered decision", async () => {
    // jsdom has no CSS.escape either; the id here needs no escaping.
    vi.stubGlobal("CSS", { escape: (value: string) => value });
    const scrolled: { label: string | null; block: ScrollLogicalPosition | undefined }[] = [];
    Element.prototype.scrollIntoView = function (this: Element, options?: boolean | ScrollIntoViewOptions) {
      scrolled.push({ label: this.getAttribute("aria-label") ?? this.getAttribute("data-run-approval"), block: typeof options === "object" ? options.block : undefined });
    };
    render(wrap(<><PendingApprovals sessionKey="agent:main:main" /><RunApprovals runId="run-1" /></>));
    await act(() => userEvent.click(within(banner()).getByRole("button", { name: "Show in its run" })));

    expect(scrolled).toEqual([
      { label: "approval-1", block: "start" },
      { label: "Decision", block: "nearest" },
    ]);
    expect(document.activeElement).toBe(within(runCard()).getByRole("button", { name: "Allow once" }));
  });
});
