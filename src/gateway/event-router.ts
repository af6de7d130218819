/**
 * The one place where the gateway's event frames and connection news are told
 * apart. Every frame is classified once into a typed notice; features
 * subscribe to the notices they care about instead of each reading raw
 * frames with their own rules (e.g. what counts as "a run ended").
 */
import type { EventFrame } from "@openclaw/gateway-protocol";
import { isRecord, readRecord, readString, readText, type UnknownRecord } from "@/lib/read-untrusted";
import { parseApprovalEvent, type ApprovalChange } from "./exec-approvals";
import type { ConnectionLogEntry } from "./connection-log";

export type GatewayNotice =
  /** Any event that names a run (`payload.runId`): chat, agent streams, session.tool, timings. */
  | { type: "run-event"; frame: EventFrame; runId: string; sessionKey?: string; runEnded: boolean }
  /** The session list or a session's transcript changed outside any run. */
  | { type: "sessions-changed"; frame: EventFrame }
  /** A row the gateway wrote to a session's transcript (`session.message`), as a tail read would show it. */
  | { type: "transcript-row"; sessionKey: string; row: UnknownRecord }
  /** An exec approval was requested or decided (by anyone: this tab, another, the CLI). */
  | { type: "approval"; change: ApprovalChange }
  | { type: "presence"; frame: EventFrame }
  | { type: "health"; frame: EventFrame }
  | { type: "connection"; entry: ConnectionLogEntry };

export type GatewayNoticeType = GatewayNotice["type"];
type NoticeOf<T extends GatewayNoticeType> = Extract<GatewayNotice, { type: T }>;

/** `chat` states that end a run: the gateway sends no more chat frames for it after one of these. */
const RUN_ENDING_CHAT_STATES: ReadonlySet<string> = new Set(["final", "aborted", "error"]);
const SESSION_EVENTS: ReadonlySet<string> = new Set(["sessions.changed", "session.message"]);

export function classifyEventFrame(frame: EventFrame): GatewayNotice | null {
  const payload = isRecord(frame.payload) ? frame.payload : undefined;
  const approval = parseApprovalEvent(frame.event, frame.payload);
  if (approval) return { type: "approval", change: approval };
  const runId = payload ? readText(payload, "runId") : undefined;
  if (payload && runId) {
    const state = readString(payload, "state");
    const runEnded = frame.event === "chat" && state !== undefined && RUN_ENDING_CHAT_STATES.has(state);
    return { type: "run-event", frame, runId, sessionKey: readText(payload, "sessionKey"), runEnded };
  }
  if (SESSION_EVENTS.has(frame.event)) return { type: "sessions-changed", frame };
  if (frame.event === "presence") return { type: "presence", frame };
  if (frame.event === "health") return { type: "health", frame };
  return null;
}

/**
 * The row a `session.message` frame carries, besides its notice above: a run's rows (a message steered into it, its
 * reply) name the run, so the row would otherwise reach only run readers, and the transcript needs it before any read.
 */
export function transcriptRowOf(frame: EventFrame): Extract<GatewayNotice, { type: "transcript-row" }> | null {
  if (frame.event !== "session.message" || !isRecord(frame.payload)) return null;
  const sessionKey = readText(frame.payload, "sessionKey");
  const row = readRecord(frame.payload, "message");
  return sessionKey && row ? { type: "transcript-row", sessionKey, row } : null;
}

interface NoticeSource {
  onEvent(listener: (frame: EventFrame) => void): () => void;
  onConnectionLog(listener: (entry: ConnectionLogEntry) => void): () => void;
}

export class GatewayEventRouter {
  private readonly listeners = new Map<GatewayNoticeType, Set<(notice: GatewayNotice) => void>>();

  constructor(source: NoticeSource) {
    // Attached for the connection's whole life: the router is the connection's only raw-event reader.
    source.onEvent((frame) => {
      const notice = classifyEventFrame(frame);
      if (notice) this.deliver(notice);
      const row = transcriptRowOf(frame);
      if (row) this.deliver(row);
    });
    source.onConnectionLog((entry) => this.deliver({ type: "connection", entry }));
  }

  on<T extends GatewayNoticeType>(type: T, listener: (notice: NoticeOf<T>) => void): () => void {
    const set = this.listeners.get(type) ?? new Set();
    this.listeners.set(type, set);
    const untyped = listener as (notice: GatewayNotice) => void;
    set.add(untyped);
    return () => set.delete(untyped);
  }

  private deliver(notice: GatewayNotice): void {
    for (const listener of this.listeners.get(notice.type) ?? []) listener(notice);
  }
}

const routers = new WeakMap<NoticeSource, GatewayEventRouter>();

/** The router of one connection, made on first use so every feature shares it. */
export function eventRouterOf(source: NoticeSource): GatewayEventRouter {
  let router = routers.get(source);
  if (!router) {
    router = new GatewayEventRouter(source);
    routers.set(source, router);
  }
  return router;
}
