import { describe, expect, it } from "vitest";
import { responseToSignal } from "./browser-signals";

describe("responseToSignal", () => {
  it("always tells the machine when the network goes away", () => {
    expect(responseToSignal("offline", "online")).toBe("go-offline");
    expect(responseToSignal("offline", "backing-off")).toBe("go-offline");
  });

  it("resumes only a connection that was paused for the network", () => {
    expect(responseToSignal("online", "offline")).toBe("resume");
    expect(responseToSignal("online", "backing-off")).toBe("none");
    expect(responseToSignal("online", "online")).toBe("none");
  });

  it("skips a hidden-tab backoff when someone looks at the tab again", () => {
    expect(responseToSignal("visible", "backing-off")).toBe("reconnect-now");
    expect(responseToSignal("visible", "restarting")).toBe("reconnect-now");
    expect(responseToSignal("visible", "waiting-for-gateway")).toBe("none");
    expect(responseToSignal("visible", "failed")).toBe("none");
    expect(responseToSignal("hidden", "backing-off")).toBe("none");
  });
});
