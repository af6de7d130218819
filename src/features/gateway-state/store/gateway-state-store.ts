/**
 * The gateway's own live state for this page: its summary from hello, its
 * health and presence as pushed by events (each with a stateVersion), and a
 * restart noticed through a new boot id. Actions are named after what
 * happened; the feed hook calls them.
 */
import { createStore, useStore } from "zustand";
import { restartOf, type GatewayRestart, type RememberedBoot } from "../model/boot-memory";
import { gatewaySummaryOf, healthReceived, readHealth, UNKNOWN_HEALTH, type GatewayHealth, type GatewaySummary } from "../model/gateway-summary";
import { EMPTY_PRESENCE, presenceReceived, readPresenceEntries, type PresenceEntry, type PresenceState } from "../model/presence";
import { readHello } from "@/gateway/hello";

export interface GatewayState {
  url?: string;
  summary?: GatewaySummary;
  health: GatewayHealth;
  presence: PresenceState;
  restart?: GatewayRestart;
  /** The boot this page last saw, to tell a restart while open from one while away. */
  pageBoot?: RememberedBoot;
  /** When this page stopped hearing the gateway; until the next hello, presence and health are what was known then. */
  lostAt?: number;
}

export interface HelloReceived {
  url: string;
  hello: unknown;
  at: number;
  /** What this browser remembered for the URL before this page connected. */
  remembered?: RememberedBoot;
}

interface GatewayStateActions {
  helloReceived(event: HelloReceived): void;
  presenceReceived(entries: PresenceEntry[], version?: number): void;
  healthReceived(health: GatewayHealth): void;
  connectionLost(at: number): void;
}

const INITIAL: GatewayState = { health: UNKNOWN_HEALTH, presence: EMPTY_PRESENCE };

export function createGatewayStateStore() {
  return createStore<GatewayState & GatewayStateActions>()((set, get) => ({
    ...INITIAL,

    helloReceived({ url, hello, at, remembered }) {
      const current = get();
      const sameGateway = current.url === url;
      const facts = readHello(hello);
      const summary = gatewaySummaryOf(facts, at);
      const restart = restartOf(summary.bootId, sameGateway ? current.pageBoot : undefined, remembered, at);
      // Each connection's stateVersions start again, so the snapshot replaces what was shown; "since" survives a reconnect, not a restart.
      const keptPresence = sameGateway && !restart ? { ...current.presence, version: undefined } : EMPTY_PRESENCE;
      set({
        url,
        summary,
        presence: presenceReceived(keptPresence, readPresenceEntries(facts.presence), facts.presenceVersion),
        health: readHealth(facts.health, facts.healthVersion),
        restart: restart ?? (sameGateway ? current.restart : undefined),
        ...(summary.bootId ? { pageBoot: { bootId: summary.bootId, seenAt: at } } : {}),
        lostAt: undefined,
      });
    },

    presenceReceived(entries, version) {
      set({ presence: presenceReceived(get().presence, entries, version) });
    },

    healthReceived(health) {
      set({ health: healthReceived(get().health, health) });
    },

    connectionLost(at) {
      // Only the first moment counts: later attempts failing do not make the last-known list any newer.
      if (get().lostAt === undefined && get().url !== undefined) set({ lostAt: at });
    },
  }));
}

export const gatewayStateStore = createGatewayStateStore();

export function useGatewayState<T>(select: (state: GatewayState) => T): T {
  return useStore(gatewayStateStore, select);
}
