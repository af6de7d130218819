/**
 * Which replies this browser has shown, per gateway (the unread badges' memory), in localStorage so a reload
 * does not bring back badges for replies already read.
 */
import { createStore, useStore } from "zustand";
import { baselineOf, viewed, type SeenRuns } from "../model/unread";
import type { SessionRow } from "../model/session-row";

const STORAGE_KEY = "clawscope.sessions.seen.v1";

type SeenByGateway = Readonly<Record<string, SeenRuns>>;

function load(): SeenByGateway {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "{}");
    return parsed && typeof parsed === "object" ? (parsed as SeenByGateway) : {};
  } catch {
    return {};
  }
}

function save(seen: SeenByGateway): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(seen));
  } catch {
    // Private mode or a full quota: the badges still work until the tab closes.
  }
}

interface SeenRunsState {
  byGateway: SeenByGateway;
  /** The list arrived: a gateway met for the first time takes what it has as read. */
  sessionsListed(gatewayUrl: string, rows: readonly SessionRow[]): void;
  /** The session is open with this row's newest reply on screen. */
  sessionViewed(gatewayUrl: string, row: SessionRow): void;
}

export const seenRunsStore = createStore<SeenRunsState>()((set, get) => {
  const update = (gatewayUrl: string, seen: SeenRuns) => {
    const byGateway = { ...get().byGateway, [gatewayUrl]: seen };
    set({ byGateway });
    save(byGateway);
  };
  return {
    byGateway: load(),
    sessionsListed(gatewayUrl, rows) {
      if (!get().byGateway[gatewayUrl]) update(gatewayUrl, baselineOf(rows));
    },
    sessionViewed(gatewayUrl, row) {
      const current = get().byGateway[gatewayUrl] ?? {};
      const next = viewed(current, row);
      if (next !== current) update(gatewayUrl, next);
    },
  };
});

/** `undefined` until the gateway's list has been seen once: then nothing is unread yet. */
export function useSeenRuns(gatewayUrl: string): SeenRuns | undefined {
  return useStore(seenRunsStore, (state) => state.byGateway[gatewayUrl]);
}
