import { signalsForRuns, type RunSignal } from "../model/run-signal";

/** Connection news, as `GatewayConnection.onConnectionLog` reports it. */
export type ConnectionNews =
  | { type: "disconnected"; at: number; code: number; reason: string }
  | { type: "restarting"; at: number; reason: string }
  | { type: "connected"; at: number; restarted: boolean; firstConnect: boolean }
  | { type: "gap"; at: number; expected: number; received: number }
  | { type: "rejected-frame"; at: number };

/** Connection news as a step on every run open when it happened, and whether history has moved on since. */
export function connectionNewsSignals(news: ConnectionNews, openRunIds: readonly string[]): { signals: RunSignal[]; historyStale: boolean } {
  switch (news.type) {
    case "disconnected":
      return { signals: signalsForRuns(openRunIds, { kind: "disconnected", code: news.code, reason: news.reason }, news.at), historyStale: false };
    case "restarting":
      return { signals: signalsForRuns(openRunIds, { kind: "gateway-restarting", reason: news.reason }, news.at), historyStale: false };
    case "connected":
      // What happened while away is in history now.
      if (news.firstConnect) return { signals: [], historyStale: false };
      return { signals: signalsForRuns(openRunIds, { kind: "reconnected", bootChanged: news.restarted }, news.at), historyStale: true };
    case "gap": {
      const body = { kind: "seq-gap" as const, expected: news.expected, received: news.received };
      return { signals: openRunIds.map((runId) => ({ ...body, runId, at: news.at, source: "live" as const })), historyStale: true };
    }
    case "rejected-frame":
      return { signals: [], historyStale: false };
  }
}
