// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ConfirmDialog } from "./confirm-dialog";
import { shimModalDialogs } from "@/testing/modal-dialog-shim";

beforeAll(shimModalDialogs);

afterEach(cleanup);

function Row() {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setAsking(true)}>
        Reset
      </button>
      {asking && (
        <ConfirmDialog title="Reset this session?" confirmLabel="Reset session" pendingLabel="Resetting…" pending={false} error={null} onConfirm={() => {}} onCancel={() => setAsking(false)}>
          <p>The gateway starts a new, empty transcript for it.</p>
        </ConfirmDialog>
      )}
    </>
  );
}

describe("ConfirmDialog", () => {
  it("keeps Tab and Shift+Tab on its two buttons, and Esc cancels and gives focus back to the button that asked", () => {
    render(<Row />);
    const reset = screen.getByRole("button", { name: "Reset" });
    act(() => reset.focus());
    fireEvent.click(reset);
    const dialog = screen.getByRole("dialog", { name: "Reset this session?" });
    const [cancel, confirm] = [screen.getByRole("button", { name: "Cancel" }), screen.getByRole("button", { name: "Reset session" })];
    expect(document.activeElement).toBe(cancel);

    fireEvent.keyDown(cancel, { key: "Tab", shiftKey: true });
    expect(document.activeElement).toBe(confirm);
    fireEvent.keyDown(confirm, { key: "Tab" });
    expect(document.activeElement).toBe(cancel);

    // Esc: the browser asks the dialog to cancel.
    fireEvent(dialog, new Event("cancel", { cancelable: true }));
    expect(screen.queryByRole("dialog", { name: "Reset this session?" })).toBeNull();
    expect(document.activeElement).toBe(reset);
  });
});
