/** The gateway form, in the sidebar and in front of a failed connection. */
import { ConnectionForm } from "@/features/connection/components/connection-form";
import type { EmbeddedInfo } from "@/features/connection/api/embedded-info";
import { useConnectionSettings } from "@/features/connection/store/connection-settings-store";
import { forgetDeviceTokens } from "@/gateway/device-token-store";
import { useGateway } from "@/providers/gateway-provider";

export function GatewayForm() {
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

export function GatewaySettings({ open, onToggle, embedded }: { open: boolean; onToggle(): void; embedded: EmbeddedInfo | null }) {
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
