import { TONE_DOT } from "@/components/ui/tone";
import { formatClockTime } from "@/lib/clock-time";
import { redactText } from "@/lib/redact";
import { describeHealth, type ProviderHealth } from "../model/provider-health";
import type { ModelRef } from "../model/provider-signals";


const TEXT_TONE = { ok: "text-ok", warn: "text-warn", error: "text-bad", idle: "text-ink-3" } as const;

/** One line above the composer (wrapping on a phone): where the next message goes, and how that provider is doing. */
export function ProviderHealthLine({ target, health, now }: { target: ModelRef | undefined; health: ProviderHealth; now: number }) {
  const description = describeHealth(health, now, formatClockTime);
  return (
    <div role="status" aria-label="Provider health" className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-0.5 px-2 text-xs text-ink-2">
      <span aria-hidden className={`size-1.5 shrink-0 rounded-full ${TONE_DOT[description.tone]}`} />
      <span className="shrink-0 font-mono text-ink-3">{target ? `${target.provider}/${target.model}` : "model not known yet"}</span>{" "}
      <span aria-hidden className="text-ink-3">
        ·
      </span>{" "}
      <span className={`min-w-0 font-medium break-words ${TEXT_TONE[description.tone]}`}>{description.label}</span>
      {description.detail && (
        <>
          {" "}
          <span className="max-w-full truncate text-ink-3" title={redactText(description.detail)}>
            — {redactText(description.detail)}
          </span>
        </>
      )}
    </div>
  );
}
