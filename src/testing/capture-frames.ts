/**
 * Reads the raw frames recorded from a real gateway (src/testing/captures,
 * copied from ../shared/captures) for use as test fixtures.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface CaptureLine {
  t: number;
  ts: string;
  dir: "in" | "out" | "open" | "close" | "error" | "note";
  frame?: Record<string, unknown>;
  code?: number;
  reason?: string;
}

export function readCapture(name: string): CaptureLine[] {
  const path = fileURLToPath(new URL(`./captures/${name}`, import.meta.url));
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as CaptureLine);
}

/** The first frame the gateway sent that matches the predicate. */
export function findInbound(name: string, match: (frame: Record<string, unknown>) => boolean): Record<string, unknown> {
  const line = readCapture(name).find((entry) => entry.dir === "in" && entry.frame && match(entry.frame));
  if (!line?.frame) throw new Error(`no matching inbound frame in ${name}`);
  return line.frame;
}

export function helloFrom(name = "a-text.jsonl"): Record<string, unknown> {
  return findInbound(name, (frame) => frame.type === "res" && (frame.payload as { type?: string } | undefined)?.type === "hello-ok");
}

export function connectErrorFrom(name: string): Record<string, unknown> {
  return findInbound(name, (frame) => frame.type === "res" && frame.ok === false);
}

/** The rows of the capture's last `chat.history` response, as the gateway sent them. */
export function lastHistoryRows(name: string): unknown[] {
  const payloads = readCapture(name).flatMap((line) => {
    const payload = line.dir === "in" && line.frame?.type === "res" ? line.frame.payload : undefined;
    return payload && typeof payload === "object" && Array.isArray((payload as { messages?: unknown }).messages) ? [(payload as { messages: unknown[] }).messages] : [];
  });
  return payloads.at(-1) ?? [];
}

/** Every `chat.history` read in the capture, in order: what was asked and what came back. */
export function historyExchanges(name: string): Array<{ params: Record<string, unknown>; payload: unknown }> {
  const asked = new Map<string, Record<string, unknown>>();
  const exchanges: Array<{ params: Record<string, unknown>; payload: unknown }> = [];
  for (const line of readCapture(name)) {
    const frame = line.frame;
    if (line.dir === "out" && frame?.method === "chat.history" && typeof frame.id === "string") asked.set(frame.id, (frame.params ?? {}) as Record<string, unknown>);
    if (line.dir === "in" && frame?.type === "res" && typeof frame.id === "string" && asked.has(frame.id)) {
      exchanges.push({ params: asked.get(frame.id) ?? {}, payload: frame.payload });
      asked.delete(frame.id);
    }
  }
  return exchanges;
}
