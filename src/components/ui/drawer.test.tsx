// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { Drawer } from "./drawer";
import { shimModalDialogs } from "@/testing/modal-dialog-shim";

beforeAll(shimModalDialogs);

afterEach(cleanup);

function Page() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Sessions
      </button>
      <Drawer label="Sessions" open={open} onClose={() => setOpen(false)}>
        <button type="button">Alpha</button>
        <button type="button">Gateway settings</button>
      </Drawer>
    </>
  );
}

describe("Drawer", () => {
  it("keeps Tab and Shift+Tab going round its own controls, and Esc gives focus back to the button that opened it", () => {
    render(<Page />);
    const opener = screen.getByRole("button", { name: "Sessions" });
    act(() => opener.focus());
    fireEvent.click(opener);
    const drawer = screen.getByRole("dialog", { name: "Sessions" });
    const [close, last] = [screen.getByRole("button", { name: "Close" }), screen.getByRole("button", { name: "Gateway settings" })];

    act(() => last.focus());
    fireEvent.keyDown(last, { key: "Tab" });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: "Tab", shiftKey: true });
    expect(document.activeElement).toBe(last);
    // In between, the browser's own order is right: nothing is moved.
    act(() => close.focus());
    fireEvent.keyDown(close, { key: "Tab" });
    expect(document.activeElement).toBe(close);

    // Esc: the browser closes the modal dialog.
    act(() => (drawer as HTMLDialogElement).close());
    expect(screen.queryByRole("button", { name: "Alpha" })).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
