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

interface HeldMessage {
  sessionKey: string;
  text: string;
}

export function GuardedComposer(props: ComposerProps) {
  const { sessionKey, onSend } = props;
  const { target, health, now, alternatives } = useProviderHealth(sessionKey);
  const probe = useProbeProvider();
  const switchModel = useSwitchSessionModel(sessionKey);
  const [held, setHeld] = useState<HeldMessage | null>(null);
  // The known failure the user already chose to send into; a new failure asks again.
  const [accepted, setAccepted] = useState<string | null>(null);
  const heldHere = held?.sessionKey === sessionKey ? held : null;

  const release = (text: string) => {
    setHeld(null);
    probe.reset();
    switchModel.reset();
    onSend(text);
  };

  const guardedSend = (text: string) => {
    if (sendWouldFail(health, Date.now()) && accepted !== `${sessionKey}|${healthSignature(health)}`) {
      setHeld({ sessionKey, text });
      return;
    }
    onSend(text);
  };

  const switchAndSend = (next: ModelRef) => {
    if (!heldHere) return;
    switchModel.mutate(next, { onSuccess: () => release(heldHere.text) });
  };

  return (
    <div className="flex flex-col gap-1.5">
      <div className="mx-auto flex w-full max-w-4xl flex-col gap-1.5 px-4">
        <ProviderHealthLine target={target} health={health} now={now} />
        {heldHere && (
          <SendWarning
            key={heldHere.text}
            target={target}
            health={health}
            now={now}
            heldText={heldHere.text}
            alternatives={alternatives}
            switching={switchModel.isPending}
            switchError={switchModel.error ? switchModel.error.message : null}
            probing={probe.isPending}
            probe={probe.data ?? null}
            probeError={probe.error ? probe.error.message : null}
            onSendAnyway={() => {
              setAccepted(`${sessionKey}|${healthSignature(health)}`);
              release(heldHere.text);
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
        canSend={props.canSend && !heldHere}
        disabledReason={heldHere ? "Your message is held: choose what to do with it above." : props.disabledReason}
      />
    </div>
  );
}
