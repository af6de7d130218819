import type { ReactNode } from "react";
import type { TurnUser } from "../model/transcript";
import { MessageTime } from "./message-time";
import { UserAttachments } from "./user-attachments";

function DeliveryState({ user, onRetry, onDiscard }: { user: TurnUser; onRetry(): void; onDiscard(): void }) {
  switch (user.pending) {
    case "waiting":
      return (
        <div role="status" aria-label="Delivery" className="flex flex-wrap items-center justify-end gap-2 text-xs text-warn">
          <span>Waiting for the gateway: sends by itself once it is back.</span>
          <button type="button" onClick={onDiscard} className="font-medium underline">
            Cancel message
          </button>
        </div>
      );
    case "sending":
      return (
        <span role="status" aria-label="Delivery" className="text-xs text-ink-3">
          Sending…
        </span>
      );
    case "failed":
      return (
        <div role="alert" className="flex flex-wrap items-center justify-end gap-2 text-xs text-bad">
          <span>Not delivered: {user.error}</span>
          <button type="button" onClick={onRetry} className="font-medium underline">
            Send again
          </button>
          <button type="button" onClick={onDiscard} className="font-medium underline">
            Discard
          </button>
        </div>
      );
    default:
      return null;
  }
}

export function UserMessage({ user, onRetry, onDiscard, actions }: { user: TurnUser; onRetry(): void; onDiscard(): void; actions?: ReactNode }) {
  if (user.systemNote) {
    return (
      <div role="note" className="mx-auto max-w-2xl rounded-lg border border-dashed border-line px-3 py-2 text-center text-xs text-ink-3">
        <span className="font-medium text-ink-2">Gateway note:</span> the gateway restarted and resumed the interrupted turn by itself.
      </div>
    );
  }
  return (
    <div className="group/user flex flex-col items-end gap-1">
      {user.attachments && <UserAttachments attachments={user.attachments} />}
      {(user.text || !user.attachments) && (
        <div className="max-w-[min(42rem,85%)] rounded-2xl rounded-br-md bg-accent px-4 py-2.5 text-[15px] break-words whitespace-pre-wrap text-accent-ink shadow-sm">{user.text}</div>
      )}
      <div className="flex flex-wrap items-center justify-end gap-x-2">
        {actions}
        <DeliveryState user={user} onRetry={onRetry} onDiscard={onDiscard} />
        <MessageTime at={user.at} />
      </div>
    </div>
  );
}
