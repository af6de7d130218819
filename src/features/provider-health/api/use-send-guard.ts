/**
 * The held-message rule: a message that would go into a known failure
 * (credential in cooldown, failing auth, unavailable model, a rate limit still
 * in force) is held, not sent, until the user chooses — send it anyway,
 * switch the session's model and send it there, or discard it. A failure the
 * user already chose to send into is not asked about again; a new one is.
 */
import { useState } from "react";
import { heldMessageKey, readStoredText, writeStoredText } from "@/lib/stored-text";
import { healthSignature, sendWouldFail } from "../model/provider-health";
import type { ModelRef } from "../model/provider-signals";
import { useProbeProvider, useProviderHealth, useSwitchSessionModel } from "./use-provider-health";

/** The held message of each session, kept like the draft: it survives a reload and another session's hold. */
function useHeldMessage(sessionKey: string): [string | null, (text: string | null) => void] {
  const [held, setHeld] = useState<Record<string, string | null>>({});
  const current = sessionKey in held ? (held[sessionKey] ?? null) : readStoredText(heldMessageKey(sessionKey));
  const update = (text: string | null) => {
    setHeld((all) => ({ ...all, [sessionKey]: text }));
    writeStoredText(heldMessageKey(sessionKey), text);
  };
  return [current, update];
}

export function useSendGuard(sessionKey: string, send: (text: string) => void) {
  const view = useProviderHealth(sessionKey);
  const probe = useProbeProvider(sessionKey);
  const switchModel = useSwitchSessionModel(sessionKey);
  const [heldText, setHeld] = useHeldMessage(sessionKey);
  const [accepted, setAccepted] = useState<string | null>(null);
  const acceptance = `${sessionKey}|${healthSignature(view.health)}`;

  const forget = () => {
    setHeld(null);
    probe.reset();
    switchModel.reset();
  };
  const release = (text: string) => {
    forget();
    send(text);
  };

  return {
    ...view,
    heldText,
    probe,
    switchModel,
    guardedSend(text: string) {
      if (sendWouldFail(view.health, Date.now()) && accepted !== acceptance) setHeld(text);
      else send(text);
    },
    sendAnyway() {
      if (!heldText) return;
      setAccepted(acceptance);
      release(heldText);
    },
    switchAndSend(next: ModelRef) {
      if (heldText) switchModel.mutate(next, { onSuccess: () => release(heldText) });
    },
    testProvider() {
      if (view.target) probe.mutate(view.target.provider);
    },
    discard: forget,
  };
}
