/**
 * Ctrl+K / ⌘K anywhere in the workspace: find a session by name, or by words said in it, and open it (like
 * OpenClaw's Control UI).
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { messageTime } from "@/features/chat/model/message-time";
import { messageRevealStore } from "@/features/chat/store/message-reveal-store";
import { useConnectionSettings } from "@/features/connection/store/connection-settings-store";
import { agentsQueryOptions } from "@/features/sessions/api/agents-query";
import { sessionsQueryOptions } from "@/features/sessions/api/sessions-query";
import { useMessageSearch } from "@/features/sessions/api/use-message-search";
import { SessionSearchDialog } from "@/features/sessions/components/session-search-dialog";
import { shortcutLabel } from "@/lib/shortcut-keys";
import { useConnectionState, useGateway } from "@/providers/gateway-provider";

export const SEARCH_SHORTCUT = "Control+K Meta+K";

export function useSessionSearchShortcut(onOpen: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k") {
        // The browser's own Ctrl+K (its search bar) would take the keys away from the page.
        event.preventDefault();
        onOpen();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onOpen]);
}

export function SessionSearchButton({ onOpen }: { onOpen(): void }) {
  return (
    <button
      type="button"
      aria-haspopup="dialog"
      aria-keyshortcuts={SEARCH_SHORTCUT}
      onClick={onOpen}
      className="flex items-center gap-1.5 rounded-md px-2 py-1 text-xs text-ink-2 hover:bg-surface-2 hover:text-ink"
    >
      Search sessions
      <kbd aria-hidden className="rounded border border-line px-1 font-sans text-[10px] text-ink-3">
        {shortcutLabel("K", navigator)}
      </kbd>
    </button>
  );
}

export function SessionSearch({ activeKey, onClose }: { activeKey: string; onClose(): void }) {
  const connection = useGateway();
  const online = useConnectionState().status === "online";
  const sessions = useQuery(sessionsQueryOptions(connection, online));
  const agents = useQuery(agentsQueryOptions(connection, online));
  const sessionSelected = useConnectionSettings((s) => s.sessionSelected);
  const [query, setQuery] = useState("");
  const messages = useMessageSearch(query);
  return (
    <SessionSearchDialog
      rows={sessions.data ?? []}
      agents={agents.data?.agents ?? []}
      activeKey={activeKey}
      query={query}
      onQueryChange={setQuery}
      messages={messages}
      saidAt={(at) => messageTime(at, { now: Date.now() })}
      onOpen={(key, hit) => {
        if (hit) messageRevealStore.getState().messageRevealRequested(key, hit.messageId);
        sessionSelected(key);
      }}
      onClose={onClose}
    />
  );
}
