// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { RunGlance } from "./run-glance";

afterEach(cleanup);

describe("RunGlance", () => {
  it("lists each tool with its command, status and duration, and ends with the footer", () => {
    render(
      <RunGlance
        summary={{
          tools: [
            { id: "t1", name: "exec", command: "echo hello-from-fake-tool && uname -s", title: "Exec print text → run uname", state: "done", statusText: "exit 0", durationText: "315 ms" },
            { id: "t2", name: "read", title: "Read src/app.ts", state: "failed", statusText: "failed", durationText: "50 ms", error: "ENOENT: no such file" },
          ],
          earlierTools: 0,
          footer: "Done in 7.2 s · 2 tools · 1 failed",
        }}
      />,
    );
    const glance = screen.getByRole("region", { name: "Run at a glance" });
    const items = within(within(glance).getByRole("list", { name: "Tools run" })).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual(["exec $ echo hello-from-fake-tool && uname -s exit 0 315 ms", "read Read src/app.ts failed 50 msENOENT: no such file"]);
    expect(within(items[0] as HTMLElement).getByText("echo hello-from-fake-tool && uname -s").tagName).toBe("CODE");
    expect(within(glance).getByRole("note", { name: "Run summary" }).textContent).toBe("Done in 7.2 s · 2 tools · 1 failed");
    expect(within(glance).queryByRole("button")).toBeNull();
  });

  it("says what a running run is doing, and leaves out the tool list when no tool ran", () => {
    render(<RunGlance summary={{ tools: [], earlierTools: 0, current: "Writing reply…", footer: "Running for 3.3 s" }} />);
    const glance = screen.getByRole("region", { name: "Run at a glance" });
    expect(within(glance).queryByRole("list")).toBeNull();
    expect(glance.textContent).toBe("Writing reply…Running for 3.3 s");
  });

  it("points at the timeline for the tool calls it leaves out", () => {
    render(<RunGlance summary={{ tools: [], earlierTools: 3, footer: "Done in 12 s · 11 tools" }} />);
    expect(screen.getByText("3 earlier tool calls are in the timeline.")).toBeTruthy();
  });
});
