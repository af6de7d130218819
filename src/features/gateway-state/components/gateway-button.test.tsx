// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConnectionState } from "@/gateway/connection-machine";
import { readPresenceEntries } from "../model/presence";
import { gatewayStateStore } from "../store/gateway-state-store";
import { GatewayButton } from "./gateway-button";

let state: ConnectionState;
vi.mock("@/providers/gateway-provider", () => ({ useConnectionState: () => state }));

const TABS = ["tab-1", "tab-2"].map((instanceId) => ({ host: "Clawscope", clientId: "openclaw-control-ui", mode: "webchat", instanceId, reason: "connect", ts: 5 }));

afterEach(cleanup);

describe("GatewayButton", () => {
  it("counts the clients the gateway lists while connected, and no count it cannot know while the gateway is unreachable", () => {
    act(() => gatewayStateStore.getState().presenceReceived(readPresenceEntries({ presence: TABS })));
    state = { status: "online" } as unknown as ConnectionState;
    const { rerender } = render(<GatewayButton open={false} onToggle={() => undefined} />);
    expect(screen.getByRole("button", { expanded: false }).textContent).toBe("Gateway2 clients");
    state = { status: "reconnecting" } as unknown as ConnectionState;
    rerender(<GatewayButton open={false} onToggle={() => undefined} />);
    expect(screen.getByRole("button", { expanded: false }).textContent).toBe("Gateway");
  });
});
