import { useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, useCallback, useState } from "react";
import { Drawer } from "@/components/ui/drawer";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { OnDemand } from "@/components/ui/on-demand";
import { OverflowMenu } from "@/components/ui/overflow-menu";
import { ConnectionFailure } from "@/features/connection/components/connection-failure";
import { ForgetGateway } from "@/features/connection/components/forget-gateway";
import { useSessionAddress } from "@/features/connection/api/use-session-address";
import { ConnectionIndicator } from "@/features/connection/components/connection-indicator";
import type { EmbeddedInfo } from "@/features/connection/api/embedded-info";
import { useGatewayStateFeed } from "@/features/gateway-state/api/use-gateway-state-feed";
import { GatewayButton } from "@/features/gateway-state/components/gateway-button";
import { GatewayDetailsNote } from "@/features/gateway-state/components/gateway-details-note";
import { GatewayLogsButton } from "@/features/logs/components/gateway-logs-button";
import { RunAnnouncer } from "@/features/runs/components/run-announcer";
import { sessionsQueryOptions } from "@/features/sessions/api/sessions-query";
import { useConnectionState, useGateway } from "@/providers/gateway-provider";
import { ChatPane } from "./chat-pane";
import { forgetGateway } from "./forget-gateway";
import { GatewayForm, GatewaySettings } from "./gateway-settings";
import { SessionSearch, SessionSearchButton, useSessionSearchShortcut } from "./session-search";
import { SessionSidebar } from "./session-sidebar";
import { ThemeToggle } from "./theme-toggle";
import { useApprovalBridge } from "./use-approval-bridge";
import { useLiveEventBridge } from "./use-live-event-bridge";
import { useOutboxSender } from "./use-outbox-sender";
import { useKnownSecrets } from "./use-known-secrets";
import { useSessionKey } from "./use-session-key";
import { useWideLayout } from "./wide-layout";

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
  useSessionAddress(sessionKey, state.status === "online");
  const knownSecrets = useKnownSecrets();
  const wide = useWideLayout();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [gatewayPanelOpen, setGatewayPanelOpen] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [searchOpen, setSearchOpen] = useState(false);
  const openSearch = useCallback(() => setSearchOpen(true), []);
  useSessionSearchShortcut(openSearch);
  const sessions = useQuery(sessionsQueryOptions(connection, state.status === "online"));
  const queryClient = useQueryClient();
  const forget = () =>
    void forgetGateway(connection.url, (sessions.data ?? []).map((row) => row.key)).then(() => queryClient.removeQueries());

  // `close`: the gateway panel opens over the page, so the phone's menu steps aside for it. `inMenu`: the phone's
  // menu lists worded controls, so the theme button says its name there too.
  const secondaryControls = (close: () => void, inMenu: boolean) => (
    <>
      <SessionSearchButton onOpen={openSearch} />
      <GatewayButton
        open={gatewayPanelOpen}
        onToggle={() => {
          close();
          setGatewayPanelOpen((open) => !open);
        }}
      />
      <GatewayLogsButton secrets={knownSecrets} />
      <ThemeToggle withWords={inMenu} />
    </>
  );

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
      {/* One row on a phone: the secondary controls wait behind "More controls", so the transcript keeps the screen. */}
      <header className="relative flex items-center gap-x-2 border-b border-line bg-surface px-3 py-1.5 md:gap-x-3 md:px-4 md:py-2.5">
        {!wide && (
          <button
            type="button"
            aria-haspopup="dialog"
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
            className="flex shrink-0 items-center gap-1.5 rounded-md border border-line px-2 py-1 text-sm font-medium text-ink-2 hover:bg-surface-2"
          >
            <span aria-hidden>☰</span>
            Sessions
          </button>
        )}
        <div className="hidden shrink-0 items-center gap-2 md:flex">
          <span aria-hidden className="grid size-7 place-items-center rounded-lg bg-accent text-sm font-bold text-accent-ink">
            C
          </span>
          <span className="font-semibold tracking-tight">Clawscope</span>
        </div>
        {/* The app's name for screen readers on a phone, where the mark gives its room to the controls. */}
        <span className="sr-only md:hidden">Clawscope</span>
        {/* Only the connection pill shrinks: the controls beside it keep their size, and the page never scrolls sideways. */}
        <div className="flex min-w-0 flex-1 items-center justify-end gap-1 md:gap-2">
          <ConnectionIndicator detailsExtra={<GatewayDetailsNote onOpenPanel={() => setGatewayPanelOpen(true)} />} />
          <div className="flex shrink-0 items-center gap-1 md:gap-2">
            {wide ? secondaryControls(() => {}, false) : <OverflowMenu label="More controls">{(close) => secondaryControls(close, true)}</OverflowMenu>}
          </div>
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
        {searchOpen && <SessionSearch activeKey={sessionKey} onClose={() => setSearchOpen(false)} />}
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
