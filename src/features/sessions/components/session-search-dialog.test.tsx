// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SessionSearchDialog } from "./session-search-dialog";

beforeAll(() => {
  // jsdom has no modal dialogs: opening one is all the component asks of it.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
});

afterEach(cleanup);

describe("SessionSearchDialog", () => {
  it("keeps Tab and Shift+Tab going round its own controls, and Close closes it", () => {
    const onClose = vi.fn();
    render(<SessionSearchDialog rows={[]} agents={[]} activeKey="agent:main:main" onOpen={() => {}} onClose={onClose} />);
    const search = screen.getByRole("combobox", { name: "Session name" });
    const close = screen.getByRole("button", { name: "Close" });
    act(() => search.focus());

    fireEvent.keyDown(search, { key: "Tab" });
    // From the first control the browser's own order is right: nothing to do.
    act(() => close.focus());
    fireEvent.keyDown(close, { key: "Tab" });
    expect(document.activeElement).toBe(search);
    fireEvent.keyDown(search, { key: "Tab", shiftKey: true });
    expect(document.activeElement).toBe(close);

    // Focus that fell out of the controls (onto <body>) is brought back by the next Tab.
    act(() => close.blur());
    expect(document.activeElement).toBe(document.body);
    fireEvent.keyDown(screen.getByRole("dialog", { name: "Search sessions" }), { key: "Tab" });
    expect(document.activeElement).toBe(search);

    fireEvent.click(close);
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
