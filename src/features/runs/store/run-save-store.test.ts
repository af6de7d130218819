import { beforeEach, describe, expect, it } from "vitest";
import { notSavedOf, runSaveStore } from "./run-save-store";

beforeEach(() => runSaveStore.setState({ notSaved: new Map() }));

describe("run save state", () => {
  it("marks the runs a write could not save, per gateway, until a later write saves them", () => {
    const { runsSaveResult } = runSaveStore.getState();
    runsSaveResult("ws://gw", ["r1", "r2"], { status: "not-saved", reason: "quota" });
    expect(notSavedOf(runSaveStore.getState(), "ws://gw", "r1")).toEqual({ status: "not-saved", reason: "quota" });
    expect(notSavedOf(runSaveStore.getState(), "ws://other", "r1")).toBeUndefined();
    runsSaveResult("ws://gw", ["r1"], { status: "saved" });
    expect(notSavedOf(runSaveStore.getState(), "ws://gw", "r1")).toBeUndefined();
    expect(notSavedOf(runSaveStore.getState(), "ws://gw", "r2")).toEqual({ status: "not-saved", reason: "quota" });
  });
});
