/**
 * A hostile error: the gateway relays a provider's 1 MB error body. Measured
 * from the socket text to the words the banner renders (parse, normalize, fold,
 * the outcome rules and their text parsers), beside the floor of reading the
 * same frame. Before the error text was capped and the provider/model regex
 * replaced by a scan, this took ~40 s per render (quadratic); now it must stay
 * a small multiple of `JSON.parse`.
 */
import { foldRunSignal } from "@/features/runs/model/fold-run";
import { createRunFold, runTimeline } from "@/features/runs/model/fold-state";
import { normalizeGatewayEvent } from "@/features/runs/model/normalize-gateway-event";
import { deriveRunOutcome } from "@/features/runs/model/run-outcome";
import { toGatewayEvent, walkRaw } from "../lib/captures";
import { sideBySide, type SideBySideOptions } from "../lib/stats";
import type { Entry } from "./model-benches";

const RUN_ID = "bench-error-run";

/** One `chat` error frame whose message is 1 MB: a model name, then a body with no spaces (the old regex's worst case). */
function hugeErrorFrame(): string {
  const message = `⚠️ fake/fake-model request failed (HTTP 502): ${"<html>".repeat(10)}${"a".repeat(1_000_000)}`;
  return JSON.stringify({ type: "event", event: "chat", seq: 7, payload: { runId: RUN_ID, sessionKey: "agent:main:main", seq: 3, state: "error", errorMessage: message } });
}

/** What a render of the failed turn reads: the outcome's title and summary (the banner's text). */
function parseAndJudge(line: string): number {
  const frame = toGatewayEvent(JSON.parse(line));
  if (frame === undefined) throw new Error("bench: the error frame did not parse");
  let run = createRunFold(RUN_ID);
  for (const signal of normalizeGatewayEvent(frame, 1_000)) run = foldRunSignal(run, signal);
  const timeline = runTimeline(run);
  const outcome = deriveRunOutcome(timeline, { now: 2_000, connection: "online" });
  return outcome.title.length + outcome.summary.length;
}

export function errorBenches(options: SideBySideOptions): Entry[] {
  const line = hugeErrorFrame();
  const events = [{ line, receivedAt: 1_000 }];
  const run = runTimeline(normalizeGatewayEvent(toGatewayEvent(JSON.parse(line)) ?? { event: "none" }, 1_000).reduce(foldRunSignal, createRunFold(RUN_ID)));
  const outcome = deriveRunOutcome(run, { now: 2_000, connection: "online" });
  if (outcome.kind !== "failed" || outcome.model !== "fake-model") throw new Error(`bench: the 1 MB error was judged ${outcome.kind}`);
  return [
    {
      id: "error-1mb",
      label: "parse + render a 1 MB error",
      unit: "ms",
      ...sideBySide(() => parseAndJudge(line), () => walkRaw(events), options),
      candidateWhat: "JSON.parse + normalizeGatewayEvent + foldRunSignal + runTimeline + deriveRunOutcome (the banner's words) of one chat error frame carrying a 1 MB message",
      baselineWhat: "JSON.parse of the same frame + a visit of every value",
      details: { bytes: line.length, keptChars: run.terminal?.errorMessage?.length, summaryChars: outcome.summary.length },
    },
  ];
}
