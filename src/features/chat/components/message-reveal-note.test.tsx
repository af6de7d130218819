// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MessageRevealNote } from "./message-reveal-note";

afterEach(cleanup);

describe("MessageRevealNote", () => {
  it("says nothing while there is nothing to say", () => {
    const { container } = render(<MessageRevealNote reading={false} onDismiss={() => {}} />);
    expect(container.innerHTML).toBe("");
  });

  it("says older messages are being read on the way to the chosen one", () => {
    render(<MessageRevealNote reading onDismiss={() => {}} />);
    expect(screen.getByRole("status").textContent).toBe("Reading earlier messages to reach the message you chose…");
  });

  it("says why the chosen message is not shown, until dismissed", async () => {
    const onDismiss = vi.fn();
    render(<MessageRevealNote reading={false} missed={{ why: "gone" }} onDismiss={onDismiss} />);
    expect(screen.getByRole("status").textContent).toBe("That message is no longer in this session's history: the whole history was read and it is not there.Dismiss");
    await userEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});
