import { describe, expect, it } from "vitest";
import { responseToSignal } from "./browser-signals";

describe("responseToSignal", () => {
  it("always tells the machine when the network goes away", () => {
    expect(responseToSignal("offline", "online")).toBe("go-offline");
    expect(responseToSignal("offline", "backing-off")).toBe("go-offline");
  });

  it("resumes a connection paused for the network, and tries at once when one was waiting out a backoff", () => {
    expect(responseToSignal("online", "offline")).toBe("resume");
    expect(responseToSignal("online", "backing-off")).toBe("reconnect-now");
    expect(responseToSignal("online", "restarting")).toBe("reconnect-now");
    expect(responseToSignal("online", "online")).toBe("none");
    expect(responseToSignal("online", "failed")).toBe("none");
  });

  it("tries at once when someone looks at the tab again or another tab reached the gateway", () => {
    for (const signal of ["visible", "gateway-back"] as const) {
      expect(responseToSignal(signal, "backing-off")).toBe("reconnect-now");
      expect(responseToSignal(signal, "restarting")).toBe("reconnect-now");
      expect(responseToSignal(signal, "waiting-for-gateway")).toBe("reconnect-now");
      expect(responseToSignal(signal, "failed")).toBe("none");
      expect(responseToSignal(signal, "online")).toBe("none");
    }
    expect(responseToSignal("hidden", "backing-off")).toBe("none");
  });
});
