// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ForgetGateway, ForgetNoticeView } from "./forget-gateway";

afterEach(cleanup);

describe("ForgetGateway", () => {
  it("asks first, naming the gateway and what goes, and only then forgets", async () => {
    const onForget = vi.fn();
    render(<ForgetGateway gatewayUrl="ws://127.0.0.1:19789" onForget={onForget} />);
    await userEvent.click(screen.getByRole("button", { name: "Forget this gateway" }));
    const confirm = screen.getByRole("alertdialog", { name: "Forget ws://127.0.0.1:19789?" });
    expect(confirm.textContent).toContain(
      "Removes from this browser its gateway token, the device token it issued, and its run logs, waiting messages, drafts and held messages.",
    );
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Cancel" }));
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onForget).not.toHaveBeenCalled();
    expect(screen.queryByRole("alertdialog")).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Forget this gateway" }));
    await userEvent.click(screen.getByRole("button", { name: "Forget" }));
    expect(onForget).toHaveBeenCalledTimes(1);
  });

  it("says what was removed, and that it is still working until it is done", () => {
    const { rerender } = render(<ForgetNoticeView notice={{ gatewayUrl: "ws://gw:1", summary: null }} />);
    expect(screen.getByRole("status").textContent).toBe("Forgetting ws://gw:1…");
    rerender(<ForgetNoticeView notice={{ gatewayUrl: "ws://gw:1", summary: "Forgot ws://gw:1: removed 1 device token." }} />);
    expect(screen.getByRole("status").textContent).toBe("Forgot ws://gw:1: removed 1 device token.");
  });
});
