import { describe, expect, it } from "vitest";
import { foldRunSignals } from "../model/fold-run";
import { createRunFold } from "../model/fold-state";
import type { RunSignal } from "../model/run-signal";
import { BeforeLog, MAX_SIGNALS_BEFORE_LOG } from "./before-log";

const retry = (at: number): RunSignal => ({ kind: "retry", attempt: at, runId: "r1", at, source: "live", sessionKey: "s" });
const logged = foldRunSignals(createRunFold("r1", { at: 0, sessionKey: "s" }), [retry(0)]);

describe("BeforeLog", () => {
  it("folds what the page saw before the log was read on top of the logged run", () => {
    const held = new BeforeLog();
    held.hold("r1", "s", [retry(5)]);
    const known = foldRunSignals(createRunFold("r1", { at: 5, sessionKey: "s" }), [retry(5)]);
    expect(held.restore(logged, known)?.steps.toArray().map((step) => step.at)).toEqual([0, 5]);
    expect(held.restore(logged, undefined)).toBe(logged);
  });

  it("holds nothing once the session's log was read, and keeps the page's run when it saw too much to hold", () => {
    const held = new BeforeLog();
    held.sessionRead("s", () => "s");
    held.hold("r1", "s", [retry(5)]);
    expect(held.restore(logged, logged)).toBeUndefined();
    const busy = new BeforeLog();
    busy.hold("r1", "s", Array.from({ length: MAX_SIGNALS_BEFORE_LOG + 1 }, (_, i) => retry(i + 1)));
    expect(busy.restore(logged, logged)).toBeUndefined();
  });
});
