import { ConnectionForm } from "@/features/connection/components/connection-form";
import { ForgetNoticeView } from "@/features/connection/components/forget-gateway";
import { LaunchConsentDialog } from "@/features/connection/components/launch-consent-dialog";
import { StartupProgress } from "@/features/connection/components/startup-progress";
import { useConnectionSettings } from "@/features/connection/store/connection-settings-store";
import { GatewayProvider } from "@/providers/gateway-provider";
import { useEmbeddedGateway, useLaunchConsent, useLaunchLink, type EmbeddedLookup } from "@/features/connection/api/use-gateway-target";
import { Workspace } from "./workspace";

export function App() {
  useLaunchLink();
  const embedded = useEmbeddedGateway();
  const source = useConnectionSettings((s) => s.source);
  const embeddedStarting = embedded.state === "found" && embedded.info.phase !== "ready" && (source === null || source === "embedded");
  // The question names the current gateway, so it waits until that is known.
  const consent = useLaunchConsent(embedded.state !== "loading" && !embeddedStarting);
  return (
    <>
      <GatewayTarget embedded={embedded} embeddedStarting={embeddedStarting} />
      {consent && <LaunchConsentDialog question={consent.question} onConnect={consent.accept} onKeep={consent.decline} />}
    </>
  );
}

function GatewayTarget({ embedded, embeddedStarting }: { embedded: EmbeddedLookup; embeddedStarting: boolean }) {
  const gatewayUrl = useConnectionSettings((s) => s.gatewayUrl);
  const token = useConnectionSettings((s) => s.token);
  const remember = useConnectionSettings((s) => s.remember);
  const connectionFormSubmitted = useConnectionSettings((s) => s.connectionFormSubmitted);
  const forgetNotice = useConnectionSettings((s) => s.forgetNotice);

  if (embeddedStarting && embedded.state === "found") return <StartupProgress info={embedded.info} />;

  if (!gatewayUrl) {
    if (embedded.state === "loading") {
      return <p className="p-8 text-sm text-ink-3">Looking for a gateway…</p>;
    }
    return (
      <main className="mx-auto mt-16 w-full max-w-md rounded-2xl border border-line bg-surface p-6 shadow-sm">
        {forgetNotice && <ForgetNoticeView notice={forgetNotice} />}
        <h1 className="text-lg font-semibold">Connect to an OpenClaw gateway</h1>
        <p className="mt-1 mb-4 text-sm text-ink-2">Enter the gateway's WebSocket URL and its token.</p>
        <ConnectionForm initialUrl="ws://127.0.0.1:18789" initialToken="" initialRemember={remember} onSubmit={connectionFormSubmitted} />
      </main>
    );
  }

  return (
    <GatewayProvider target={{ url: gatewayUrl, token }}>
      <Workspace embedded={embedded.state === "found" ? embedded.info : null} />
    </GatewayProvider>
  );
}
