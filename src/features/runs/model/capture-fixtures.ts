/**
 * Test-only: turns the real gateway recordings in src/testing/captures into
 * what this folder consumes (event frames, signals, folded runs, history
 * payloads), so the model is tested against what the gateway really sends.
 */
import { readCapture, type CaptureLine } from "@/testing/capture-frames";
import { foldRunSignals } from "./fold-run";
import { createRunFold, runTimeline, type RunFold } from "./fold-state";
import { normalizeGatewayEvent, type GatewayEventFrame } from "./normalize-gateway-event";
import { isRecord, readRecord, readString, type UnknownRecord } from "@/lib/read-untrusted";
import type { RunSignal } from "./run-signal";
import type { RunTimeline } from "./run-timeline";

export interface CapturedEvent {
  frame: GatewayEventFrame;
  receivedAt: number;
}

function receivedAt(line: CaptureLine): number {
  return Date.parse(line.ts);
}

/** Every event frame the gateway sent, in arrival order. */
export function captureEvents(name: string): CapturedEvent[] {
  const events: CapturedEvent[] = [];
  for (const line of readCapture(name)) {
    const frame = line.frame;
    if (line.dir !== "in" || frame?.type !== "event" || typeof frame.event !== "string") continue;
    events.push({
      frame: { event: frame.event, payload: frame.payload, seq: typeof frame.seq === "number" ? frame.seq : undefined },
      receivedAt: receivedAt(line),
    });
  }
  return events;
}

/** The runId of the capture's `chat.send` (runId = idempotencyKey), else the first run seen. */
export function captureRunId(name: string): string {
  for (const line of readCapture(name)) {
    const frame = line.frame;
    if (line.dir !== "out" || frame?.method !== "chat.send" || !isRecord(frame.params)) continue;
    const key = readString(frame.params, "idempotencyKey");
    if (key) return key;
  }
  const first = captureSignals(name)[0];
  if (!first) throw new Error(`no run in ${name}`);
  return first.runId;
}

export function captureSignals(name: string, runId?: string): RunSignal[] {
  return captureEvents(name)
    .flatMap(({ frame, receivedAt: at }) => normalizeGatewayEvent(frame, at))
    .filter((signal) => runId === undefined || signal.runId === runId);
}

/** The fold state of the capture's run, for tests that fold more signals onto it. */
export function captureFold(name: string): RunFold {
  const runId = captureRunId(name);
  return foldRunSignals(createRunFold(runId), captureSignals(name, runId));
}

export function foldCapture(name: string): RunTimeline {
  return runTimeline(captureFold(name));
}

/** When the capture's socket closed, and how. */
export function captureClose(name: string): { at: number; code: number; reason: string } | undefined {
  const line = readCapture(name).find((entry) => entry.dir === "close");
  return line ? { at: receivedAt(line), code: line.code ?? 0, reason: line.reason ?? "" } : undefined;
}

/** Payloads of `chat.history` responses (the `res` frames that carry `messages`). */
export function historyPayloads(name: string): UnknownRecord[] {
  const payloads: UnknownRecord[] = [];
  for (const line of readCapture(name)) {
    const frame = line.frame;
    if (line.dir !== "in" || frame?.type !== "res" || !isRecord(frame)) continue;
    const payload = readRecord(frame, "payload");
    if (payload && Array.isArray(payload.messages)) payloads.push(payload);
  }
  return payloads;
}

export function lastHistoryMessages(name: string): unknown[] {
  const payload = historyPayloads(name).at(-1);
  if (!payload || !Array.isArray(payload.messages)) throw new Error(`no chat.history response in ${name}`);
  return payload.messages;
}

/** The killed run as this browser saw it: the capture, its real close, and the restarted gateway answering 4 s later. */
export function killedThenRestarted(): RunTimeline {
  const name = "sigkill-midrun.jsonl";
  const runId = captureRunId(name);
  const close = captureClose(name);
  if (!close) throw new Error(`${name} has no close`);
  return runTimeline(
    foldRunSignals(captureFold(name), [
      { runId, at: close.at, source: "live", kind: "disconnected", code: close.code, reason: close.reason },
      { runId, at: close.at + 4_000, source: "live", kind: "gateway-restarted", bootChanged: true },
    ]),
  );
}
