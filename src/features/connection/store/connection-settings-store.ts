/**
 * Where to connect: the gateway URL, its token and the open session. Kept in
 * localStorage so the connection form remembers its values. Actions are named
 * after what happened, not after the field they set.
 */
import { createStore, useStore } from "zustand";
import type { EmbeddedInfo } from "../api/embedded-info";
import type { LaunchParams } from "../model/launch-params";

export type SettingsSource = "link" | "user" | "embedded" | "same-origin";

export interface ConnectionSettings {
  gatewayUrl: string | null;
  token: string;
  sessionKey: string | null;
  source: SettingsSource | null;
}

const STORAGE_KEY = "clawscope.connection.v1";
const EMPTY: ConnectionSettings = { gatewayUrl: null, token: "", sessionKey: null, source: null };

function load(): ConnectionSettings {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return EMPTY;
    const parsed = JSON.parse(raw) as Partial<ConnectionSettings>;
    return {
      gatewayUrl: typeof parsed.gatewayUrl === "string" ? parsed.gatewayUrl : null,
      token: typeof parsed.token === "string" ? parsed.token : "",
      sessionKey: typeof parsed.sessionKey === "string" ? parsed.sessionKey : null,
      source: parsed.source ?? null,
    };
  } catch {
    return EMPTY;
  }
}

function save(settings: ConnectionSettings): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Private mode or a full quota: the settings still work for this tab.
  }
}

interface SettingsActions {
  launchLinkOpened(params: LaunchParams): void;
  connectionFormSubmitted(values: { gatewayUrl: string; token: string }): void;
  embeddedGatewayReady(info: EmbeddedInfo): void;
  embeddedGatewayChosen(info: EmbeddedInfo): void;
  sameOriginGatewayAssumed(url: string): void;
  sessionSelected(sessionKey: string): void;
}

export const connectionSettingsStore = createStore<ConnectionSettings & SettingsActions>()((set, get) => {
  const update = (next: Partial<ConnectionSettings>) => {
    set(next);
    const { gatewayUrl, token, sessionKey, source } = get();
    save({ gatewayUrl, token, sessionKey, source });
  };
  return {
    ...load(),
    launchLinkOpened(params) {
      if (!params.gatewayUrl && !params.token && !params.sessionKey) return;
      const current = get();
      const sameGateway = !params.gatewayUrl || params.gatewayUrl === current.gatewayUrl;
      // A link that only names a session does not choose a gateway: keep whoever chose it.
      const choosesGateway = params.gatewayUrl !== undefined || params.token !== undefined;
      update({
        gatewayUrl: params.gatewayUrl ?? current.gatewayUrl,
        token: params.token ?? (sameGateway ? current.token : ""),
        sessionKey: params.sessionKey ?? (sameGateway ? current.sessionKey : null),
        source: choosesGateway ? "link" : current.source,
      });
    },
    connectionFormSubmitted({ gatewayUrl, token }) {
      const sameGateway = gatewayUrl === get().gatewayUrl;
      update({ gatewayUrl, token, sessionKey: sameGateway ? get().sessionKey : null, source: "user" });
    },
    embeddedGatewayReady(info) {
      if (!info.gatewayUrl) return;
      // A gateway the user chose (form or link) wins over the one npm start brought along.
      const { source, gatewayUrl, sessionKey } = get();
      if ((source === "user" || source === "link") && gatewayUrl) return;
      update({
        gatewayUrl: info.gatewayUrl,
        token: info.token ?? "",
        sessionKey: gatewayUrl === null || gatewayUrl === info.gatewayUrl ? sessionKey : null,
        source: "embedded",
      });
    },
    embeddedGatewayChosen(info) {
      if (!info.gatewayUrl) return;
      update({ gatewayUrl: info.gatewayUrl, token: info.token ?? "", sessionKey: null, source: "embedded" });
    },
    sameOriginGatewayAssumed(url) {
      if (get().gatewayUrl) return;
      update({ gatewayUrl: url, source: "same-origin" });
    },
    sessionSelected(sessionKey) {
      update({ sessionKey });
    },
  };
});

export function useConnectionSettings<T>(select: (state: ConnectionSettings & SettingsActions) => T): T {
  return useStore(connectionSettingsStore, select);
}
