/** The composer's attachment tray, checked against the limits of the gateway this tab is connected to now. */
import { useCallback } from "react";
import { useAttachments } from "@/features/chat/api/use-attachments";
import { AttachmentTray } from "@/features/chat/components/attachment-tray";
import type { ComposerProps } from "@/features/chat/components/composer";
import { DEFAULT_ATTACHMENT_LIMITS, type AttachmentLimits } from "@/features/chat/model/attachment-policy";
import { readHello } from "@/gateway/hello";
import { useGateway } from "@/providers/gateway-provider";

export function useComposerAttachments() {
  const connection = useGateway();
  // Read at the moment a file is added: the limits are a snapshot of the newest hello (they change only on reconnect).
  const getLimits = useCallback((): AttachmentLimits => {
    const hello = readHello(connection.hello);
    return {
      maxBytes: hello.attachmentMaxBytes ?? DEFAULT_ATTACHMENT_LIMITS.maxBytes,
      maxImageBytes: hello.attachmentMaxImageBytes ?? DEFAULT_ATTACHMENT_LIMITS.maxImageBytes,
      maxPayload: hello.maxPayload ?? DEFAULT_ATTACHMENT_LIMITS.maxPayload,
    };
  }, [connection]);
  const tray = useAttachments(getLimits);
  const composer: NonNullable<ComposerProps["attachments"]> = {
    tray: <AttachmentTray items={tray.items} refusals={tray.refusals} onFiles={tray.add} onRemove={tray.remove} onDismissRefusals={tray.dismissRefusals} />,
    ready: tray.items.filter((item) => item.status === "ready").length,
    reading: tray.reading,
    onFiles: tray.add,
  };
  return { composer, takeReady: tray.takeReady, restore: tray.restore };
}
