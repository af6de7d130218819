// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { RunStatusLine } from "./run-status-line";

afterEach(cleanup);

const running = { kind: "running", phase: { kind: "using-tool", tool: "exec" }, phaseText: "using exec…", elapsedMs: 3_400, silentForMs: 1_200 } as const;

describe("RunStatusLine", () => {
  it("says the phase once", () => {
    render(<RunStatusLine outcome={{ ...running, stalled: false, title: "Using exec…", summary: "using exec… · 3.4 s elapsed · last event 1.2 s ago" }} />);
    expect(screen.getByRole("status", { name: "Run status" }).textContent).toBe("Using exec… · 3.4 s elapsed · last event 1.2 s ago");
  });

  it("puts the silence first once the run has gone quiet", () => {
    render(<RunStatusLine outcome={{ ...running, elapsedMs: 50_000, silentForMs: 46_000, stalled: true, title: "No activity", summary: "" }} />);
    expect(screen.getByRole("status", { name: "Run status" }).textContent).toBe("No activity for 46 s · using exec… · 50 s elapsed");
  });
});
