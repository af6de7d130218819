// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { OverflowMenu } from "./overflow-menu";

afterEach(cleanup);

function renderMenu() {
  render(
    <>
      <OverflowMenu label="More controls">{(close) => <button onClick={close}>Gateway</button>}</OverflowMenu>
      <p>elsewhere</p>
      <button>Session tools</button>
    </>,
  );
  return screen.getByRole("button", { name: "More controls" });
}

describe("OverflowMenu", () => {
  it("says whether it is open and shows its controls in a group named like it", () => {
    const button = renderMenu();
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("group", { name: "More controls" })).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    const group = screen.getByRole("group", { name: "More controls" });
    expect(button.getAttribute("aria-controls")).toBe(group.id);
    expect(group.textContent).toBe("Gateway");
  });

  it("closes on Esc and gives focus back to its button", () => {
    const button = renderMenu();
    fireEvent.click(button);
    const inside = screen.getByRole("button", { name: "Gateway" });
    inside.focus();
    fireEvent.keyDown(inside, { key: "Escape" });
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(button);
  });

  it("closes on a click elsewhere, and when a control inside asks it to", () => {
    const button = renderMenu();
    fireEvent.click(button);
    fireEvent.pointerDown(screen.getByText("elsewhere"));
    expect(button.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(button);
    fireEvent.click(screen.getByRole("button", { name: "Gateway" }));
    expect(button.getAttribute("aria-expanded")).toBe("false");
  });

  it("closes when Tab takes focus out of it, leaving focus where it went", () => {
    const button = renderMenu();
    fireEvent.click(button);
    const inside = screen.getByRole("button", { name: "Gateway" });
    inside.focus();
    const outside = screen.getByRole("button", { name: "Session tools" });
    act(() => outside.focus());
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("group", { name: "More controls" })).toBeNull();
    expect(document.activeElement).toBe(outside);
  });

  it("stays open while focus moves between its own controls", () => {
    const button = renderMenu();
    fireEvent.click(button);
    act(() => button.focus());
    act(() => screen.getByRole("button", { name: "Gateway" }).focus());
    expect(button.getAttribute("aria-expanded")).toBe("true");
  });

  it("closes on Esc pressed with focus outside it, leaving focus where it is", () => {
    const button = renderMenu();
    fireEvent.click(button);
    fireEvent.keyDown(document.body, { key: "Escape" });
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(document.body);
  });
});
