import { describe, expect, it } from "vitest";
import { agentLabel, parseAgents } from "./agents";

describe("parseAgents", () => {
  it("reads the roster with the default agent first and leaves system agents out", () => {
    expect(
      parseAgents({
        defaultId: "main",
        agents: [{ id: "helper", name: "Helper" }, { id: "custodian", kind: "system" }, { id: "main" }, { id: "bot", identity: { name: "Botty" } }, { id: "" }, "junk"],
      }),
    ).toEqual({
      defaultId: "main",
      agents: [
        { id: "main", name: "main" },
        { id: "helper", name: "Helper" },
        { id: "bot", name: "Botty" },
      ],
    });
  });

  it("survives an answer without agents", () => {
    expect(parseAgents(null)).toEqual({ defaultId: "main", agents: [] });
  });

  it("names an agent, with its id when the name says something else", () => {
    expect(agentLabel({ id: "helper", name: "Helper" })).toBe("Helper");
    expect(agentLabel({ id: "bot", name: "Botty" })).toBe("Botty (bot)");
  });
});
