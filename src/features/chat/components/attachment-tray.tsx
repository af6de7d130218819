import { useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import type { TrayItem } from "../api/use-attachments";
import { formatBytes } from "../model/attachment-policy";

function ItemState({ item }: { item: TrayItem }) {
  switch (item.status) {
    case "reading": {
      const percent = item.sizeBytes > 0 ? Math.floor((item.loadedBytes / item.sizeBytes) * 100) : 0;
      return (
        <>
          <progress aria-label={`Reading ${item.name}`} value={item.loadedBytes} max={item.sizeBytes} className="h-1.5 w-16" />
          <span className="text-ink-3">Reading… {percent}%</span>
        </>
      );
    }
    case "ready":
      return <span className="text-ink-3">{formatBytes(item.sizeBytes)}</span>;
    case "failed":
      return (
        <span role="alert" className="text-bad">
          {item.error}
        </span>
      );
  }
}

export interface AttachmentTrayProps {
  items: readonly TrayItem[];
  refusals: readonly string[];
  onFiles(files: File[]): void;
  onRemove(id: string): void;
  onDismissRefusals(): void;
}

/** The files waiting to go with the next message, the button that adds them, and why a file was refused. */
export function AttachmentTray({ items, refusals, onFiles, onRemove, onDismissRefusals }: AttachmentTrayProps) {
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  return (
    <div className="flex flex-col gap-1.5">
      {refusals.length > 0 && (
        <div role="alert" className="flex items-start justify-between gap-2 rounded-lg bg-bad-soft px-3 py-2 text-sm text-bad">
          <ul className="flex flex-col gap-0.5">
            {refusals.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
          <button type="button" onClick={onDismissRefusals} className="shrink-0 text-xs font-medium underline">
            Dismiss
          </button>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-1.5">
        <label htmlFor={inputId} className="sr-only">
          Choose files to attach
        </label>
        <input
          ref={input}
          id={inputId}
          type="file"
          multiple
          className="sr-only"
          tabIndex={-1}
          onChange={(event) => {
            onFiles([...(event.currentTarget.files ?? [])]);
            event.currentTarget.value = "";
          }}
        />
        <Button variant="ghost" onClick={() => input.current?.click()} aria-label="Attach files" className="px-2 py-1 text-xs">
          Attach files
        </Button>
        {items.length > 0 && (
          <ul aria-label="Files to send" className="flex flex-wrap gap-1.5">
            {items.map((item) => (
              <li key={item.id} className="flex items-center gap-1.5 rounded-full border border-line bg-surface-2 px-2.5 py-0.5 text-xs">
                <span className="font-medium text-ink">{item.name}</span>
                <ItemState item={item} />
                <button type="button" onClick={() => onRemove(item.id)} aria-label={`Remove ${item.name}`} className="rounded-full px-1 text-ink-2 hover:bg-surface">
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
