import { describeRestart } from "../model/describe-clients";
import { useGatewayState } from "../store/gateway-state-store";

/** The connection details' part about the gateway itself: a restart noticed by boot id, and the way to the gateway panel. */
export function GatewayDetailsNote({ onOpenPanel }: { onOpenPanel(): void }) {
  const restart = useGatewayState((s) => s.restart);
  return (
    <div className="mt-2 flex flex-col gap-2 border-t border-line pt-2">
      {restart && <p className="text-warn">{describeRestart(restart)}</p>}
      <button type="button" onClick={onOpenPanel} className="self-start rounded-md px-2 py-1 text-xs font-medium text-accent hover:bg-accent-soft">
        Gateway and clients
      </button>
    </div>
  );
}
