/** Keeps the address naming the open session, and opens the session Back or Forward lead to (model/session-address.ts). */
import { useEffect } from "react";
import { addressChange, sessionInAddress } from "../model/session-address";
import { connectionSettingsStore, useConnectionSettings } from "../store/connection-settings-store";

/** `ready`: the open session is settled (the gateway has said which is its main one). */
export function useSessionAddress(sessionKey: string, ready: boolean): void {
  // A link still waiting for the user's answer may name another session: the address waits for that answer.
  const linkPending = useConnectionSettings((s) => s.pendingLaunch !== null);

  useEffect(() => {
    if (!ready || linkPending) return;
    const change = addressChange(window.location.href, sessionKey);
    if (change.kind === "replace") window.history.replaceState(window.history.state, "", change.href);
    if (change.kind === "push") window.history.pushState(null, "", change.href);
  }, [sessionKey, ready, linkPending]);

  useEffect(() => {
    const onPopState = () => {
      const key = sessionInAddress(window.location.href);
      if (key) connectionSettingsStore.getState().sessionSelected(key);
    };
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);
}
