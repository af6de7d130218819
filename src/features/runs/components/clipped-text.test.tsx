// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { ClippedText, SHOWN_CHARS } from "./clipped-text";

describe("ClippedText", () => {
  afterEach(cleanup);

  it("shows short text as it is, with no disclosure", () => {
    const { container } = render(<div>{<ClippedText text="⚠️ boom" what="error" />}</div>);
    expect(container.textContent).toBe("⚠️ boom");
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("clips a long error and shows the whole of it, inert, one click away", async () => {
    const text = `<img src=x onerror="alert(1)"> ${"e".repeat(8_000)} the end`;
    const { container } = render(<div data-testid="box">{<ClippedText text={text} what="error" />}</div>);
    const button = screen.getByRole("button", { name: "Show full error (8.0 kB)" });
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(container.textContent).toBe(`${text.slice(0, SHOWN_CHARS - 1)}… Show full error (8.0 kB)`);

    await userEvent.click(button);
    const viewer = screen.getByLabelText("Full error");
    expect(viewer.tagName).toBe("PRE");
    expect(viewer.textContent).toBe(text);
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByRole("button", { name: "Hide full error" }).getAttribute("aria-expanded")).toBe("true");

    await userEvent.click(screen.getByRole("button", { name: "Hide full error" }));
    expect(screen.queryByLabelText("Full error")).toBeNull();
  });
});
