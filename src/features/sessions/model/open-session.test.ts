import { describe, expect, it } from "vitest";
import { openSessionTitle } from "./open-session";
import { placeholderRow } from "./session-row";

const roster = [
  { id: "main", name: "main" },
  { id: "helper", name: "Helper" },
  { id: "ops", name: "Night shift" },
];

describe("openSessionTitle", () => {
  it("names the session as the list does and its agent by name", () => {
    const row = { ...placeholderRow("agent:helper:chat-202612011417-ab3f"), title: "Plans" };
    expect(openSessionTitle("agent:helper:chat-202612011417-ab3f", [row], roster)).toEqual({ title: "Plans", agent: "Helper" });
  });

  it("adds the agent's id when its name differs from it", () => {
    expect(openSessionTitle("agent:ops:nightly", [], roster)).toEqual({ title: "nightly", agent: "Night shift (ops)" });
  });

  it("reads a session the gateway does not list yet by its key, and an unknown agent by its id", () => {
    expect(openSessionTitle("agent:ghost:e2e-new", [], roster)).toEqual({ title: "e2e-new", agent: "ghost" });
  });
});
