import { useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, useState } from "react";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { OnDemand } from "@/components/ui/on-demand";
import { ConnectionFailure } from "@/features/connection/components/connection-failure";
import { ConnectionForm } from "@/features/connection/components/connection-form";
import { ForgetGateway } from "@/features/connection/components/forget-gateway";
import { ConnectionIndicator } from "@/features/connection/components/connection-indicator";
import type { EmbeddedInfo } from "@/features/connection/api/embedded-info";
import { useConnectionSettings } from "@/features/connection/store/connection-settings-store";
import { sessionsQueryOptions } from "@/features/sessions/api/sessions-query";
import { SessionList } from "@/features/sessions/components/session-list";
import { newSessionKey } from "@/features/sessions/model/session-row";
import { useGatewayStateFeed } from "@/features/gateway-state/api/use-gateway-state-feed";
import { GatewayButton } from "@/features/gateway-state/components/gateway-button";
import { GatewayDetailsNote } from "@/features/gateway-state/components/gateway-details-note";
import { GatewayLogsButton } from "@/features/logs/components/gateway-logs-button";
import { forgetDeviceTokens } from "@/gateway/device-token-store";
import { useConnectionState, useGateway } from "@/providers/gateway-provider";
import { ChatPane } from "./chat-pane";
import { forgetGateway } from "./forget-gateway";
import { ThemeToggle } from "./theme-toggle";
import { useApprovalBridge } from "./use-approval-bridge";
import { useLiveEventBridge } from "./use-live-event-bridge";
import { useOutboxSender } from "./use-outbox-sender";
import { useKnownSecrets } from "./use-known-secrets";
import { useSessionKey } from "./use-session-key";

// Opening a chat does not need the gateway panel: its code loads when it is first opened.
const GatewayPanel = lazy(() => import("@/features/gateway-state/components/gateway-panel").then((module) => ({ default: module.GatewayPanel })));

export function Workspace({ embedded }: { embedded: EmbeddedInfo | null }) {
  const connection = useGateway();
  const state = useConnectionState();
  useLiveEventBridge();
  useGatewayStateFeed();
  useOutboxSender();
  const awaitingApproval = useApprovalBridge();
  const sessionKey = useSessionKey();
  const knownSecrets = useKnownSecrets();
  const mainSessionKey = state.status === "online" ? state.server.mainSessionKey : "agent:main:main";
  const sessionSelected = useConnectionSettings((s) => s.sessionSelected);
  const sessions = useQuery(sessionsQueryOptions(connection, state.status === "online"));
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [gatewayPanelOpen, setGatewayPanelOpen] = useState(false);
  const queryClient = useQueryClient();
  const forget = () =>
    void forgetGateway(connection.url, (sessions.data ?? []).map((row) => row.key)).then(() => queryClient.removeQueries());

  return (
    <div className="flex h-full flex-col">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-line bg-surface px-4 py-2.5">
        <div className="flex items-center gap-2">
          <span aria-hidden className="grid size-7 place-items-center rounded-lg bg-accent text-sm font-bold text-accent-ink">
            C
          </span>
          <span className="font-semibold tracking-tight">Clawscope</span>
        </div>
        <div className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-2">
          <ConnectionIndicator detailsExtra={<GatewayDetailsNote onOpenPanel={() => setGatewayPanelOpen(true)} />} />
          <GatewayButton open={gatewayPanelOpen} onToggle={() => setGatewayPanelOpen((open) => !open)} />
          <GatewayLogsButton secrets={knownSecrets} />
          <ThemeToggle />
        </div>
      </header>
      <div className="relative flex min-h-0 flex-1">
        <aside className="hidden w-72 shrink-0 flex-col gap-4 border-r border-line bg-surface p-3 md:flex">
          <SessionList
            sessions={sessions.data ?? []}
            activeKey={sessionKey}
            awaitingApproval={awaitingApproval}
            loading={sessions.isLoading}
            error={sessions.error ? sessions.error.message : null}
            onSelect={sessionSelected}
            onNew={() => sessionSelected(newSessionKey(mainSessionKey))}
          />
          <GatewaySettings open={settingsOpen} onToggle={() => setSettingsOpen((v) => !v)} embedded={embedded} />
        </aside>
        <main className="flex min-w-0 flex-1 flex-col">
          {state.status === "failed" ? (
            <div className="mx-auto flex w-full max-w-xl flex-col gap-4 p-6">
              <ConnectionFailure failure={state.failure} identity={connection.handshakeIdentity} onRetry={() => connection.reconnectNow()} />
              <GatewayForm />
            </div>
          ) : (
            <ChatPane sessionKey={sessionKey} />
          )}
        </main>
        {gatewayPanelOpen && (
          <ErrorBoundary label="The gateway panel" secrets={knownSecrets}>
            <OnDemand what="gateway panel">
              <GatewayPanel onClose={() => setGatewayPanelOpen(false)}>
                <ForgetGateway gatewayUrl={connection.url} onForget={forget} />
              </GatewayPanel>
            </OnDemand>
          </ErrorBoundary>
        )}
      </div>
    </div>
  );
}

function GatewayForm() {
  const connection = useGateway();
  const token = useConnectionSettings((s) => s.token);
  const remember = useConnectionSettings((s) => s.remember);
  const submitted = useConnectionSettings((s) => s.connectionFormSubmitted);
  return (
    <ConnectionForm
      key={connection.url + token}
      initialUrl={connection.url}
      initialToken={token}
      initialRemember={remember}
      onSubmit={(values) => {
        submitted(values);
        if (values.gatewayUrl === connection.url && values.token === token) connection.reconnectNow();
      }}
      onForgetDevice={() => void forgetDeviceTokens(connection.url)}
    />
  );
}

function GatewaySettings({ open, onToggle, embedded }: { open: boolean; onToggle(): void; embedded: EmbeddedInfo | null }) {
  const connection = useGateway();
  const embeddedChosen = useConnectionSettings((s) => s.embeddedGatewayChosen);
  return (
    <section className="mt-auto border-t border-line pt-3">
      <button type="button" aria-expanded={open} aria-controls="gateway-settings" onClick={onToggle} className="w-full rounded-lg px-2 py-1.5 text-left text-sm font-medium text-ink-2 hover:bg-surface-2">
        Gateway settings
      </button>
      {open && (
        <div id="gateway-settings" className="mt-2 flex flex-col gap-3 px-1">
          <GatewayForm />
          {embedded?.phase === "ready" && embedded.gatewayUrl && embedded.gatewayUrl !== connection.url && (
            <button type="button" className="text-left text-xs text-accent underline" onClick={() => embeddedChosen(embedded)}>
              Use the gateway started by npm start ({embedded.gatewayUrl})
            </button>
          )}
        </div>
      )}
    </section>
  );
}
