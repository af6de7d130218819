import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { redactText } from "@/lib/redact";
import type { ProbeResult } from "../api/provider-health-queries";
import type { ModelOption } from "../api/use-provider-health";
import { describeHealth, sendWouldFail, type ProviderHealth } from "../model/provider-health";
import type { ModelRef } from "../model/provider-signals";
import { formatClockTime } from "@/lib/clock-time";

export interface SendWarningProps {
  target: ModelRef | undefined;
  health: ProviderHealth;
  now: number;
  heldText: string;
  alternatives: ModelOption[];
  switching: boolean;
  switchError: string | null;
  probing: boolean;
  probe: ProbeResult | null;
  probeError: string | null;
  onSendAnyway(): void;
  onSwitchAndSend(target: ModelRef): void;
  onTest(): void;
  onDiscard(): void;
}

const refKey = (ref: ModelRef) => `${ref.provider}/${ref.model}`;

function probeWords(probe: ProbeResult): string {
  const status = probe.status === "ok" ? "answered" : `failed (${probe.status.replace("_", " ")})`;
  const latency = probe.latencyMs !== undefined ? ` in ${probe.latencyMs} ms` : "";
  return `Provider test: ${status}${latency}${probe.error ? `: ${probe.error}` : ""}`;
}

/** Shown instead of dispatching into a known failure: the message waits here until the user picks a way out. */
export function SendWarning(props: SendWarningProps) {
  const { target, health, now, heldText, alternatives } = props;
  const selectId = useId();
  // Suggest a model that is not failing itself.
  const preferred = alternatives.find((option) => !sendWouldFail(option.health, now)) ?? alternatives[0];
  const [chosen, setChosen] = useState<string | undefined>(preferred ? refKey(preferred.ref) : undefined);
  const selected = alternatives.find((option) => refKey(option.ref) === chosen) ?? preferred;
  const description = describeHealth(health, now, formatClockTime);
  const name = target ? `${target.provider}/${target.model}` : "This session's model";

  return (
    <div role="alert" className="min-w-0 rounded-xl border border-warn/40 bg-warn-soft px-3.5 py-2.5 text-sm text-ink">
      <p className="font-semibold break-words text-warn">Not sent: {name} is {description.label}</p>
      {description.detail && <p className="mt-0.5 text-xs text-ink-2">{redactText(description.detail)}</p>}
      <p className="mt-1 truncate text-xs text-ink-2">Your message is held here: “{heldText}”</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <Button variant="secondary" onClick={props.onSendAnyway}>
          Send anyway
        </Button>
        {alternatives.length > 0 && selected && (
          // On a phone the model's long name and the button take a line each rather than run off the screen.
          <span className="flex max-w-full min-w-0 flex-wrap items-center gap-1.5">
            <label htmlFor={selectId} className="sr-only">
              Model to switch to
            </label>
            <select
              id={selectId}
              value={refKey(selected.ref)}
              onChange={(event) => setChosen(event.target.value)}
              className="max-w-full min-w-0 rounded-lg border border-line bg-surface px-2 py-1.5 text-sm text-ink"
            >
              {alternatives.map((option) => (
                <option key={refKey(option.ref)} value={refKey(option.ref)}>
                  {refKey(option.ref)} ({describeHealth(option.health, now, formatClockTime).label})
                </option>
              ))}
            </select>
            <Button variant="primary" disabled={props.switching} onClick={() => props.onSwitchAndSend(selected.ref)}>
              {props.switching ? "Switching…" : "Switch model and send"}
            </Button>
          </span>
        )}
        <Button variant="secondary" disabled={props.probing || !target} onClick={props.onTest}>
          {props.probing ? "Testing…" : "Test provider"}
        </Button>
        <Button variant="ghost" onClick={props.onDiscard}>
          Don't send
        </Button>
      </div>
      {props.switchError && <p className="mt-1.5 text-xs text-bad">Could not switch the model: {redactText(props.switchError)}</p>}
      {props.probe && (
        <p role="status" aria-label="Provider test result" className={`mt-1.5 text-xs ${props.probe.status === "ok" ? "text-ok" : "text-bad"}`}>
          {probeWords(props.probe)}
        </p>
      )}
      {props.probeError && <p className="mt-1.5 text-xs text-bad">Could not test the provider: {redactText(props.probeError)}</p>}
    </div>
  );
}
