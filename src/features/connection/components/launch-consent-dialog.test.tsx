// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LaunchConsentDialog } from "./launch-consent-dialog";

afterEach(cleanup);

const question = { title: "Connect to wss://attacker.example instead of ws://127.0.0.1:19789?", detail: "A link asks Clawscope to use another gateway." };

describe("LaunchConsentDialog", () => {
  it("names both gateways and starts on Keep current, so Enter is the safe answer", async () => {
    const onConnect = vi.fn();
    const onKeep = vi.fn();
    render(<LaunchConsentDialog question={question} onConnect={onConnect} onKeep={onKeep} />);
    const dialog = screen.getByRole("dialog", { name: "Connect to wss://attacker.example instead of ws://127.0.0.1:19789?" });
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Keep current" }));
    await userEvent.keyboard("{Enter}");
    expect(onKeep).toHaveBeenCalledTimes(1);
    expect(onConnect).not.toHaveBeenCalled();
  });

  it("reaches Connect by keyboard, and Escape keeps the current gateway", async () => {
    const onConnect = vi.fn();
    const onKeep = vi.fn();
    render(<LaunchConsentDialog question={question} onConnect={onConnect} onKeep={onKeep} />);
    await userEvent.keyboard("{Shift>}{Tab}{/Shift}");
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Connect" }));
    await userEvent.keyboard("{Enter}");
    expect(onConnect).toHaveBeenCalledTimes(1);
    await userEvent.keyboard("{Escape}");
    expect(onKeep).toHaveBeenCalledTimes(1);
  });
});
