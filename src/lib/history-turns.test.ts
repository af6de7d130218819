import { describe, expect, it } from "vitest";
import { historyExchanges, lastHistoryRows } from "@/testing/capture-frames";
import { splitHistoryTurns, turnsByRun, type HistoryTurn } from "./history-turns";

/** [key, runId, user text or null, reply roles] per turn: the split at a glance. */
function shape(turns: HistoryTurn[]): Array<[string, string | undefined, unknown, unknown[]]> {
  return turns.map((turn) => [turn.key, turn.runId, turn.userRow?.content ?? null, turn.replies.map((row) => row.role)]);
}

describe("splitHistoryTurns on real histories", () => {
  it("makes one turn per user row, keyed by its run id, with the rows that answer it", () => {
    const turns = splitHistoryTurns(lastHistoryRows("b-tool-call-exec.jsonl"));
    expect(shape(turns)).toEqual([
      ["0882011e-ed23-4121-bfe2-d629680dd03b", "0882011e-ed23-4121-bfe2-d629680dd03b", "Say hi. fake:text", ["assistant"]],
      ["92d9f85d-c3e0-4cd9-a09f-df8c8de1d079", "92d9f85d-c3e0-4cd9-a09f-df8c8de1d079", "Run the tool please. fake:tool", ["assistant", "toolResult", "assistant"]],
    ]);
  });

  it("opens each turn at its user row's timestamp and names that row", () => {
    const [first] = splitHistoryTurns(lastHistoryRows("history-after-sigterm-restart.jsonl"));
    expect(first).toMatchObject({ at: 1_795_485_304_684, openingRowId: "75107626-8a59-4828-816d-107b7c0b1307" });
  });

  it("keeps custom rows and every failed attempt with their turn", () => {
    const turns = splitHistoryTurns(lastHistoryRows("history-after-sigterm-restart.jsonl"));
    expect(turns.map((turn) => [turn.runId?.slice(0, 8), turn.replies.map((row) => row.role).join(",")])).toEqual([
      ["0882011e", "assistant"],
      ["92d9f85d", "assistant,toolResult,assistant"],
      ["5c028c22", "assistant"],
      ["d8ced65c", "assistant"],
      ["514dfa0b", "assistant"],
      ["00fd17b8", "custom"],
      ["903fae66", "assistant"],
      ["a7e55c37", "custom"],
      ["2def5189", "assistant,assistant,assistant,assistant,assistant"],
      ["c57e3c16", "assistant"],
    ]);
  });

  it("after a SIGKILL: the killed turn has no replies and the gateway's note opens the resumed run", () => {
    const turns = splitHistoryTurns(lastHistoryRows("history-after-sigkill-auto-recovery.jsonl"));
    const [killed, resumed] = turns.slice(-2);
    expect(killed).toMatchObject({ runId: "72ea3a93-9bb0-4b99-90bc-3b59169519dc", replies: [] });
    expect(resumed).toMatchObject({ runId: "a2c577b9-e657-4fd2-b6ff-79488a22528f", openingRowId: "b20dbc48-7849-4aa2-9f60-5d511f88f2ab", replies: [] });
    expect(resumed?.userRow?.provenance).toMatchObject({ sourceTool: "main_session_restart_recovery" });
  });

  it("an empty history has no turns", () => {
    expect(splitHistoryTurns(lastHistoryRows("handshake-empty-history.jsonl"))).toEqual([]);
  });
});

const user = (runId: string, text: string) => ({ role: "user", content: text, timestamp: 1, idempotencyKey: `${runId}:user` });
const reply = (runId: string | undefined, text: string, id?: string) => ({
  role: "assistant",
  content: [{ type: "text", text }],
  stopReason: "stop",
  timestamp: 2,
  __openclaw: { runId, id },
});

describe("splitHistoryTurns: which turn a reply joins", () => {
  it("the turn of the run it names, even after a later user row that does not say it was steered into that run", () => {
    expect(shape(splitHistoryTurns([user("run-a", "first"), user("run-b", "also this"), reply("run-a", "answer a")]))).toEqual([
      ["run-a", "run-a", "first", ["assistant"]],
      ["run-b", "run-b", "also this", []],
    ]);
  });

  it("a run no turn knows, after the newest turn was answered by another run, opens a turn with no user row", () => {
    expect(shape(splitHistoryTurns([user("run-a", "hi"), reply("run-a", "hello"), reply("run-c", "from cron")]))).toEqual([
      ["run-a", "run-a", "hi", ["assistant"]],
      ["run-c", "run-c", null, ["assistant"]],
    ]);
  });

  it("a run no turn knows joins a newest turn that has no replies yet", () => {
    expect(shape(splitHistoryTurns([user("run-a", "hi"), reply("run-x", "hello")]))).toEqual([["run-a", "run-a", "hi", ["assistant"]]]);
  });

  it("a user row without a key takes the run id of its first reply, and keeps its row id as key", () => {
    const turns = splitHistoryTurns([{ role: "user", content: "from telegram", __openclaw: { id: "row-id-1" } }, reply(undefined, "thinking…"), reply("run-t", "done")]);
    expect(shape(turns)).toEqual([["row-id-1", "run-t", "from telegram", ["assistant", "assistant"]]]);
    expect(turns[0]?.openingRowId).toBe("row-id-1");
  });

  it("replies with no user row before them open a turn keyed by their run, else by their row", () => {
    expect(shape(splitHistoryTurns([reply("run-z", "orphan")]))).toEqual([["run-z", "run-z", null, ["assistant"]]]);
    expect(shape(splitHistoryTurns([reply(undefined, "orphan", "entry-9")]))).toEqual([["entry-9", undefined, null, ["assistant"]]]);
  });
});

describe("splitHistoryTurns: notes put in with chat.inject", () => {
  // As the real gateway stores them (chat.inject, 2026.9.6).
  const note = (text: string, id: string) => ({ role: "assistant", content: [{ type: "text", text }], stopReason: "stop", provider: "openclaw", model: "gateway-injected", __openclaw: { id, seq: 1 } });

  it("each note stands on its own turn, after a user's turn and before the next", () => {
    const rows = [user("run-a", "hi"), reply("run-a", "hello"), note("Deploy at 5", "n1"), note("Deploy done", "n2"), reply(undefined, "orphan", "r9")];
    expect(shape(splitHistoryTurns(rows))).toEqual([
      ["run-a", "run-a", "hi", ["assistant"]],
      ["n1", undefined, null, ["assistant"]],
      ["n2", undefined, null, ["assistant"]],
      ["r9", undefined, null, ["assistant"]],
    ]);
  });

  it("a note that names a run is that run's reply", () => {
    const named = { ...note("x", "n3"), __openclaw: { id: "n3", runId: "run-a" } };
    expect(shape(splitHistoryTurns([user("run-a", "hi"), named]))).toEqual([["run-a", "run-a", "hi", ["assistant"]]]);
  });
});

describe("splitHistoryTurns: rows that belong to no turn", () => {
  it("skips compaction and reset markers, whatever their role", () => {
    const compaction = { role: "system", content: [{ type: "text", text: "Compaction" }], timestamp: 1, __openclaw: { kind: "compaction", id: "comp-1" } };
    const markedUser = { ...user("run-r", "reset"), __openclaw: { kind: "reset" } };
    const markedReply = { ...reply("run-a", "summary"), __openclaw: { runId: "run-a", kind: "compaction" } };
    expect(shape(splitHistoryTurns([compaction, markedUser, user("run-a", "hi"), markedReply, reply("run-a", "hello")]))).toEqual([["run-a", "run-a", "hi", ["assistant"]]]);
  });

  it("skips roles that do not answer a user, and junk", () => {
    expect(splitHistoryTurns([null, 3, "x", [], { role: "system", content: "note" }, { content: "no role" }])).toEqual([]);
  });

  it("counts skipped rows in the position that names a row without an id", () => {
    const [turn] = splitHistoryTurns([null, { role: "user", content: "hi" }]);
    expect(turn).toMatchObject({ key: "row-1", openingRowId: "row-1", runId: undefined, at: undefined });
  });
});

describe("splitHistoryTurns: a message queued behind a running reply", () => {
  // The rows openclaw 2026.9.6 writes when a second message arrives while a reply runs: it is queued as a
  // follow-up, its user row keeps the sender's key, and a run of the gateway's own id answers it.
  const rows = [
    { role: "user", content: "Count slowly. fake:slowtool", __openclaw: { id: "row-1", idempotencyKey: "first:user", seq: 1 } },
    { role: "assistant", content: [{ type: "text", text: "Tool finished." }], __openclaw: { id: "row-2", runId: "first", seq: 2 } },
    { role: "user", content: "Also, when done, say hi.", __openclaw: { id: "row-3", idempotencyKey: "queued:user", seq: 3 } },
    { role: "assistant", content: [{ type: "text", text: "Hello!" }], __openclaw: { id: "row-4", runId: "dispatched", seq: 4 } },
  ];

  it("gives the answer to the queued message's turn and names the run that wrote it", () => {
    const turns = splitHistoryTurns(rows);
    expect(shape(turns)).toEqual([
      ["first", "first", "Count slowly. fake:slowtool", ["assistant"]],
      ["queued", "queued", "Also, when done, say hi.", ["assistant"]],
    ]);
    expect(turns.map((turn) => turn.answeredBy)).toEqual([[], ["dispatched"]]);
  });
});

describe("splitHistoryTurns: a gateway command and its reply", () => {
  // What openclaw 2026.9.6 writes for `/queue followup` sent with key "q-1": the reply is gateway-injected and
  // names its command only by the idempotency key it was written under, not by a run id.
  const rows = [
    { role: "user", content: "/queue followup", idempotencyKey: "q-1:user", __openclaw: { id: "row-1", idempotencyKey: "q-1:user", seq: 1 } },
    {
      role: "assistant",
      content: [{ type: "text", text: "⚙️ Queue mode set to followup." }],
      model: "gateway-injected",
      provider: "openclaw",
      stopReason: "stop",
      idempotencyKey: "q-1",
      __openclaw: { id: "row-2", idempotencyKey: "q-1", seq: 2 },
    },
  ];

  it("gives the reply to the command's turn instead of making it a note of its own", () => {
    expect(shape(splitHistoryTurns(rows))).toEqual([["q-1", "q-1", "/queue followup", ["assistant"]]]);
  });
});

describe("splitHistoryTurns: a message steered into the running reply (the default steer mode)", () => {
  // openclaw 2026.9.6, default queue mode: "Also, when done, say hi." was sent while the first run's tool ran. The
  // gateway put it into that run after the tool; the run answered it, and its user row says so (`steerTargetRunId`).
  const rows = lastHistoryRows("steer-default-mode.jsonl");
  const ANSWER = "Hello! I'm the scripted model that ships with Clawscope. You said: “Also, when done, say hi.”. Add a cue such as `fake:tool` or `fake:429x2` to your message to script a scenario.";

  it("gives the run's rows after the steer point to the steered message's turn, and those before to the turn that started it", () => {
    const turns = splitHistoryTurns(rows);
    expect(shape(turns)).toEqual([
      ["first-steer", "first-steer", "Count slowly. fake:slowtool", ["assistant", "toolResult"]],
      ["second-steer", "second-steer", "Also, when done, say hi.", ["assistant"]],
    ]);
    expect(turns.map((turn) => [turn.steeredInto, turn.answeredBy])).toEqual([
      [undefined, []],
      ["first-steer", []],
    ]);
    expect(turns[1]?.replies[0]?.content).toEqual([{ type: "text", text: ANSWER }]);
  });

  it("marks the message steered as soon as history has its row, before the run's answer is written", () => {
    const [midRun] = historyExchanges("steer-default-mode.jsonl").slice(1, 2).map((exchange) => (exchange.payload as { messages: unknown[] }).messages);
    expect(shape(splitHistoryTurns(midRun ?? []))).toEqual([
      ["first-steer", "first-steer", "Count slowly. fake:slowtool", ["assistant", "toolResult"]],
      ["second-steer", "second-steer", "Also, when done, say hi.", []],
    ]);
    expect(splitHistoryTurns(midRun ?? [])[1]?.steeredInto).toBe("first-steer");
  });

  it("one turn per run gives the shared run back every row it wrote, in order", () => {
    const byRun = turnsByRun(splitHistoryTurns(rows));
    expect(shape(byRun)).toEqual([["first-steer", "first-steer", "Count slowly. fake:slowtool", ["assistant", "toolResult", "assistant"]]]);
  });

  it("a row steered into a run that is not in view (an earlier page) is an ordinary turn", () => {
    const steered = { role: "user", content: "and this", __openclaw: { id: "u2", idempotencyKey: "run-b:user", steerTargetRunId: "run-a" } };
    const turns = splitHistoryTurns([steered, reply("run-a", "both done")]);
    expect(shape(turns)).toEqual([["run-b", "run-b", "and this", ["assistant"]]]);
    expect(turns[0]?.steeredInto).toBeUndefined();
    expect(shape(turnsByRun(turns))).toEqual(shape(turns));
  });

  it("leaves a followup-mode queue as it was: the queued message is answered by a run of its own", () => {
    const turns = splitHistoryTurns(lastHistoryRows("steer-followup-mode.jsonl"));
    expect(turns.map((turn) => [turn.runId, turn.steeredInto, turn.answeredBy.length, turn.replies.length])).toEqual([
      ["queue-mode-1", undefined, 0, 1],
      ["first-followup", undefined, 0, 3],
      ["second-followup", undefined, 1, 1],
    ]);
  });
});
