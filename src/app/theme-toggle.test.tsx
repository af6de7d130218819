// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ThemeToggle } from "./theme-toggle";

beforeEach(() => {
  localStorage.setItem("clawscope.theme", "light");
  document.documentElement.classList.remove("dark");
});

afterEach(cleanup);

describe("ThemeToggle", () => {
  it("says its name and whether it is on in words in the phone's menu, and switches the page's theme", () => {
    render(<ThemeToggle withWords />);
    const button = screen.getByRole("button", { name: "Dark theme" });
    expect(button.textContent).toBe("☀Dark themeOff");
    expect(button.getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(button);
    expect(button.textContent).toBe("☾Dark themeOn");
    expect(button.getAttribute("aria-pressed")).toBe("true");
    expect(document.documentElement.classList.contains("dark")).toBe(true);
    expect(localStorage.getItem("clawscope.theme")).toBe("dark");
  });

  it("is the icon alone in the wide header's row of small buttons", () => {
    render(<ThemeToggle />);
    expect(screen.getByRole("button", { name: "Dark theme" }).textContent).toBe("☀");
  });
});
