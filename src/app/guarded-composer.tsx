/** The chat composer with provider health in front of it; holding a send is provider-health's rule (useSendGuard). */
import { Composer, type ComposerProps } from "@/features/chat/components/composer";
import { useSendGuard } from "@/features/provider-health/api/use-send-guard";
import { ProviderHealthLine } from "@/features/provider-health/components/provider-health-line";
import { SendWarning } from "@/features/provider-health/components/send-warning";

export function GuardedComposer(props: ComposerProps) {
  const guard = useSendGuard(props.sessionKey, props.onSend);
  const { target, health, now, heldText, probe, switchModel } = guard;
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
            alternatives={guard.alternatives}
            switching={switchModel.isPending}
            switchError={switchModel.error ? switchModel.error.message : null}
            probing={probe.isPending}
            probe={probe.data ?? null}
            probeError={probe.error ? probe.error.message : null}
            onSendAnyway={guard.sendAnyway}
            onSwitchAndSend={guard.switchAndSend}
            onTest={guard.testProvider}
            onDiscard={guard.discard}
          />
        )}
      </div>
      <Composer
        {...props}
        // The guard holds a message by its text; one of files alone has none to hold, so it goes and its run says how it went.
        onSend={(text) => (text === "" && props.attachments?.ready ? props.onSend(text) : guard.guardedSend(text))}
        canSend={props.canSend && !heldText}
        disabledReason={heldText ? "Your message is held: choose what to do with it above." : props.disabledReason}
      />
    </div>
  );
}
