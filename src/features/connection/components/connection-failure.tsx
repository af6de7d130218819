import { useState } from "react";
import type { ConnectFailure } from "@/gateway/connect-failure";
import { describeAuthMethod, shortDeviceId, type HandshakeIdentity } from "@/gateway/handshake-identity";
import { Button } from "@/components/ui/button";

export function ConnectionFailure({ failure, identity, onRetry }: { failure: ConnectFailure; identity?: HandshakeIdentity | null; onRetry(): void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="alert" className="rounded-xl border border-bad/30 bg-bad-soft p-4 text-sm">
      <h2 className="text-base font-semibold text-bad">{failure.title}</h2>
      <p className="mt-1 text-ink">{failure.nextStep}</p>
      {failure.command && (
        <div className="mt-2 flex items-center gap-2">
          <code className="rounded bg-surface px-2 py-1 font-mono text-xs">{failure.command}</code>
          <Button
            variant="ghost"
            onClick={() => {
              void navigator.clipboard?.writeText(failure.command ?? "").then(() => setCopied(true));
            }}
          >
            {copied ? "Copied" : "Copy command"}
          </Button>
        </div>
      )}
      <p className="mt-2 text-xs text-ink-2">
        Gateway said: <span className="font-mono">{failure.message}</span>
        {failure.detailCode ? <span className="font-mono"> ({failure.detailCode})</span> : null}
      </p>
      {identity && (
        <p className="mt-1 text-xs text-ink-2">
          This tab signed in as <span className="font-mono">{identity.clientId}</span> ({identity.mode}, {identity.role})
          {identity.deviceId ? (
            <>
              {" "}
              from device <span className="font-mono">{shortDeviceId(identity.deviceId)}</span>
            </>
          ) : (
            " without a device identity"
          )}{" "}
          using {describeAuthMethod(identity.authMethod)}.
        </p>
      )}
      <div className="mt-3">
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      </div>
    </div>
  );
}
