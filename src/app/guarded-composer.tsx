/**
 * The composer with provider health in front of it. A message that would go
 * into a known failure (credential in cooldown, failing auth, unavailable
 * model, a rate limit still in force) is held, not dispatched, until the user
 * chooses: send it anyway, switch the session's model and send it there, or
 * test the provider first. Sending itself stays the caller's `onSend`.
 */
import { useState } from "react";
import { Composer, type ComposerProps } from "@/features/chat/components/composer";
import { useProbeProvider, useProviderHealth, useSwitchSessionModel } from "@/features/provider-health/api/use-provider-health";
import { ProviderHealthLine } from "@/features/provider-health/components/provider-health-line";
import { SendWarning } from "@/features/provider-health/components/send-warning";
import { healthSignature, sendWouldFail } from "@/features/provider-health/model/provider-health";
import type { ModelRef } from "@/features/provider-health/model/provider-signals";
import { readStoredText, writeStoredText } from "@/lib/stored-text";

const heldKey = (sessionKey: string) => `clawscope.held.${sessionKey}`;

/** The held message of each session, kept like the draft: it survives a reload and another session's hold. */
function useHeldMessage(sessionKey: string): [string | null, (text: string | null) => void] {
  const [held, setHeld] = useState<Record<string, string | null>>({});
  const current = sessionKey in held ? (held[sessionKey] ?? null) : readStoredText(heldKey(sessionKey));
  const update = (text: string | null) => {
    setHeld((all) => ({ ...all, [sessionKey]: text }));
    writeStoredText(heldKey(sessionKey), text);
  };
  return [current, update];
}

export function GuardedComposer(props: ComposerProps) {
  const { sessionKey, onSend } = props;
  const { target, health, now, alternatives } = useProviderHealth(sessionKey);
  const probe = useProbeProvider();
  const switchModel = useSwitchSessionModel(sessionKey);
  const [heldText, setHeld] = useHeldMessage(sessionKey);
  // The known failure the user already chose to send into; a new failure asks again.
  const [accepted, setAccepted] = useState<string | null>(null);

  const release = (text: string) => {
    setHeld(null);
    probe.reset();
    switchModel.reset();
    onSend(text);
  };

  const guardedSend = (text: string) => {
    if (sendWouldFail(health, Date.now()) && accepted !== `${sessionKey}|${healthSignature(health)}`) {
      setHeld(text);
      return;
    }
    onSend(text);
  };

  const switchAndSend = (next: ModelRef) => {
    if (!heldText) return;
    switchModel.mutate(next, { onSuccess: () => release(heldText) });
  };

  return (
    <div className="flex flex-col gap-1.5">
      <div className="mx-auto flex w-full max-w-4xl flex-col gap-1.5 px-4">
        <ProviderHealthLine target={target} health={health} now={now} />
        {heldText && (
          <SendWarning
            key={heldText}
            target={target}
            health={health}
            now={now}
            heldText={heldText}
            alternatives={alternatives}
            switching={switchModel.isPending}
            switchError={switchModel.error ? switchModel.error.message : null}
            probing={probe.isPending}
            probe={probe.data ?? null}
            probeError={probe.error ? probe.error.message : null}
            onSendAnyway={() => {
              setAccepted(`${sessionKey}|${healthSignature(health)}`);
              release(heldText);
            }}
            onSwitchAndSend={switchAndSend}
            onTest={() => target && probe.mutate(target.provider)}
            onDiscard={() => {
              setHeld(null);
              probe.reset();
              switchModel.reset();
            }}
          />
        )}
      </div>
      <Composer
        {...props}
        onSend={guardedSend}
        canSend={props.canSend && !heldText}
        disabledReason={heldText ? "Your message is held: choose what to do with it above." : props.disabledReason}
      />
    </div>
  );
}
