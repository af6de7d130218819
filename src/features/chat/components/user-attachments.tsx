import { formatBytes } from "../model/attachment-policy";
import type { UserAttachment } from "../model/transcript";

function describe(attachment: UserAttachment): string {
  const size = attachment.sizeBytes !== undefined ? `, ${formatBytes(attachment.sizeBytes)}` : "";
  return `${attachment.kind === "image" ? "Image" : "File"} ${attachment.fileName}${size}`;
}

/** The files sent with a message: a picture this tab still holds as an image, anything else as a labelled chip. */
export function UserAttachments({ attachments }: { attachments: readonly UserAttachment[] }) {
  return (
    <ul aria-label="Sent attachments" className="flex max-w-[min(42rem,85%)] flex-wrap justify-end gap-1.5">
      {attachments.map((attachment, index) => (
        <li key={`${index}:${attachment.fileName}`} aria-label={attachment.src ? undefined : describe(attachment)}>
          {attachment.src ? (
            <img src={attachment.src} alt={`Attached image ${attachment.fileName}`} className="max-h-48 max-w-64 rounded-lg border border-line object-contain" />
          ) : (
            <span className="inline-flex items-center gap-1.5 rounded-full border border-line bg-surface px-2.5 py-1 text-xs text-ink-2">
              <span aria-hidden>{attachment.kind === "image" ? "🖼" : "📄"}</span>
              <span className="font-medium text-ink">{attachment.fileName}</span>
              {attachment.sizeBytes !== undefined && <span>{formatBytes(attachment.sizeBytes)}</span>}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
