/**
 * steer-tool-then-reply.jsonl, recorded from the page's own socket against the real gateway: "Count slowly." runs a
 * slow tool; "Count once more." is steered in and makes it run the tool again; "Then talk for a while." is steered in
 * after that and is answered by a slow reply. Replayed the way the page meets it (events, sends, history reads when
 * they came back) through the run registry and the transcript, each steered message's answer is what the shared run
 * wrote between taking it in and taking the next one in, on the page and after history has the run.
 */
import { describe, expect, it } from "vitest";
import type { EventFrame } from "@openclaw/gateway-protocol";
import { parseChatHistory } from "@/features/chat/api/chat-history-query";
import { buildTranscript, type Turn } from "@/features/chat/model/transcript";
import { handedOnAt, steeredAnswer, takeInMoment, textBetween } from "@/features/runs/model/run-handoff";
import { RunRegistry } from "@/features/runs/registry/run-registry";
import { classifyEventFrame } from "@/gateway/event-router";
import { readCapture } from "@/testing/capture-frames";

const SLOW_REPLY = "This reply is streamed slowly, a few words at a time, so that you can watch the run inspector while the model is still talking. It keeps going for a while longer than a normal answer would, and then it finishes with a short closing sentence. Done.";

function replay(until = Number.POSITIVE_INFINITY) {
  const registry = new RunRegistry({ readLocalLog: () => Promise.resolve([]), recordLocalLog: () => {} });
  const asked = new Map<string, { method: string; at: number; sessionKey: string }>();
  let history: unknown[] = [];
  for (const line of readCapture("steer-tool-then-reply.jsonl")) {
    const at = Date.parse(line.ts);
    if (at > until) break;
    const frame = line.frame as Record<string, unknown> & { id?: string; method?: string; params?: Record<string, string> };
    if (line.dir === "out" && frame.id && frame.method && frame.params) {
      asked.set(frame.id, { method: frame.method, at, sessionKey: frame.params.sessionKey ?? "" });
      if (frame.method === "chat.send") registry.runSent(frame.params.idempotencyKey ?? "", frame.params.sessionKey ?? "", at);
    } else if (frame.type === "res" && frame.id && asked.get(frame.id)?.method === "chat.history") {
      const read = asked.get(frame.id)!;
      const loaded = parseChatHistory(read.sessionKey, frame.payload, read.at);
      history = loaded.messages;
      registry.historyLoaded(read.sessionKey, loaded, at);
    } else if (frame.type === "event") {
      const notice = classifyEventFrame(frame as unknown as EventFrame);
      if (notice?.type === "run-event") registry.runEventReceived(notice, at);
    }
  }
  return { registry, turns: buildTranscript(history, []) };
}

/** What SteeredReply shows under a steered turn, history's reply first. */
function answerUnder(registry: RunRegistry, turn: Turn, into: string): string {
  const run = registry.getRun(into)!;
  const from = takeInMoment(handedOnAt(registry.getRun(turn.runId!)), turn.takenInAt, 0);
  const until = takeInMoment(handedOnAt(registry.getRun(turn.nextSteered ?? "")), turn.nextTakenInAt, 0);
  return steeredAnswer(turn.replyText, run, from, until);
}

describe("two messages steered into one run (recorded from the page)", () => {
  it("after history has the run, the slow reply is under the second steered message only", () => {
    const { registry, turns } = replay();
    const [first, again, slow] = turns;
    expect(turns.map((turn) => turn.user?.text)).toEqual(["Count slowly. fake:slowtool", "Count once more. fake:slowtool", "Then talk for a while. fake:slow"]);
    // History's text step is timed by the gateway (when the model call began), 62 ms before the page heard the second
    // message's bare final: held to the live moment, the reply fell to the message before it.
    expect(answerUnder(registry, again!, first!.runId!)).toBe("");
    expect(answerUnder(registry, slow!, first!.runId!)).toBe(SLOW_REPLY);
  });

  it("while the reply streams, its words so far are under the second steered message only", () => {
    const streaming = Date.parse(readCapture("steer-tool-then-reply.jsonl").find((line) => JSON.stringify(line.frame).includes('"delta":" inspector"'))!.ts);
    const { registry } = replay(streaming);
    const { turns } = replay();
    const [first, again, slow] = turns;
    const shared = registry.getRun(first!.runId!)!;
    expect(shared.status).toBe("running");
    const live = (turn: Turn) => takeInMoment(handedOnAt(registry.getRun(turn.runId!)), undefined, 0);
    expect(textBetween(shared, live(again!), live(slow!))).toBe("");
    expect(SLOW_REPLY.startsWith(textBetween(shared, live(slow!), undefined))).toBe(true);
    expect(textBetween(shared, live(slow!), undefined)).toMatch(/^This reply is streamed slowly, .+ inspector$/);
  });
});
