/** The session list, wired to what other features must hear when a session is created, reset or deleted. */
import { useQueryClient } from "@tanstack/react-query";
import { chatHistoryQueryKey } from "@/features/chat/api/chat-history-query";
import { outboxStore } from "@/features/chat/store/outbox-store";
import { useConnectionSettings } from "@/features/connection/store/connection-settings-store";
import { useRunRegistry } from "@/features/runs/registry/use-runs";
import { useSessionList } from "@/features/sessions/api/use-session-list";
import { SessionList } from "@/features/sessions/components/session-list";
import { agentIdOf } from "@/lib/session-key";
import { useConnectionState, useGateway } from "@/providers/gateway-provider";

const APPROVAL_BADGE = <span className="shrink-0 rounded-full bg-warn-soft px-1.5 text-[10px] font-medium text-warn">approval needed</span>;

export function SessionSidebar({ activeKey, awaitingApproval, onOpened }: { activeKey: string; awaitingApproval: ReadonlySet<string>; onOpened?(): void }) {
  const connection = useGateway();
  const state = useConnectionState();
  const queryClient = useQueryClient();
  const runRegistry = useRunRegistry();
  const sessionSelected = useConnectionSettings((s) => s.sessionSelected);
  const online = state.status === "online";
  const open = (key: string) => {
    sessionSelected(key);
    onOpened?.();
  };
  const list = useSessionList({
    activeKey,
    mainSessionKey: online ? state.server.mainSessionKey : "agent:main:main",
    online,
    events: {
      onCreated: open,
      onCleared: (key, deleted) => {
        runRegistry.sessionCleared(key);
        outboxStore.getState().sessionCleared(key, { deleted });
        void queryClient.invalidateQueries({ queryKey: chatHistoryQueryKey(connection.url, key) });
        // A deleted open session leaves the screen: its agent's main session takes its place.
        if (deleted && key === activeKey) sessionSelected(`agent:${agentIdOf(key)}:main`);
      },
    },
  });
  return <SessionList {...list} activeKey={activeKey} onSelect={open} pendingApprovalBadge={(key) => (awaitingApproval.has(key) ? APPROVAL_BADGE : null)} />;
}
