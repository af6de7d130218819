/**
 * The chat composer with provider health in front of it; holding a send is provider-health's rule (useSendGuard).
 * The session's model and thinking pickers sit above it, and its slash commands act across features.
 */
import { useRef } from "react";
import { Composer, type ComposerProps } from "@/features/chat/components/composer";
import type { Turn } from "@/features/chat/model/transcript";
import { useSendGuard } from "@/features/provider-health/api/use-send-guard";
import { useSessionSettings } from "@/features/provider-health/api/use-session-settings";
import { ProviderHealthLine } from "@/features/provider-health/components/provider-health-line";
import { SendWarning } from "@/features/provider-health/components/send-warning";
import { SessionPickers } from "@/features/provider-health/components/session-pickers";
import { useIsOnline } from "@/providers/gateway-provider";
import { useComposerCommands } from "./use-composer-commands";

export interface GuardedComposerProps extends Omit<ComposerProps, "onCommand"> {
  activeRunId: string | null;
  /** What /export copies. */
  turns: readonly Turn[];
}

export function GuardedComposer({ activeRunId, turns, ...props }: GuardedComposerProps) {
  const guard = useSendGuard(props.sessionKey, props.onSend);
  const { target, health, now, heldText, probe, switchModel } = guard;
  const settings = useSessionSettings(props.sessionKey, guard);
  const online = useIsOnline();
  const modelPicker = useRef<HTMLSelectElement>(null);
  const thinkingPicker = useRef<HTMLSelectElement>(null);
  const onCommand = useComposerCommands({ sessionKey: props.sessionKey, activeRunId, turns, settings, modelPicker, thinkingPicker });
  // A message sent while a model change is on its way would go to the model being replaced.
  const applying = settings.saving !== null;
  return (
    <div className="flex flex-col gap-1.5">
      <div className="mx-auto flex w-full max-w-4xl flex-col gap-1.5 px-4">
        <ProviderHealthLine target={target} health={health} now={now} />
        <SessionPickers
          settings={settings}
          now={now}
          disabledReason={online ? undefined : "not connected to the gateway"}
          runActive={activeRunId !== null}
          modelRef={modelPicker}
          thinkingRef={thinkingPicker}
        />
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
        onCommand={onCommand}
        canSend={props.canSend && !heldText && !applying}
        disabledReason={
          heldText ? "Your message is held: choose what to do with it above." : applying ? "Applying the session's new settings before anything is sent…" : props.disabledReason
        }
      />
    </div>
  );
}
