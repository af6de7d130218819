import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, type ReactNode } from "react";
import { TONE_DOT, type Tone } from "@/components/ui/tone";
import { useNow } from "@/hooks/use-now";
import { useConnectionState, useGateway } from "@/providers/gateway-provider";
import { redactText } from "@/lib/redact";
import { failingClientsQueryOptions } from "../api/failing-clients-query";
import { buildClientList, type ClientRow } from "../model/client-rows";
import { describeClientList, describeFailures, describeRestart, formatAgo, formatClock, KIND_BADGE } from "../model/describe-clients";
import { formatUptime, shortBootId, uptimeAt, type HealthStatus } from "../model/gateway-summary";
import { useGatewayState } from "../store/gateway-state-store";
import { StorageLine } from "./storage-line";

const HEALTH_WORDS: Record<HealthStatus, { label: string; tone: Tone }> = {
  ok: { label: "OK", tone: "ok" },
  degraded: { label: "Degraded", tone: "warn" },
  failing: { label: "Failing", tone: "error" },
  unknown: { label: "Not reported yet", tone: "idle" },
};

/** `children`: what the app adds at the end of the panel (e.g. "Forget this gateway"). */
export function GatewayPanel({ onClose, children }: { onClose(): void; children?: ReactNode }) {
  const connection = useGateway();
  const online = useConnectionState().status === "online";
  const now = useNow();
  const summary = useGatewayState((s) => s.summary);
  const health = useGatewayState((s) => s.health);
  const presence = useGatewayState((s) => s.presence);
  const restart = useGatewayState((s) => s.restart);
  const lostAt = useGatewayState((s) => s.lostAt);
  const listWords = describeClientList(online, lostAt);
  const failing = useQuery(failingClientsQueryOptions(connection, online));
  const identity = connection.handshakeIdentity;
  const clients = buildClientList(presence, failing.data ?? [], { instanceId: identity?.instanceId, deviceId: identity?.deviceId });
  // Not connected, the gateway may be gone: its uptime stops at the drop instead of counting on.
  const uptime = summary ? uptimeAt(summary, online ? now : (lostAt ?? now)) : undefined;
  const closeButton = useRef<HTMLButtonElement>(null);
  const latestOnClose = useRef(onClose);
  latestOnClose.current = onClose;

  useEffect(() => {
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") latestOnClose.current();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <section
      role="dialog"
      aria-label="Gateway"
      className="absolute top-0 right-0 z-30 flex h-full w-full max-w-md flex-col border-l border-line bg-surface shadow-xl"
    >
      <header className="flex items-center gap-2 border-b border-line px-4 py-2.5">
        <h2 className="font-semibold">Gateway</h2>
        <span className="truncate font-mono text-xs text-ink-3">{connection.url}</span>
        <button ref={closeButton} type="button" onClick={onClose} className="ml-auto rounded-md px-2 py-1 text-xs text-ink-3 hover:bg-surface-2">
          Close
        </button>
      </header>
      <div className="flex min-h-0 flex-1 flex-col gap-4 overflow-y-auto p-4 text-sm">
        {restart && (
          <p role="note" className="rounded-lg border border-warn/30 bg-warn-soft px-3 py-2 text-warn">
            {describeRestart(restart)}
          </p>
        )}
        <dl aria-label="Gateway summary" className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="text-ink-3">Version</dt>
          <dd>{summary?.version ? `OpenClaw ${summary.version}` : "—"}</dd>
          <dt className="text-ink-3">Uptime</dt>
          <dd>{uptime === undefined ? "—" : `${formatUptime(uptime)}${online ? "" : " when the connection dropped"}`}</dd>
          <dt className="text-ink-3">Boot id</dt>
          <dd className="font-mono text-xs" title={summary?.bootId}>
            {summary?.bootId ? shortBootId(summary.bootId) : "—"}
          </dd>
          {summary?.buildId && (
            <>
              <dt className="text-ink-3">Build</dt>
              <dd className="truncate font-mono text-xs" title={summary.buildId}>
                {summary.buildId}
              </dd>
            </>
          )}
          <dt className="text-ink-3">Health</dt>
          <dd>
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden className={`size-2 rounded-full ${TONE_DOT[HEALTH_WORDS[health.status].tone]}`} />
              {HEALTH_WORDS[health.status].label}
              {health.checkedAt !== undefined && <span className="text-xs text-ink-3">· checked {formatAgo(health.checkedAt, now)}</span>}
            </span>
            {health.reasons.length > 0 && (
              <ul className="mt-0.5 text-xs text-ink-2">
                {health.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
        <StorageLine gatewayUrl={connection.url} />

        <div className="flex flex-col gap-1.5">
          <h3 className="text-xs font-semibold tracking-wide text-ink-3 uppercase">{listWords.heading}</h3>
          {listWords.note && (
            <p role="note" aria-label="Client list" className="rounded-lg border border-warn/30 bg-warn-soft px-3 py-2 text-xs text-warn">
              {listWords.note}
            </p>
          )}
          {failing.error && <p className="text-xs text-ink-3">Failed connection attempts unavailable: {redactText(failing.error.message)}</p>}
          <ul aria-label={listWords.listLabel} className="flex flex-col divide-y divide-line rounded-lg border border-line">
            {clients.connected.map((row) => (
              <ClientItem key={row.key} row={row} now={now} />
            ))}
            {clients.connected.length === 0 && <li className="px-3 py-2 text-ink-3">No clients reported yet.</li>}
          </ul>
        </div>

        {clients.departed.length > 0 && (
          <div className="flex flex-col gap-1.5">
            <h3 className="text-xs font-semibold tracking-wide text-ink-3 uppercase">Recently disconnected</h3>
            <ul aria-label="Recently disconnected clients" className="flex flex-col gap-0.5 text-xs text-ink-3">
              {clients.departed.map((row) => (
                <li key={row.key}>
                  {row.name}
                  {row.mode ? ` · ${row.mode}` : ""}
                  {row.since !== undefined ? ` · left ${formatClock(row.since)}` : ""}
                </li>
              ))}
            </ul>
          </div>
        )}
        {children}
      </div>
    </section>
  );
}

function ClientItem({ row, now }: { row: ClientRow; now: number }) {
  const badge = KIND_BADGE[row.kind];
  const facts = [row.mode, row.clientId, row.version, row.where].filter(Boolean).join(" · ");
  return (
    <li className={`flex flex-col gap-0.5 px-3 py-2 ${row.kind === "this-tab" ? "bg-accent-soft/40" : ""}`}>
      <span className="flex flex-wrap items-center gap-1.5">
        <span className="font-medium">{row.name}</span>
        {badge && <Badge tone={row.kind === "this-tab" ? "working" : "idle"}>{badge}</Badge>}
        {row.sameBrowser && <Badge tone="idle">Same browser</Badge>}
        {row.failing && <Badge tone="error">Failing to connect</Badge>}
        {row.since !== undefined && (
          <span className="ml-auto text-xs text-ink-3" title={new Date(row.since).toLocaleString()}>
            since {formatClock(row.since)}
          </span>
        )}
      </span>
      {facts && <span className="truncate font-mono text-[11px] text-ink-3">{facts}</span>}
      {row.failing && <span className="text-xs text-bad">{describeFailures(row.failing, now)}</span>}
    </li>
  );
}

const BADGE_TONES: Record<Tone, string> = {
  ok: "bg-ok-soft text-ok",
  working: "bg-accent-soft text-accent",
  warn: "bg-warn-soft text-warn",
  error: "bg-bad-soft text-bad",
  idle: "bg-surface-2 text-ink-2",
};

function Badge({ tone, children }: { tone: Tone; children: string }) {
  return <span className={`rounded-full px-1.5 text-[10px] font-medium ${BADGE_TONES[tone]}`}>{children}</span>;
}
