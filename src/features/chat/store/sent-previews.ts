/**
 * Pictures this tab sent, kept in memory so the transcript can keep showing
 * them once the gateway's history takes over from the outbox: history names a
 * file (`media://inbound/…`) but never returns its bytes, and the page's CSP
 * shows images from data: and blob: URLs only. After a reload the transcript
 * shows a labelled chip instead.
 */
import type { OutgoingAttachment } from "../model/outbox";

const KEEP_RUNS = 30;
const previews = new Map<string, Map<string, string>>();

export function imageDataUrl(attachment: Pick<OutgoingAttachment, "mimeType" | "content">): string {
  return `data:${attachment.mimeType};base64,${attachment.content}`;
}

export function rememberSentPreviews(runId: string, attachments: readonly OutgoingAttachment[]): void {
  const images = attachments.filter((attachment) => attachment.kind === "image");
  if (images.length === 0) return;
  previews.set(runId, new Map(images.map((image) => [image.fileName, imageDataUrl(image)])));
  for (const oldest of previews.keys()) {
    if (previews.size <= KEEP_RUNS) break;
    previews.delete(oldest);
  }
}

export function sentPreview(runId: string, fileName: string): string | undefined {
  return previews.get(runId)?.get(fileName);
}
