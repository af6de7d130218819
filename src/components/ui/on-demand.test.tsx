// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { lazy } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { OnDemand } from "./on-demand";

afterEach(cleanup);

describe("OnDemand", () => {
  it("says what is loading while its code arrives, then shows it", async () => {
    let arrive: (module: { default: () => React.ReactNode }) => void = () => undefined;
    const Panel = lazy(() => new Promise<{ default: () => React.ReactNode }>((resolve) => (arrive = resolve)));
    render(
      <OnDemand what="gateway panel">
        <Panel />
      </OnDemand>,
    );
    expect(screen.getByRole("status").textContent).toBe("Loading the gateway panel…");
    arrive({ default: () => <p>panel body</p> });
    expect((await screen.findByText("panel body")).textContent).toBe("panel body");
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("says the code could not be loaded, and offers a reload, instead of loading forever", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const Panel = lazy(() => Promise.reject(new Error("Failed to fetch dynamically imported module: /assets/gateway-panel-x.js")));
    render(
      <OnDemand what="gateway panel">
        <Panel />
      </OnDemand>,
    );
    const alert = await screen.findByRole("alert");
    expect(alert.querySelector("p")?.textContent).toBe("Could not load the gateway panel: Failed to fetch dynamically imported module: /assets/gateway-panel-x.js");
    expect(screen.getByRole("button", { name: "Reload the page" })).toBeTruthy();
    expect(screen.queryByRole("status")).toBeNull();
  });
});
