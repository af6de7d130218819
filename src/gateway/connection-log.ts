/** What the connection tells the run timelines and the details view, in order. */
import type { CloseKind } from "./close-codes";
import type { ServerSummary } from "./hello";

export type ConnectionLogEntry =
  | { type: "disconnected"; at: number; code: number; reason: string; words: string; kind: CloseKind }
  | { type: "restarting"; at: number; reason: string }
  | { type: "connected"; at: number; server: ServerSummary; restarted: boolean; firstConnect: boolean }
  | { type: "gap"; at: number; expected: number; received: number }
  | { type: "rejected-frame"; at: number; reason: string };
