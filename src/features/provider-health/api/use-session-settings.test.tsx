// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, renderHook, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionPickers } from "../components/session-pickers";
import type { ProviderHealthView } from "./use-provider-health";
import { useSessionSettings } from "./use-session-settings";

const SESSION = "agent:main:pick";
const THINKER_LEVELS = [
  { id: "off", label: "off" },
  { id: "low", label: "low" },
  { id: "high", label: "high" },
];

/** The gateway as the hook sees it: sessions.list answers from `row`, sessions.patch as `patch` decides. */
const gateway = vi.hoisted(() => ({
  row: {} as Record<string, unknown>,
  patch: async (_params: Record<string, unknown>): Promise<unknown> => ({ ok: true }),
  calls: [] as [string, unknown][],
}));

vi.mock("@/providers/gateway-provider", () => ({
  useGateway: () => ({
    url: "ws://gateway.test",
    request: async (method: string, params: Record<string, unknown>) => {
      gateway.calls.push([method, params]);
      if (method === "sessions.list") return { defaults: { modelProvider: "fake", model: "fake-model" }, sessions: [{ key: SESSION, ...gateway.row }] };
      if (method === "sessions.patch") return gateway.patch(params);
      throw new Error(`unexpected ${method}`);
    },
  }),
  useIsOnline: () => true,
}));

afterEach(() => {
  cleanup();
  gateway.calls = [];
});

const ready = { kind: "ready" } as const;
const health = (target: { provider: string; model: string }): ProviderHealthView => ({
  target,
  health: ready,
  now: 0,
  alternatives: [],
  models: [
    { ref: { provider: "fake", model: "fake-model" }, name: "Fake", health: ready, available: true, thinkingLevels: [{ id: "off", label: "off" }], thinkingDefault: "off" },
    { ref: { provider: "fake", model: "fake-thinker" }, name: "Thinker", health: ready, available: true, thinkingLevels: THINKER_LEVELS, thinkingDefault: "low" },
    { ref: { provider: "fakeauth", model: "fake-model" }, name: "Auth", health: { kind: "auth-failing", detail: "401" }, available: true },
  ],
});

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>{children}</QueryClientProvider>;
}

describe("useSessionSettings", () => {
  it("shows the session's thinking override and the levels its model takes", async () => {
    gateway.row = { modelProvider: "fake", model: "fake-thinker", thinkingLevel: "high", thinkingLevels: THINKER_LEVELS, thinkingDefault: "low" };
    const { result } = renderHook(() => useSessionSettings(SESSION, health({ provider: "fake", model: "fake-thinker" })), { wrapper });
    await waitFor(() => expect(result.current.thinking).toBe("high"));
    expect(result.current.thinkingLevels).toEqual(THINKER_LEVELS);
    expect(result.current.inheritedThinking).toBe("low");
  });

  it("shows a change while it is applied, reads the session again once the gateway took it, and says so", async () => {
    gateway.row = { modelProvider: "fake", model: "fake-model" };
    let confirm: (value: unknown) => void = () => undefined;
    gateway.patch = () => new Promise((resolve) => (confirm = resolve));
    const { result } = renderHook(() => useSessionSettings(SESSION, health({ provider: "fake", model: "fake-model" })), { wrapper });
    await waitFor(() => expect(gateway.calls.map(([method]) => method)).toContain("sessions.list"));
    // A row without levels: the model list's own levels for the session's model.
    expect(result.current.thinkingLevels).toEqual([{ id: "off", label: "off" }]);

    let outcome: Promise<unknown> = Promise.resolve();
    act(() => {
      outcome = result.current.chooseModel({ provider: "fake", model: "fake-thinker" });
    });
    await waitFor(() => expect(result.current.saving).toBe("model"));
    expect(result.current.model).toEqual({ provider: "fake", model: "fake-thinker" });
    // The model being applied brings its own levels and default.
    expect(result.current.thinkingLevels).toEqual(THINKER_LEVELS);
    expect(result.current.inheritedThinking).toBe("low");

    const listsBefore = gateway.calls.filter(([method]) => method === "sessions.list").length;
    await act(async () => confirm({ ok: true }));
    expect(await outcome).toEqual({ ok: true, text: "Changed the model to fake/fake-thinker; it applies from the next message." });
    expect(gateway.calls).toContainEqual(["sessions.patch", { key: SESSION, model: "fake/fake-thinker" }]);
    expect(gateway.calls.filter(([method]) => method === "sessions.list").length).toBe(listsBefore + 1);
    await waitFor(() => expect(result.current.saving).toBeNull());
    expect(result.current.error).toBeNull();
  });

  it("goes back to what the gateway has when it refuses a change, and says why", async () => {
    gateway.row = { modelProvider: "fake", model: "fake-thinker", thinkingLevels: THINKER_LEVELS, thinkingDefault: "low" };
    gateway.patch = async () => {
      throw new Error('thinkingLevel "high" is not supported for fake/fake-thinker (use off|low)');
    };
    const { result } = renderHook(() => useSessionSettings(SESSION, health({ provider: "fake", model: "fake-thinker" })), { wrapper });
    await waitFor(() => expect(result.current.thinkingLevels).toEqual(THINKER_LEVELS));

    let outcome: unknown;
    await act(async () => {
      outcome = await result.current.chooseThinking("high");
    });
    const why = 'Could not change the thinking level to high: thinkingLevel "high" is not supported for fake/fake-thinker (use off|low)';
    expect(outcome).toEqual({ ok: false, text: why });
    expect(result.current.thinking).toBeNull();
    expect(result.current.saving).toBeNull();
    expect(result.current.error).toBe(why);
  });
});

describe("SessionPickers", () => {
  it("offers every model with its provider's health, shows the current choice, and a refusal as an alert", async () => {
    gateway.row = { modelProvider: "fake", model: "fake-model", thinkingLevels: [{ id: "off", label: "off" }], thinkingDefault: "off" };
    gateway.patch = async () => {
      throw new Error("Unknown provider");
    };
    function Pickers() {
      const settings = useSessionSettings(SESSION, health({ provider: "fake", model: "fake-model" }));
      return <SessionPickers settings={settings} now={0} />;
    }
    render(<Pickers />, { wrapper });
    const model = screen.getByRole("combobox", { name: "Model" });
    expect([...model.querySelectorAll("option")].map((option) => option.textContent)).toEqual([
      "fake/fake-model (ready)",
      "fake/fake-thinker (ready)",
      "fakeauth/fake-model (authentication failing)",
    ]);
    expect(model).toHaveProperty("value", "fake/fake-model");
    await waitFor(() => expect([...screen.getByRole("combobox", { name: "Thinking" }).querySelectorAll("option")].map((option) => option.textContent)).toEqual(["default (off)", "off"]));

    await userEvent.setup().selectOptions(model, "fakeauth/fake-model");
    expect((await screen.findByRole("alert")).textContent).toBe("Could not change the model to fakeauth/fake-model: Unknown provider");
    expect(screen.getByRole("combobox", { name: "Model" })).toHaveProperty("value", "fake/fake-model");
  });

  it("while a run is going, says against each picker when a change takes effect (the gateway only moves a reply that has not started to a new model)", async () => {
    gateway.row = { modelProvider: "fake", model: "fake-model", thinkingLevels: [{ id: "off", label: "off" }], thinkingDefault: "off" };
    function Pickers({ runActive }: { runActive: boolean }) {
      const settings = useSessionSettings(SESSION, health({ provider: "fake", model: "fake-model" }));
      return <SessionPickers settings={settings} now={0} runActive={runActive} />;
    }
    const describedBy = (name: string) => {
      const ids = screen.getByRole("combobox", { name }).getAttribute("aria-describedby");
      return ids ? ids.split(" ").map((id) => document.getElementById(id)?.textContent) : [];
    };
    const view = render(<Pickers runActive />, { wrapper });
    const when = "A reply is running: a change applies from your next message. The running reply moves to a new model only if it has not written anything or called a tool yet.";
    expect(describedBy("Model")).toEqual([when]);
    expect(describedBy("Thinking")).toEqual([when]);
    expect(screen.getByRole("combobox", { name: "Model" })).toHaveProperty("disabled", false);

    view.rerender(<Pickers runActive={false} />);
    expect(describedBy("Model")).toEqual([]);
    expect(screen.queryByText(/A reply is running/)).toBeNull();
  });
});
