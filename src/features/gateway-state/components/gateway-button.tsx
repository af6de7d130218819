import { useConnectionState } from "@/providers/gateway-provider";
import { isConnected } from "../model/presence";
import { useGatewayState } from "../store/gateway-state-store";

/**
 * Header entry to the gateway panel; the count is every connected client the gateway lists, itself excluded.
 * Its accessible name is its visible text ("Gateway", "Gateway 2 clients"), so speech control can say what it sees.
 * No count while the gateway is not connected: who else is connected then is not known here.
 */
export function GatewayButton({ open, onToggle }: { open: boolean; onToggle(): void }) {
  const listed = useGatewayState((s) => s.presence.entries.filter((entry) => isConnected(entry) && entry.mode !== "gateway").length);
  const clients = useConnectionState().status === "online" ? listed : 0;
  return (
    <button
      type="button"
      aria-expanded={open}
      onClick={onToggle}
      className="flex items-center gap-1.5 rounded-md px-2 py-1 text-xs text-ink-2 hover:bg-surface-2"
    >
      Gateway
      {clients > 0 && <span className="rounded-full bg-surface-2 px-1.5 text-[10px] font-medium text-ink-2">{clients === 1 ? "1 client" : `${clients} clients`}</span>}
    </button>
  );
}
