import { describe, expect, it } from "vitest";
import { withRunsNotInHistory } from "./live-turns";
import type { Turn } from "./transcript";

const inHistory: Turn = { key: "h", runId: "h", user: null, replyText: "from history", at: 100 };

describe("withRunsNotInHistory", () => {
  it("adds a turn for every known run history does not list, after the history's own", () => {
    const turns = withRunsNotInHistory([inHistory], [{ runId: "h", createdAt: 100 }, { runId: "live", createdAt: 200 }]);
    expect(turns.map((turn) => [turn.runId, turn.at])).toEqual([
      ["h", 100],
      ["live", 200],
    ]);
  });

  it("leaves out runs from before the session was reset: they belong to the old transcript", () => {
    const runs = [
      { runId: "before-reset", createdAt: 1_000 },
      { runId: "after-reset", createdAt: 3_000 },
    ];
    expect(withRunsNotInHistory([], runs, 2_000).map((turn) => turn.runId)).toEqual(["after-reset"]);
    expect(withRunsNotInHistory([], runs).map((turn) => turn.runId)).toEqual(["before-reset", "after-reset"]);
  });
});

describe("withRunsNotInHistory: a queued message answered by a run of the gateway's own id", () => {
  it("adds no second turn for the run history already shows as that message's answer", () => {
    const queued: Turn = { key: "queued", runId: "queued", answeredBy: ["dispatched"], user: null, replyText: "Hello!", at: 100 };
    const turns = withRunsNotInHistory([queued], [{ runId: "queued", createdAt: 100 }, { runId: "dispatched", createdAt: 150 }]);
    expect(turns.map((turn) => turn.key)).toEqual(["queued"]);
  });
});
