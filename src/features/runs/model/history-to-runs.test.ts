import { describe, expect, it } from "vitest";
import { boundedToString } from "./bounded-text";
import { historyPayloads, lastHistoryMessages } from "./capture-fixtures";
import { isRecord } from "@/lib/read-untrusted";
import { isRestartRecoveryNote } from "@/lib/history-rows";
import { runsFromHistory } from "./history-to-runs";
import { deriveRunOutcome, type RunOutcome } from "./run-outcome";
import { stepsOfKind, type RunTimeline } from "./run-timeline";

const SESSION = "agent:main:main";

function restore(name: string): RunTimeline[] {
  const payload = historyPayloads(name).at(-1);
  return runsFromHistory(lastHistoryMessages(name), { sessionKey: SESSION, activity: payload?.activity, inFlightRun: payload?.inFlightRun });
}

function outcomeOf(run: RunTimeline, gatewayConfirmedIdle?: boolean): RunOutcome {
  return deriveRunOutcome(run, { now: run.lastEventAt + 1_000, connection: "online", gatewayConfirmedIdle });
}

function byId(runs: RunTimeline[], prefix: string): RunTimeline {
  const run = runs.find((candidate) => candidate.runId.startsWith(prefix));
  if (!run) throw new Error(`no run ${prefix}`);
  return run;
}

describe("runsFromHistory on history-after-sigterm-restart", () => {
  const runs = restore("history-after-sigterm-restart.jsonl");

  it("makes one run per user turn, keyed by the chat.send runId", () => {
    expect(runs.map((run) => run.runId.slice(0, 8))).toEqual([
      "0882011e",
      "92d9f85d",
      "5c028c22",
      "d8ced65c",
      "514dfa0b",
      "00fd17b8",
      "903fae66",
      "a7e55c37",
      "2def5189",
      "c57e3c16",
    ]);
    for (const run of runs) {
      expect(run.sessionKey).toBe(SESSION);
      expect(run.status).toBe("ended");
      expect(run.steps.every((step) => step.source === "history")).toBe(true);
    }
  });

  it("restores the tool call with its arguments, result and title", () => {
    const run = byId(runs, "92d9f85d");
    const [tool] = stepsOfKind(run.steps, "tool");
    expect(tool).toMatchObject({
      toolCallId: "call_fake_whyt4h",
      name: "exec",
      title: "Exec",
      args: { command: "echo hello-from-fake-tool && uname -s" },
      status: "done",
      isError: false,
    });
    expect(tool?.result && boundedToString(tool.result)).toBe("hello-from-fake-tool\nLinux");
    expect(run.text).toBe("Tool finished. Result was: hello-from-fake-tool Linux");
    expect(outcomeOf(run).kind).toBe("completed");
  });

  it("classifies persisted failures from the transcript alone", () => {
    const rateLimited = outcomeOf(byId(runs, "d8ced65c"));
    expect(rateLimited).toMatchObject({ kind: "failed", errorClass: "rate_limit", httpStatus: 429, provider: "fake", model: "fake-model" });
    // The failure notice is the banner, not a reply.
    expect(byId(runs, "d8ced65c").text).toBe("");
    expect(outcomeOf(byId(runs, "903fae66"))).toMatchObject({ kind: "failed", errorClass: "auth", httpStatus: 401 });
    expect(outcomeOf(byId(runs, "a7e55c37"))).toMatchObject({ kind: "failed", errorClass: "auth", cooldown: true });
    expect(outcomeOf(byId(runs, "00fd17b8"))).toMatchObject({ kind: "aborted" });
  });

  it("turns the idle-timeout attempts into provider errors and a timeout failure", () => {
    const run = byId(runs, "2def5189");
    expect(stepsOfKind(run.steps, "provider-error")).toHaveLength(5);
    // History keeps no retry announcements, so no maximum: only the five attempts its errors show.
    expect(outcomeOf(run)).toMatchObject({ kind: "failed", errorClass: "timeout", summary: "fake/fake-model did not answer in time; gave up after 5 attempts." });
  });

  it("marks every turn followed by a later answered turn as no longer active", () => {
    expect(runs.slice(0, -1).every((run) => run.inactiveConfirmedAt !== undefined)).toBe(true);
  });

  it("cannot see the retries of a recovered run (they are not persisted)", () => {
    expect(outcomeOf(byId(runs, "514dfa0b")).kind).toBe("completed");
  });
});

describe("runsFromHistory after a SIGKILL", () => {
  it("auto-recovery: the restart note is a system turn, the killed turn was interrupted, the resumed run is in flight", () => {
    const messages = lastHistoryMessages("history-after-sigkill-auto-recovery.jsonl");
    expect(messages.filter((row) => isRecord(row) && isRestartRecoveryNote(row))).toHaveLength(1);
    const runs = restore("history-after-sigkill-auto-recovery.jsonl");
    const killed = byId(runs, "72ea3a93");
    expect(outcomeOf(killed)).toMatchObject({ kind: "interrupted" });
    const resumed = byId(runs, "a2c577b9");
    expect(resumed.trigger).toBe("restart-recovery");
    expect(resumed.text).toMatch(/^slow1 slow2/);
    expect(resumed.inactiveConfirmedAt).toBeUndefined();
    expect(outcomeOf(resumed, false).kind).toBe("running");
  });

  it("restart without recovery: the killed turn has only its user message; if the gateway says idle it is unknown", () => {
    const runs = restore("history-after-sigkill-restart.jsonl");
    const killed = runs.at(-1);
    expect(killed?.runId).toBe("72ea3a93-9bb0-4b99-90bc-3b59169519dc");
    expect(killed?.status).toBe("queued");
    expect(killed && outcomeOf(killed, true)).toMatchObject({ kind: "unknown", reason: "no-terminal-event" });
  });
});

describe("runsFromHistory on odd input", () => {
  it("skips junk rows and never throws", () => {
    const runs = runsFromHistory([
      null,
      42,
      "text",
      { role: "system", content: "x" },
      { role: "assistant", content: [{ type: "toolCall" }, { type: "text", text: 5 }], stopReason: 9 },
      { role: "toolResult" },
      { role: "user", content: [{ type: "text", text: "hi" }], timestamp: 1 },
      { role: "custom", customType: "run-failed-before-reply", content: "This turn ended before a reply: boom" },
      { role: "assistant", content: "odd string content", stopReason: "stop", __openclaw: { kind: "compaction" } },
    ]);
    expect(runs).toHaveLength(2);
    expect(outcomeOf(runs[1] as RunTimeline)).toMatchObject({ kind: "failed", summary: "boom" });
  });

  it("keeps rows of a steered run with that run even after a later user message", () => {
    const runs = runsFromHistory([
      { role: "user", content: "first", timestamp: 1, idempotencyKey: "run-a:user" },
      { role: "user", content: "also this", timestamp: 2, idempotencyKey: "run-b:user" },
      { role: "assistant", content: [{ type: "text", text: "answer a" }], stopReason: "stop", timestamp: 3, __openclaw: { runId: "run-a" } },
    ]);
    expect(runs.map((run) => [run.runId, run.text, run.status])).toEqual([
      ["run-a", "answer a", "ended"],
      ["run-b", "", "queued"],
    ]);
  });

  it("makes a run that no user row in view started its own run, not part of the answered turn before it", () => {
    const runs = runsFromHistory([
      { role: "user", content: "hi", timestamp: 1, idempotencyKey: "run-a:user" },
      { role: "assistant", content: [{ type: "text", text: "hello" }], stopReason: "stop", timestamp: 2, __openclaw: { runId: "run-a" } },
      { role: "assistant", content: [{ type: "text", text: "from cron" }], stopReason: "stop", timestamp: 3, __openclaw: { runId: "run-c" } },
    ]);
    expect(runs.map((run) => [run.runId, run.text, run.status])).toEqual([
      ["run-a", "hello", "ended"],
      ["run-c", "from cron", "ended"],
    ]);
  });

  it("isRestartRecoveryNote recognises the gateway's note by provenance or wording only", () => {
    expect(isRestartRecoveryNote({ role: "user", content: "hello" })).toBe(false);
    expect(isRestartRecoveryNote({ role: "assistant", content: "[System] Your previous turn was interrupted by a gateway restart" })).toBe(false);
    expect(isRestartRecoveryNote({ role: "user", content: "x", provenance: { sourceTool: "main_session_restart_recovery" } })).toBe(true);
  });
});

describe("runsFromHistory with sessionInfo", () => {
  it("settles a turn that never got a terminal row when the gateway lists no active runs", () => {
    const messages = lastHistoryMessages("history-after-sigkill-restart.jsonl");
    const settled = runsFromHistory(messages, { sessionInfo: { hasActiveRun: false, activeRunIds: [], snapshotAt: 1_795_486_600_000 } });
    expect(settled.at(-1)?.inactiveConfirmedAt).toBe(1_795_486_600_000);
    // The real capture right after the crash says hasActiveRun:true without ids: not a confirmation.
    const payload = historyPayloads("history-after-sigkill-restart.jsonl").at(-1);
    const stale = runsFromHistory(messages, { sessionInfo: payload?.sessionInfo });
    expect(stale.at(-1)?.inactiveConfirmedAt).toBeUndefined();
    expect(outcomeOf(stale.at(-1) as RunTimeline).kind).toBe("running");
  });
});

describe("runsFromHistory with a message steered into the running reply (default steer mode)", () => {
  const payload = historyPayloads("steer-default-mode.jsonl").at(-1);
  const runs = runsFromHistory(lastHistoryMessages("steer-default-mode.jsonl"), { sessionKey: "agent:main:capture-steer", activity: payload?.activity, sessionInfo: payload?.sessionInfo });
  const ANSWER = "Hello! I'm the scripted model that ships with Clawscope. You said: “Also, when done, say hi.”. Add a cue such as `fake:tool` or `fake:429x2` to your message to script a scenario.";

  it("makes one run, the one both messages shared, with its tool and the answer it gave after the steer", () => {
    expect(runs.map((run) => run.runId)).toEqual(["first-steer"]);
    const [run] = runs as [RunTimeline];
    expect(stepsOfKind(run.steps, "tool").map((tool) => [tool.name, tool.status])).toEqual([["exec", "done"]]);
    expect(stepsOfKind(run.steps, "text").map((text) => text.text)).toEqual([ANSWER]);
    expect(outcomeOf(run).kind).toBe("completed");
  });
});
