/**
 * Decides which gateway this page talks to: a launch link, then what the user
 * entered, then the gateway `npm start` brought along, then (when this build
 * is served by a gateway as its Control UI) the page's own origin.
 */
import { useEffect, useState } from "react";
import { fetchEmbeddedInfo, type EmbeddedInfo } from "./embedded-info";
import { launchQuestion, readLaunchParams, sameOriginGatewayUrl, type LaunchQuestion } from "../model/launch-params";
import { connectionSettingsStore, useConnectionSettings } from "../store/connection-settings-store";

export type EmbeddedLookup = { state: "loading" } | { state: "absent" } | { state: "found"; info: EmbeddedInfo } | { state: "error"; message: string };

const POLL_WHILE_STARTING_MS = 1000;

export function useLaunchLink(): void {
  useEffect(() => {
    const params = readLaunchParams(window.location.href);
    connectionSettingsStore.getState().launchLinkOpened(params);
    // The token must not stay in the address bar, history or a screenshot.
    if (params.changed) window.history.replaceState(window.history.state, "", params.cleanedHref);
  }, []);
}

export interface LaunchConsent {
  question: LaunchQuestion;
  accept(): void;
  decline(): void;
}

/** The question a waiting launch link raises, once the current gateway is known (`ready`); null when there is none. */
export function useLaunchConsent(ready: boolean): LaunchConsent | null {
  const pending = useConnectionSettings((s) => s.pendingLaunch);
  const gatewayUrl = useConnectionSettings((s) => s.gatewayUrl);
  const token = useConnectionSettings((s) => s.token);
  const accept = useConnectionSettings((s) => s.launchLinkAccepted);
  const decline = useConnectionSettings((s) => s.launchLinkDeclined);
  const question = ready && pending ? launchQuestion(pending, { gatewayUrl, token }) : null;
  return question ? { question, accept, decline } : null;
}

export function useEmbeddedGateway(): EmbeddedLookup {
  const [lookup, setLookup] = useState<EmbeddedLookup>({ state: "loading" });
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    const poll = async () => {
      try {
        const info = await fetchEmbeddedInfo(controller.signal);
        if (cancelled) return;
        if (!info) {
          setLookup({ state: "absent" });
          connectionSettingsStore.getState().sameOriginGatewayAssumed(sameOriginGatewayUrl(window.location));
          return;
        }
        setLookup({ state: "found", info });
        if (info.phase === "ready") connectionSettingsStore.getState().embeddedGatewayReady(info);
        else if (info.phase !== "failed") timer = setTimeout(poll, POLL_WHILE_STARTING_MS);
      } catch (error) {
        if (cancelled) return;
        setLookup({ state: "error", message: error instanceof Error ? error.message : String(error) });
        timer = setTimeout(poll, POLL_WHILE_STARTING_MS * 3);
      }
    };
    void poll();
    return () => {
      cancelled = true;
      controller.abort();
      clearTimeout(timer);
    };
  }, []);
  return lookup;
}
