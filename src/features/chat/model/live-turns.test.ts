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

describe("withRunsNotInHistory: the run that starts to answer a message still waiting in the queue", () => {
  // steer-followup-mode.jsonl: "Also, when done, say hi." (second-followup) waited behind first-followup; when that
  // ended, the gateway started 0f3473e3-… for it, a run id the message does not name, before history had its answer.
  const first: Turn = { key: "first-followup", runId: "first-followup", user: null, replyText: "", at: 95_405 };
  const waiting: Turn = { key: "second-followup", runId: "second-followup", user: null, replyText: "", at: 100_622 };
  const runs = [
    { runId: "first-followup", createdAt: 95_500 },
    { runId: "second-followup", createdAt: 100_630 },
    { runId: "0f3473e3-cb62-432d-90c8-0ff9b29d7946", createdAt: 107_069 },
  ];
  const waits = (runId: string) => runId === "second-followup";

  it("shows it under that message from its start, not as a turn of its own below it", () => {
    const turns = withRunsNotInHistory([first, waiting], runs, undefined, waits);
    expect(turns.map((turn) => [turn.runId, turn.answeredBy])).toEqual([
      ["first-followup", undefined],
      ["second-followup", ["0f3473e3-cb62-432d-90c8-0ff9b29d7946"]],
    ]);
  });

  it("gives it no message that is not waiting, nor one sent after the run started", () => {
    expect(withRunsNotInHistory([first, waiting], runs, undefined, () => false).map((turn) => turn.runId)).toEqual(["first-followup", "second-followup", "0f3473e3-cb62-432d-90c8-0ff9b29d7946"]);
    const later = { ...waiting, at: 107_100 };
    expect(withRunsNotInHistory([first, later], runs, undefined, waits).map((turn) => [turn.runId, turn.answeredBy])).toEqual([
      ["first-followup", undefined],
      ["second-followup", undefined],
      ["0f3473e3-cb62-432d-90c8-0ff9b29d7946", undefined],
    ]);
  });
});
