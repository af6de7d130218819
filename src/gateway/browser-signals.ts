/**
 * What the browser tells the connection: whether it has a network, whether
 * anyone is looking at the tab, and whether another tab of this page has just
 * reached the same gateway. `windowSignals` reads the real window; tests pass
 * their own. `responseToSignal` says what the connection does about each.
 */
import type { ConnectionStatus } from "./connection-machine";

/** `gateway-back`: another tab of this origin got a hello from the same gateway, so it is accepting again. */
export type BrowserSignal = "online" | "offline" | "visible" | "hidden" | "gateway-back";

export interface BrowserSignals {
  isOnline(): boolean;
  isHidden(): boolean;
  subscribe(onChange: (change: BrowserSignal) => void): () => void;
  /** Tells the other tabs that this one is connected to the gateway again. */
  announceOnline?(): void;
}

const CHANNEL = "clawscope.gateway";

interface Announcement {
  type: "gateway-online";
  url: string;
}

function isAnnouncementFor(data: unknown, url: string): boolean {
  return typeof data === "object" && data !== null && (data as Announcement).type === "gateway-online" && (data as Announcement).url === url;
}

export function windowSignals(gatewayUrl: string): BrowserSignals {
  // Open while subscribed; browsers without BroadcastChannel simply hear from no other tab.
  let channel: BroadcastChannel | null = null;
  return {
    isOnline: () => navigator.onLine !== false,
    isHidden: () => document.visibilityState === "hidden",
    announceOnline: () => channel?.postMessage({ type: "gateway-online", url: gatewayUrl } satisfies Announcement),
    subscribe(onChange) {
      const online = () => onChange("online");
      const offline = () => onChange("offline");
      const visibility = () => onChange(document.visibilityState === "hidden" ? "hidden" : "visible");
      window.addEventListener("online", online);
      window.addEventListener("offline", offline);
      document.addEventListener("visibilitychange", visibility);
      const own = typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL) : null;
      channel = own;
      own?.addEventListener("message", (event: MessageEvent) => {
        if (isAnnouncementFor(event.data, gatewayUrl)) onChange("gateway-back");
      });
      return () => {
        window.removeEventListener("online", online);
        window.removeEventListener("offline", offline);
        document.removeEventListener("visibilitychange", visibility);
        own?.close();
        if (channel === own) channel = null;
      };
    },
  };
}

/**
 * - `go-offline`: tell the state machine; if it went offline, stop retrying until the network is back.
 * - `resume`: the network is back after an offline pause: start again with a fresh backoff.
 * - `reconnect-now`: a reason to think the next attempt would work (the network came back, someone is
 *   looking, another tab reached the gateway): try at once instead of waiting out the backoff.
 */
export type SignalResponse = "go-offline" | "resume" | "reconnect-now" | "none";

/** Statuses that are waiting out a delay, where an attempt at once can help. */
const WAITING: ReadonlySet<ConnectionStatus> = new Set(["backing-off", "restarting", "waiting-for-gateway"]);

export function responseToSignal(signal: BrowserSignal, status: ConnectionStatus): SignalResponse {
  switch (signal) {
    case "offline":
      return "go-offline";
    case "online":
      if (status === "offline") return "resume";
      return WAITING.has(status) ? "reconnect-now" : "none";
    case "visible":
    case "gateway-back":
      return WAITING.has(status) ? "reconnect-now" : "none";
    case "hidden":
      return "none";
  }
}
