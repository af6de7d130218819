// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ForkButton } from "./fork-button";

afterEach(cleanup);

describe("ForkButton", () => {
  it("forks from the message's entry id when it can", () => {
    const onFork = vi.fn();
    render(<ForkButton point={{ kind: "available", entryId: "e-2" }} onFork={onFork} />);
    fireEvent.click(screen.getByRole("button", { name: "Fork from here" }));
    expect(onFork).toHaveBeenCalledWith("e-2");
  });

  it("stays reachable by keyboard when it cannot, says why, and does nothing", () => {
    const onFork = vi.fn();
    render(<ForkButton point={{ kind: "unavailable", reason: "Fork is unavailable while the agent is working." }} onFork={onFork} />);
    const button = screen.getByRole("button", { name: "Fork from here" });
    expect(button).toHaveProperty("disabled", false);
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByText("Fork is unavailable while the agent is working.").id).toBe(button.getAttribute("aria-describedby"));
    fireEvent.click(button);
    expect(onFork).not.toHaveBeenCalled();
  });

  it("shows nothing on the gateway's own note", () => {
    const { container } = render(<ForkButton point={{ kind: "hidden" }} onFork={vi.fn()} />);
    expect(container.innerHTML).toBe("");
  });
});
