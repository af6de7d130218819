import { describe, expect, it } from "vitest";
import { parseModelChoices } from "./provider-signals";
import { findModel, findThinkingLevel, readThinkingLevels, sessionThinking } from "./session-settings";

/** The real 2026.9.6 answers (trimmed), for a reasoning model and one without reasoning. */
const THINKER_LEVELS = [
  { id: "off", label: "off" },
  { id: "minimal", label: "minimal" },
  { id: "low", label: "low" },
  { id: "medium", label: "medium" },
  { id: "high", label: "high" },
];
const SESSIONS_LIST = {
  defaults: { modelProvider: "fake", model: "fake-model", thinkingLevels: [{ id: "off", label: "off" }], thinkingOptions: ["off"], thinkingDefault: "off" },
  sessions: [
    { key: "agent:main:think", modelProvider: "fake", model: "fake-thinker", thinkingLevel: "low", thinkingLevels: THINKER_LEVELS, thinkingDefault: "medium" },
    { key: "agent:main:inherit", modelProvider: "fake", model: "fake-thinker", thinkingLevels: THINKER_LEVELS, thinkingDefault: "medium" },
  ],
};

describe("sessionThinking", () => {
  it("reads a session's own level, what it would inherit, and the levels its model takes", () => {
    expect(sessionThinking(SESSIONS_LIST, "agent:main:think")).toEqual({ override: "low", inherited: "medium", levels: THINKER_LEVELS });
    expect(sessionThinking(SESSIONS_LIST, "agent:main:inherit")).toEqual({ inherited: "medium", levels: THINKER_LEVELS });
  });

  it("uses the gateway's defaults for a session that does not exist yet", () => {
    expect(sessionThinking(SESSIONS_LIST, "agent:main:new")).toEqual({ inherited: "off", levels: [{ id: "off", label: "off" }] });
    expect(sessionThinking(null, "agent:main:new")).toEqual({ levels: [] });
  });
});

describe("readThinkingLevels", () => {
  it("keeps provider labels, drops duplicates and malformed entries, and falls back to the legacy option list", () => {
    expect(readThinkingLevels([{ id: "low", label: "on" }, { id: "low" }, { label: "x" }, "high"])).toEqual([{ id: "low", label: "on" }]);
    expect(readThinkingLevels(undefined, ["off", "high", 3])).toEqual([
      { id: "off", label: "off" },
      { id: "high", label: "high" },
    ]);
  });

  it("is read into each models.list entry", () => {
    const [thinker] = parseModelChoices({ models: [{ id: "fake-thinker", name: "T", provider: "fake", thinkingLevels: THINKER_LEVELS, thinkingDefault: "medium", available: true }] });
    expect(thinker).toEqual({ id: "fake-thinker", name: "T", provider: "fake", available: true, thinkingLevels: THINKER_LEVELS, thinkingDefault: "medium" });
  });
});

describe("what a command names", () => {
  const options = [
    { ref: { provider: "fake", model: "fake-model" } },
    { ref: { provider: "fake", model: "fake-thinker" } },
    { ref: { provider: "fakeauth", model: "fake-model" } },
  ];

  it("finds a model by provider/model, or by a model id only one provider has", () => {
    expect(findModel(options, " FAKEAUTH/fake-model ")).toBe(options[2]);
    expect(findModel(options, "fake-thinker")).toBe(options[1]);
    expect(findModel(options, "fake-model")).toBeUndefined();
    expect(findModel(options, "")).toBeUndefined();
  });

  it("finds a level by id or label, and reads default/inherit as clearing the override", () => {
    expect(findThinkingLevel([{ id: "low", label: "on" }], "On")).toEqual({ level: "low" });
    expect(findThinkingLevel(THINKER_LEVELS, "high")).toEqual({ level: "high" });
    expect(findThinkingLevel(THINKER_LEVELS, "default")).toEqual({ level: null });
    expect(findThinkingLevel(THINKER_LEVELS, "ultra")).toBeUndefined();
  });
});
