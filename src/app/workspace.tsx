import { useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, useState } from "react";
import { Drawer } from "@/components/ui/drawer";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { OnDemand } from "@/components/ui/on-demand";
import { ConnectionFailure } from "@/features/connection/components/connection-failure";
import { ForgetGateway } from "@/features/connection/components/forget-gateway";
import { ConnectionIndicator } from "@/features/connection/components/connection-indicator";
import type { EmbeddedInfo } from "@/features/connection/api/embedded-info";
import { useGatewayStateFeed } from "@/features/gateway-state/api/use-gateway-state-feed";
import { GatewayButton } from "@/features/gateway-state/components/gateway-button";
import { GatewayDetailsNote } from "@/features/gateway-state/components/gateway-details-note";
import { GatewayLogsButton } from "@/features/logs/components/gateway-logs-button";
import { RunAnnouncer } from "@/features/runs/components/run-announcer";
import { sessionsQueryOptions } from "@/features/sessions/api/sessions-query";
import { useMediaQuery } from "@/hooks/use-media-query";
import { useConnectionState, useGateway } from "@/providers/gateway-provider";
import { ChatPane } from "./chat-pane";
import { forgetGateway } from "./forget-gateway";
import { GatewayForm, GatewaySettings } from "./gateway-settings";
import { SessionSidebar } from "./session-sidebar";
import { ThemeToggle } from "./theme-toggle";
import { useApprovalBridge } from "./use-approval-bridge";
import { useLiveEventBridge } from "./use-live-event-bridge";
import { useOutboxSender } from "./use-outbox-sender";
import { useKnownSecrets } from "./use-known-secrets";
import { useSessionKey } from "./use-session-key";

// Opening a chat does not need the gateway panel: its code loads when it is first opened.
const GatewayPanel = lazy(() => import("@/features/gateway-state/components/gateway-panel").then((module) => ({ default: module.GatewayPanel })));

/** Tailwind's `md`: from here the session list is a column beside the chat; below it, a drawer. */
const WIDE = "(min-width: 48rem)";

export function Workspace({ embedded }: { embedded: EmbeddedInfo | null }) {
  const connection = useGateway();
  const state = useConnectionState();
  useLiveEventBridge();
  useGatewayStateFeed();
  useOutboxSender();
  const awaitingApproval = useApprovalBridge();
  const sessionKey = useSessionKey();
  const knownSecrets = useKnownSecrets();
  const wide = useMediaQuery(WIDE);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [gatewayPanelOpen, setGatewayPanelOpen] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const sessions = useQuery(sessionsQueryOptions(connection, state.status === "online"));
  const queryClient = useQueryClient();
  const forget = () =>
    void forgetGateway(connection.url, (sessions.data ?? []).map((row) => row.key)).then(() => queryClient.removeQueries());

  const sidebar = (
    <>
      <SessionSidebar activeKey={sessionKey} awaitingApproval={awaitingApproval} onOpened={() => setDrawerOpen(false)} />
      <GatewaySettings open={settingsOpen} onToggle={() => setSettingsOpen((v) => !v)} embedded={embedded} />
    </>
  );

  return (
    <div className="flex h-full flex-col">
      {/* The first stop for the keyboard: past the header and every session row, straight to the chat. */}
      <a href="#chat" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2 focus:text-sm focus:shadow">
        Skip to the chat
      </a>
      <header className="flex flex-wrap items-center gap-x-2 gap-y-1.5 border-b border-line bg-surface px-3 py-2 md:gap-x-3 md:px-4 md:py-2.5">
        {!wide && (
          <button
            type="button"
            aria-haspopup="dialog"
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
            className="flex items-center gap-1.5 rounded-md border border-line px-2 py-1 text-sm font-medium text-ink-2 hover:bg-surface-2"
          >
            <span aria-hidden>☰</span>
            Sessions
          </button>
        )}
        <div className="flex items-center gap-2">
          <span aria-hidden className="grid size-7 place-items-center rounded-lg bg-accent text-sm font-bold text-accent-ink">
            C
          </span>
          {/* On a phone the name gives its room to the controls, so the header stays within two lines. */}
          <span className="sr-only font-semibold tracking-tight sm:not-sr-only">Clawscope</span>
        </div>
        {/* Below md its items wrap one by one with the header's own, instead of as one block on a line of its own. */}
        <div className="contents md:ml-auto md:flex md:min-w-0 md:flex-wrap md:items-center md:justify-end md:gap-2">
          <ConnectionIndicator detailsExtra={<GatewayDetailsNote onOpenPanel={() => setGatewayPanelOpen(true)} />} />
          <GatewayButton open={gatewayPanelOpen} onToggle={() => setGatewayPanelOpen((open) => !open)} />
          <GatewayLogsButton secrets={knownSecrets} />
          <ThemeToggle />
        </div>
      </header>
      <RunAnnouncer sessionKey={sessionKey} />
      <div className="relative flex min-h-0 flex-1">
        {wide ? (
          <aside aria-label="Sessions and gateway settings" className="flex w-72 shrink-0 flex-col gap-4 border-r border-line bg-surface p-3">
            {sidebar}
          </aside>
        ) : (
          <Drawer label="Sessions" open={drawerOpen} onClose={() => setDrawerOpen(false)}>
            {sidebar}
          </Drawer>
        )}
        <main id="chat" tabIndex={-1} className="flex min-w-0 flex-1 flex-col outline-none">
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
