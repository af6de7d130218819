/**
 * Where to connect: the gateway URL, its token and the open session. Actions
 * are named after what happened, not after the field they set.
 *
 * Where it is kept (connection-settings-storage.ts): this tab's choice in
 * sessionStorage, token included; in localStorage only the gateway and session
 * the user picked, and the token too only with "Remember on this device". A
 * launch link is a request (`pendingLaunch`, never stored) until the user
 * accepts it; an accepted one lasts for this tab.
 */
import { createStore, useStore } from "zustand";
import type { EmbeddedInfo } from "../api/embedded-info";
import { launchQuestion, type LaunchParams, type LaunchRequest } from "../model/launch-params";
import { EMPTY_SETTINGS, forgetStoredSettings, loadSettings, saveSettings, type ConnectionSettings } from "./connection-settings-storage";

export type { ConnectionSettings, SettingsSource } from "./connection-settings-storage";

export interface ConnectionFormValues {
  gatewayUrl: string;
  token: string;
  remember: boolean;
}

interface SettingsActions {
  launchLinkOpened(params: LaunchParams): void;
  launchLinkAccepted(): void;
  launchLinkDeclined(): void;
  connectionFormSubmitted(values: ConnectionFormValues): void;
  embeddedGatewayReady(info: EmbeddedInfo): void;
  embeddedGatewayChosen(info: EmbeddedInfo): void;
  sameOriginGatewayAssumed(url: string): void;
  sessionSelected(sessionKey: string): void;
  gatewayForgotten(gatewayUrl: string): void;
  gatewayForgetFinished(summary: string): void;
}

/** What "Forget this gateway" did, shown once on the page that follows (the workspace is gone by then). */
export interface ForgetNotice {
  gatewayUrl: string;
  summary: string | null;
}

type SettingsState = ConnectionSettings & { pendingLaunch: LaunchRequest | null; forgetNotice: ForgetNotice | null };

export const connectionSettingsStore = createStore<SettingsState & SettingsActions>()((set, get) => {
  const update = (next: Partial<SettingsState>) => {
    set(next);
    const { gatewayUrl, token, sessionKey, source, remember } = get();
    saveSettings({ gatewayUrl, token, sessionKey, source, remember });
  };
  const follow = (request: LaunchRequest) => {
    const current = get();
    const sameGateway = !request.gatewayUrl || request.gatewayUrl === current.gatewayUrl;
    // A link that only names a session does not choose a gateway: keep whoever chose it.
    const choosesGateway = request.gatewayUrl !== undefined || request.token !== undefined;
    update({
      gatewayUrl: request.gatewayUrl ?? current.gatewayUrl,
      token: request.token ?? (sameGateway ? current.token : ""),
      sessionKey: request.sessionKey ?? (sameGateway ? current.sessionKey : null),
      source: choosesGateway ? "link" : current.source,
      pendingLaunch: null,
    });
  };
  /** Once the current gateway is known, a waiting link that turns out to change nothing needs no question. */
  const settlePendingLaunch = () => {
    const { pendingLaunch, gatewayUrl, token } = get();
    if (pendingLaunch && !launchQuestion(pendingLaunch, { gatewayUrl, token })) follow(pendingLaunch);
  };
  const initial = loadSettings();
  // Writes the loaded settings back at once, so a token an older version left in localStorage leaves it now.
  saveSettings(initial);
  return {
    ...initial,
    pendingLaunch: null,
    forgetNotice: null,
    launchLinkOpened(params) {
      const request: LaunchRequest = { gatewayUrl: params.gatewayUrl, token: params.token, sessionKey: params.sessionKey };
      if (!request.gatewayUrl && !request.token && !request.sessionKey) return;
      const { gatewayUrl, token } = get();
      if (launchQuestion(request, { gatewayUrl, token })) set({ pendingLaunch: request });
      else follow(request);
    },
    launchLinkAccepted() {
      const { pendingLaunch } = get();
      if (pendingLaunch) follow(pendingLaunch);
    },
    launchLinkDeclined() {
      set({ pendingLaunch: null });
    },
    connectionFormSubmitted({ gatewayUrl, token, remember }) {
      const sameGateway = gatewayUrl === get().gatewayUrl;
      update({ gatewayUrl, token, remember, sessionKey: sameGateway ? get().sessionKey : null, source: "user" });
    },
    embeddedGatewayReady(info) {
      if (!info.gatewayUrl) return;
      // A gateway the user chose (form, or a link they accepted in this tab) wins over the one npm start brought along.
      const { source, gatewayUrl, sessionKey } = get();
      if ((source === "user" || source === "link") && gatewayUrl) return settlePendingLaunch();
      update({
        gatewayUrl: info.gatewayUrl,
        token: info.token ?? "",
        sessionKey: gatewayUrl === null || gatewayUrl === info.gatewayUrl ? sessionKey : null,
        source: "embedded",
      });
      settlePendingLaunch();
    },
    embeddedGatewayChosen(info) {
      if (!info.gatewayUrl) return;
      update({ gatewayUrl: info.gatewayUrl, token: info.token ?? "", sessionKey: null, source: "embedded" });
    },
    sameOriginGatewayAssumed(url) {
      if (!get().gatewayUrl) update({ gatewayUrl: url, source: "same-origin" });
      settlePendingLaunch();
    },
    sessionSelected(sessionKey) {
      update({ sessionKey });
    },
    gatewayForgotten(gatewayUrl) {
      if (get().gatewayUrl !== gatewayUrl) return;
      forgetStoredSettings();
      set({ ...EMPTY_SETTINGS, pendingLaunch: null, forgetNotice: { gatewayUrl, summary: null } });
    },
    gatewayForgetFinished(summary) {
      const { forgetNotice } = get();
      if (forgetNotice) set({ forgetNotice: { ...forgetNotice, summary } });
    },
  };
});

export function useConnectionSettings<T>(select: (state: SettingsState & SettingsActions) => T): T {
  return useStore(connectionSettingsStore, select);
}
