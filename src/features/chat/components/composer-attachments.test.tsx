// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Composer, type ComposerProps } from "./composer";

afterEach(() => {
  cleanup();
  localStorage.clear();
});

function renderComposer(attachments: ComposerProps["attachments"], onSend = vi.fn()) {
  render(<Composer sessionKey="s1" canSend running={false} onSend={onSend} attachments={attachments} />);
  return onSend;
}

describe("Composer with attachments", () => {
  it("hands pasted and dropped files to the tray", () => {
    const onFiles = vi.fn();
    renderComposer({ tray: null, ready: 0, reading: false, onFiles });
    const file = new File(["x"], "shot.png", { type: "image/png" });
    fireEvent.paste(screen.getByRole("textbox", { name: "Message" }), { clipboardData: { files: [file], types: ["Files"] } });
    fireEvent.drop(screen.getByRole("form", { name: "Send a message" }), { dataTransfer: { files: [file], types: ["Files"] } });
    expect(onFiles.mock.calls.map(([files]) => (files as File[]).map((f) => f.name))).toEqual([["shot.png"], ["shot.png"]]);
  });

  it("sends files without text once they are read, and not while one is still being read", () => {
    const onSend = renderComposer({ tray: null, ready: 1, reading: true, onFiles: vi.fn() });
    expect(screen.getByRole("button", { name: "Send" })).toHaveProperty("disabled", true);
    cleanup();
    const ready = renderComposer({ tray: null, ready: 1, reading: false, onFiles: vi.fn() }, onSend);
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(ready.mock.calls).toEqual([[""]]);
  });
});
