/**
 * What the browser tells the connection: whether it has a network and whether
 * anyone is looking at the tab. `windowSignals` reads the real window; tests
 * pass their own. `responseToSignal` says what the connection does about each.
 */
import type { ConnectionStatus } from "./connection-machine";

export type BrowserSignal = "online" | "offline" | "visible" | "hidden";

export interface BrowserSignals {
  isOnline(): boolean;
  isHidden(): boolean;
  subscribe(onChange: (change: BrowserSignal) => void): () => void;
}

export function windowSignals(): BrowserSignals {
  return {
    isOnline: () => navigator.onLine !== false,
    isHidden: () => document.visibilityState === "hidden",
    subscribe(onChange) {
      const online = () => onChange("online");
      const offline = () => onChange("offline");
      const visibility = () => onChange(document.visibilityState === "hidden" ? "hidden" : "visible");
      window.addEventListener("online", online);
      window.addEventListener("offline", offline);
      document.addEventListener("visibilitychange", visibility);
      return () => {
        window.removeEventListener("online", online);
        window.removeEventListener("offline", offline);
        document.removeEventListener("visibilitychange", visibility);
      };
    },
  };
}

/**
 * - `go-offline`: tell the state machine; if it went offline, stop retrying until the network is back.
 * - `resume`: the network is back after an offline pause: start again with a fresh backoff.
 * - `reconnect-now`: someone is looking again: do not make them wait out a hidden-tab backoff.
 */
export type SignalResponse = "go-offline" | "resume" | "reconnect-now" | "none";

export function responseToSignal(signal: BrowserSignal, status: ConnectionStatus): SignalResponse {
  switch (signal) {
    case "offline":
      return "go-offline";
    case "online":
      return status === "offline" ? "resume" : "none";
    case "visible":
      return status === "backing-off" || status === "restarting" ? "reconnect-now" : "none";
    case "hidden":
      return "none";
  }
}
