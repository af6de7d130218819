// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { RunSaveNote } from "./run-save-note";

afterEach(cleanup);

describe("RunSaveNote", () => {
  it("says on the turn that its run is not saved, and why", () => {
    render(<RunSaveNote notSaved={{ status: "not-saved", reason: "quota" }} />);
    expect(screen.getByRole("status", { name: "Run log" }).textContent).toBe(
      "Not saved — keep this tab open · This browser's storage is full: after a reload only the gateway's history would show this run.",
    );
  });

  it("says nothing while the run is saved", () => {
    const { container } = render(<RunSaveNote notSaved={undefined} />);
    expect(container.textContent).toBe("");
  });
});
