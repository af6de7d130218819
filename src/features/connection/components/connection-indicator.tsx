import { useState, type ReactNode } from "react";
import { useConnectionState, useGateway } from "@/providers/gateway-provider";
import { useNow } from "@/hooks/use-now";
import { formatClockTime } from "@/lib/clock-time";
import { TONE_DOT, TONE_SOFT } from "@/components/ui/tone";
import { describeGatewayAuthMethod } from "@/gateway/handshake-identity";
import { describeConnection } from "../model/describe-connection";

/** `detailsExtra`: what other features add to the details (the app passes the gateway-state note). */
export function ConnectionIndicator({ detailsExtra }: { detailsExtra?: ReactNode }) {
  const state = useConnectionState();
  const connection = useGateway();
  const now = useNow();
  const [open, setOpen] = useState(false);
  const description = describeConnection(state, now);
  // Only while waiting out a delay: during an attempt there is nothing to skip.
  const canRetryNow = (state.status === "backing-off" || state.status === "waiting-for-gateway" || state.status === "restarting") && state.nextRetryAt !== undefined;

  const retryNow = (inDetails: boolean) => (
    <button
      type="button"
      title={description.detail}
      // Beside the pill from `md` up; on a phone the pill needs that room to be read, so it waits in Details.
      className={`shrink-0 rounded-md px-2 py-1 text-xs text-accent hover:bg-accent-soft ${inDetails ? "mt-2 font-medium md:hidden" : "hidden md:block"}`}
      onClick={() => connection.reconnectNow()}
    >
      Retry now
    </button>
  );

  return (
    // The pill is what gives way when the header is short of room: on a phone it says the state in a few words
    // (the short label); past that it cuts its words on one line (the whole text in its title and in Details)
    // rather than push the header's other controls off the page.
    <div className="relative flex min-w-0 items-center gap-2">
      <div
        role="status"
        aria-live="polite"
        aria-label="Gateway connection"
        title={description.detail ? `${description.label} · ${description.detail}` : description.label}
        className={`flex min-h-7 min-w-0 items-center gap-2 rounded-full border px-3 py-0.5 text-sm md:py-1 ${TONE_SOFT[description.tone]}`}
      >
        <span aria-hidden className={`size-2 shrink-0 rounded-full ${TONE_DOT[description.tone]} ${description.tone === "working" ? "animate-pulse" : ""}`} />
        {/* The drawn words count down each second, so screen readers get the steady `spoken` words instead.
            On a phone: two short lines that fit beside the header's controls. */}
        <span aria-hidden className="flex min-w-0 flex-col md:hidden">
          <span className="truncate text-xs/[13px] font-medium">{description.short.state}</span>
          {description.short.next && <span className="truncate text-[11px]/[12px]">{description.short.next}</span>}
        </span>
        <span aria-hidden className="hidden truncate font-medium md:block md:shrink-0">
          {description.label}
        </span>
        {description.detail && (
          <span aria-hidden className="hidden min-w-0 truncate text-xs md:block">
            · {description.detail}
          </span>
        )}
        <span className="sr-only">{description.spoken}</span>
      </div>
      {canRetryNow && retryNow(false)}
      <button
        type="button"
        aria-expanded={open}
        aria-controls="connection-details"
        className="shrink-0 rounded-md px-2 py-1 text-xs text-ink-3 hover:bg-surface-2"
        onClick={() => setOpen((value) => !value)}
      >
        Details
      </button>
      {open && (
        <div id="connection-details" className="absolute top-full right-0 z-20 mt-2 w-80 rounded-xl border border-line bg-surface p-3 text-sm shadow-lg">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="text-ink-3">Gateway</dt>
            <dd className="truncate font-mono text-xs">{connection.url}</dd>
            <dt className="text-ink-3">State</dt>
            <dd>{description.label}</dd>
            {state.status === "online" && (
              <>
                <dt className="text-ink-3">Version</dt>
                <dd>{state.server.version}</dd>
                <dt className="text-ink-3">Boot id</dt>
                <dd className="truncate font-mono text-xs">{state.server.bootId ?? "—"}</dd>
                <dt className="text-ink-3">Auth</dt>
                <dd>{state.server.authMethod === undefined ? "—" : describeGatewayAuthMethod(state.server.authMethod)}</dd>
              </>
            )}
            {"attempt" in state && state.status !== "connecting" && state.status !== "handshaking" && (
              <>
                <dt className="text-ink-3">Attempts</dt>
                <dd>{state.attempt}</dd>
                <dt className="text-ink-3">Next try</dt>
                <dd>{state.nextRetryAt === undefined ? "now" : formatClockTime(state.nextRetryAt)}</dd>
              </>
            )}
            {"lastClose" in state && state.lastClose && (
              <>
                <dt className="text-ink-3">Last close</dt>
                <dd>{state.lastClose.words}</dd>
              </>
            )}
          </dl>
          {description.detail && <p className="mt-2 text-ink-2">{description.detail}</p>}
          {canRetryNow && retryNow(true)}
          {detailsExtra}
        </div>
      )}
    </div>
  );
}
