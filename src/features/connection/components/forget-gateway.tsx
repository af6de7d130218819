import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { describeGateway } from "../model/launch-params";
import type { ForgetNotice } from "../store/connection-settings-store";

/** "Forget this gateway", asked about first; Cancel has the focus so a stray Enter forgets nothing. */
export function ForgetGateway({ gatewayUrl, onForget }: { gatewayUrl: string; onForget(): void }) {
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <Button variant="ghost" className="self-start text-bad" onClick={() => setConfirming(true)}>
        Forget this gateway
      </Button>
    );
  }
  return (
    <div role="alertdialog" aria-labelledby={titleId} className="flex flex-col gap-2 rounded-lg border border-bad/40 bg-bad-soft px-3 py-2">
      <p id={titleId} className="font-medium">
        Forget {describeGateway(gatewayUrl)}?
      </p>
      <p className="text-xs text-ink-2">
        Removes from this browser its gateway token, the device token it issued, and its run logs, waiting messages, drafts and held messages. You
        need the gateway token to connect again.
      </p>
      <div className="flex gap-2">
        <Button variant="danger" onClick={onForget}>
          Forget
        </Button>
        <Button ref={cancelButton} onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

export function ForgetNoticeView({ notice }: { notice: ForgetNotice }) {
  return (
    <p role="status" className="mb-4 rounded-lg border border-line bg-surface-2 px-3 py-2 text-sm text-ink-2">
      {notice.summary ?? `Forgetting ${describeGateway(notice.gatewayUrl)}…`}
    </p>
  );
}
