/**
 * The files waiting in the composer's tray: each is checked against the
 * gateway's limits before it is read, read with visible progress, and can be
 * removed until the message goes. A refused file never enters the tray; its
 * refusal says which file and which limit.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { checkAttachment, type AttachmentLimits } from "../model/attachment-policy";
import type { OutgoingAttachment } from "../model/outbox";

interface TrayItemBase {
  id: string;
  name: string;
  mimeType: string;
  sizeBytes: number;
  kind: "image" | "file";
}

export type TrayItem =
  | (TrayItemBase & { status: "reading"; loadedBytes: number })
  | (TrayItemBase & { status: "ready"; content: string })
  | (TrayItemBase & { status: "failed"; error: string });

export interface AttachmentTrayState {
  items: readonly TrayItem[];
  /** Why the files of the last pick, paste or drop were refused. */
  refusals: readonly string[];
  reading: boolean;
  add(files: readonly File[]): void;
  remove(id: string): void;
  dismissRefusals(): void;
  /** The files read in full, handed to a message; the tray empties. */
  takeReady(): OutgoingAttachment[];
  /** Files already read (a forked message's), back in the tray ready to go, and what could not come back, in words. */
  restore(files: readonly OutgoingAttachment[], notRestored: readonly string[]): void;
}

function stripDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(",");
  return comma >= 0 ? dataUrl.slice(comma + 1) : dataUrl;
}

export function useAttachments(getLimits: () => AttachmentLimits): AttachmentTrayState {
  const [items, setItems] = useState<TrayItem[]>([]);
  const [refusals, setRefusals] = useState<string[]>([]);
  const readers = useRef(new Map<string, FileReader>());
  const itemsRef = useRef(items);
  useEffect(() => {
    itemsRef.current = items;
  }, [items]);
  useEffect(() => {
    const open = readers.current;
    return () => open.forEach((reader) => reader.abort());
  }, []);

  const update = useCallback((id: string, fn: (item: TrayItem) => TrayItem) => setItems((list) => list.map((item) => (item.id === id ? fn(item) : item))), []);

  const add = useCallback(
    (files: readonly File[]) => {
      const limits = getLimits();
      let heldBytes = itemsRef.current.filter((item) => item.status !== "failed").reduce((sum, item) => sum + item.sizeBytes, 0);
      const refused: string[] = [];
      const accepted: TrayItem[] = [];
      for (const file of files) {
        const verdict = checkAttachment(file, limits, heldBytes);
        if (!verdict.ok) {
          refused.push(verdict.message);
          continue;
        }
        heldBytes += file.size;
        const id = crypto.randomUUID();
        const base = { id, name: file.name, mimeType: file.type || "application/octet-stream", sizeBytes: file.size, kind: verdict.kind };
        accepted.push({ ...base, status: "reading", loadedBytes: 0 });
        const reader = new FileReader();
        readers.current.set(id, reader);
        reader.onprogress = (event) => update(id, (item) => (item.status === "reading" ? { ...item, loadedBytes: event.loaded } : item));
        reader.onload = () => {
          readers.current.delete(id);
          update(id, () => ({ ...base, status: "ready", content: stripDataUrl(String(reader.result)) }));
        };
        reader.onerror = () => {
          readers.current.delete(id);
          update(id, () => ({ ...base, status: "failed", error: `Could not read "${file.name}": ${reader.error?.message ?? "the browser gave no reason"}.` }));
        };
        reader.readAsDataURL(file);
      }
      setRefusals(refused);
      if (accepted.length > 0) setItems((list) => [...list, ...accepted]);
    },
    [getLimits, update],
  );

  const remove = useCallback((id: string) => {
    readers.current.get(id)?.abort();
    readers.current.delete(id);
    setItems((list) => list.filter((item) => item.id !== id));
  }, []);

  const takeReady = useCallback((): OutgoingAttachment[] => {
    const ready = itemsRef.current.flatMap((item) =>
      item.status === "ready" ? [{ kind: item.kind, fileName: item.name, mimeType: item.mimeType, sizeBytes: item.sizeBytes, content: item.content }] : [],
    );
    setItems((list) => list.filter((item) => item.status === "reading"));
    itemsRef.current = itemsRef.current.filter((item) => item.status === "reading");
    setRefusals([]);
    return ready;
  }, []);

  const restore = useCallback((files: readonly OutgoingAttachment[], notRestored: readonly string[]) => {
    const back = files.map((file): TrayItem => ({ id: crypto.randomUUID(), name: file.fileName, mimeType: file.mimeType, sizeBytes: file.sizeBytes, kind: file.kind, status: "ready", content: file.content }));
    setRefusals([...notRestored]);
    if (back.length > 0) setItems((list) => [...list, ...back]);
  }, []);

  return {
    items,
    refusals,
    reading: items.some((item) => item.status === "reading"),
    add,
    remove,
    dismissRefusals: useCallback(() => setRefusals([]), []),
    takeReady,
    restore,
  };
}
