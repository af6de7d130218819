// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { draftKey, writeStoredText } from "@/lib/stored-text";
import type { CommandOutcome, SlashCommandName } from "../model/slash-commands";
import { Composer, type ComposerProps } from "./composer";

afterEach(() => {
  cleanup();
  localStorage.clear();
});

function setup(overrides: Partial<ComposerProps> = {}) {
  const onSend = vi.fn<(text: string) => void>();
  const onCommand = vi.fn<(command: SlashCommandName, argument: string) => Promise<CommandOutcome>>(async (command) => ({ ok: true, text: `did ${command}` }));
  render(<Composer sessionKey="agent:main:test" canSend running={false} onSend={onSend} onCommand={onCommand} {...overrides} />);
  const box = screen.getByRole("textbox", { name: "Message" });
  return { onSend, onCommand, box, user: userEvent.setup() };
}

const optionNames = () => screen.getAllByRole("option").map((option) => option.textContent);

describe("slash command autocomplete", () => {
  it("offers the commands that complete what is typed, and Tab completes the highlighted one", async () => {
    const { box, user, onSend, onCommand } = setup();
    await user.type(box, "/st");
    const menu = screen.getByRole("listbox", { name: "Commands" });
    expect(optionNames()).toEqual(["/stopStop the running reply"]);
    expect(box.getAttribute("aria-controls")).toBe(menu.id);
    expect(box.getAttribute("aria-activedescendant")).toBe(screen.getByRole("option").id);
    expect(screen.getByRole("option").getAttribute("aria-selected")).toBe("true");

    await user.keyboard("{Tab}");
    expect(box).toHaveProperty("value", "/stop");
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(box.getAttribute("aria-activedescendant")).toBeNull();
    expect(onSend).not.toHaveBeenCalled();
    expect(onCommand).not.toHaveBeenCalled();
  });

  it("moves through the list with the arrow keys (wrapping), and Enter completes instead of sending", async () => {
    const { box, user, onSend } = setup();
    await user.type(box, "/");
    expect(screen.getAllByRole("option")).toHaveLength(7);
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(screen.getByRole("option", { selected: true }).textContent).toMatch(/^\/stop/);
    await user.keyboard("{ArrowUp}{ArrowUp}{ArrowUp}");
    expect(screen.getByRole("option", { selected: true }).textContent).toMatch(/^\/help/);
    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}");
    expect(screen.getByRole("option", { selected: true }).textContent).toMatch(/^\/model/);
    await user.keyboard("{Enter}");
    // /model takes an argument, so it waits for one after a space.
    expect(box).toHaveProperty("value", "/model ");
    expect(onSend).not.toHaveBeenCalled();
  });

  it("closes on Escape and stays closed until the draft changes", async () => {
    const { box, user } = setup();
    await user.type(box, "/re");
    expect(optionNames()).toEqual(["/resetReset this session: the agent starts over without its history"]);
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("listbox")).toBeNull();
    await user.type(box, "s");
    expect(screen.getByRole("listbox", { name: "Commands" })).toBeTruthy();
  });

  it("picks a command by click and keeps the focus in the message box", async () => {
    const { box, user } = setup();
    await user.type(box, "/e");
    await user.click(screen.getByRole("option", { name: /\/export/ }));
    expect(box).toHaveProperty("value", "/export");
    expect(document.activeElement).toBe(box);
  });
});

describe("running a command", () => {
  it("runs a completed command with Enter, shows its outcome and sends nothing", async () => {
    const { box, user, onSend, onCommand } = setup();
    await user.type(box, "/st{Tab}{Enter}");
    expect(onCommand).toHaveBeenCalledWith("stop", "");
    expect(await screen.findByRole("status", { name: "Command result" })).toHaveProperty("textContent", "did stop");
    expect(box).toHaveProperty("value", "");
    expect(onSend).not.toHaveBeenCalled();
  });

  it("passes the argument, and puts a failed command back in the box with the reason as an alert", async () => {
    const onCommand = vi.fn(async () => ({ ok: false, text: "Could not change the model to x/y: Unknown provider" }));
    const { box, user } = setup({ onCommand });
    await user.type(box, "/model   x/y {Enter}");
    expect(onCommand).toHaveBeenCalledWith("model", "x/y");
    expect((await screen.findByRole("alert", { name: "Command result" })).textContent).toBe("Could not change the model to x/y: Unknown provider");
    expect(box).toHaveProperty("value", "/model   x/y");
  });

  it("answers /help itself with every command", async () => {
    const { box, user, onCommand } = setup();
    await user.type(box, "/help{Enter}");
    const help = screen.getByRole("status", { name: "Commands help" });
    expect([...help.querySelectorAll("dt")].map((term) => term.textContent)).toEqual([
      "/new",
      "/reset",
      "/stop",
      "/model [provider/model]",
      "/think [level | default]",
      "/export",
      "/help",
    ]);
    expect(onCommand).not.toHaveBeenCalled();
  });

  it("sends a command of the gateway's own (not one of Clawscope's) as typed, for the gateway to answer", async () => {
    const { box, user, onSend, onCommand } = setup();
    await user.type(box, "/exec ask=always run the check");
    expect(screen.getByRole("button", { name: "Send" })).toBeTruthy();
    await user.keyboard("{Enter}");
    expect(onSend).toHaveBeenCalledWith("/exec ask=always run the check");
    expect(onCommand).not.toHaveBeenCalled();
    expect(box).toHaveProperty("value", "");
  });

  it("runs commands while sending is not possible (a held message), but not messages", async () => {
    const { box, user, onSend, onCommand } = setup({ canSend: false, disabledReason: "held" });
    await user.type(box, "/stop{Enter}");
    expect(onCommand).toHaveBeenCalledWith("stop", "");
    await user.type(box, "hello{Enter}");
    expect(onSend).not.toHaveBeenCalled();
  });

  it("stops from the Stop button like /stop, showing the outcome and keeping the draft", async () => {
    const { box, user, onCommand } = setup({ running: true });
    await user.type(box, "half a thought");
    await user.click(screen.getByRole("button", { name: "Stop the running reply" }));
    expect(onCommand).toHaveBeenCalledWith("stop", "");
    expect((await screen.findByRole("status", { name: "Command result" })).textContent).toBe("did stop");
    expect(box).toHaveProperty("value", "half a thought");
  });

  it("sends text that only looks like a path as a message", async () => {
    const { box, user, onSend } = setup();
    await user.type(box, "/etc/hosts is missing{Enter}");
    expect(onSend).toHaveBeenCalledWith("/etc/hosts is missing");
  });
});

describe("focus on request", () => {
  it("leaves the focus alone at first, and moves it into the box, after the draft of the session it now shows, when asked", async () => {
    const props = { canSend: true, running: false, onSend: vi.fn() };
    const { rerender } = render(<Composer sessionKey="agent:main:source" focusRequest={0} {...props} />);
    const box = screen.getByRole("textbox", { name: "Message" });
    expect(document.activeElement).toBe(document.body);
    // A fork writes the new session's draft, opens it, and asks for the focus, all at once.
    writeStoredText(draftKey("agent:main:dashboard:new"), "Second question, to edit.");
    rerender(<Composer sessionKey="agent:main:dashboard:new" focusRequest={1} {...props} />);
    expect(document.activeElement).toBe(box);
    expect(box).toHaveProperty("value", "Second question, to edit.");
    expect([(box as HTMLTextAreaElement).selectionStart, (box as HTMLTextAreaElement).selectionEnd]).toEqual([25, 25]);
  });
});
