/**
 * Keeps the outbox in IndexedDB, so a message written while the gateway was
 * away survives a reload and still goes out once it is back.
 */
import { openLocalDb, type StoredOutboxEntry } from "@/lib/local-db";
import { isRecord } from "@/lib/read-untrusted";
import type { OutboxEntry, OutgoingAttachment } from "../model/outbox";
import { outboxEntries, type OutboxStore } from "./outbox-store";

function toStored(gatewayScope: string, entry: OutboxEntry): StoredOutboxEntry {
  return {
    idempotencyKey: entry.runId,
    gatewayScope,
    sessionKey: entry.sessionKey,
    message: entry.text,
    createdAt: entry.createdAt,
    status: entry.status,
    attempts: entry.attempts,
    error: entry.error,
    ...(entry.attachments ? { attachments: entry.attachments } : {}),
  };
}

function fromStored(stored: StoredOutboxEntry): OutboxEntry {
  return {
    runId: stored.idempotencyKey,
    sessionKey: stored.sessionKey,
    text: stored.message,
    createdAt: stored.createdAt,
    status: stored.status ?? "waiting",
    attempts: stored.attempts ?? 0,
    error: stored.error,
    ...(stored.attachments?.length ? { attachments: stored.attachments.filter(isOutgoingAttachment) } : {}),
  };
}

function isOutgoingAttachment(value: unknown): value is OutgoingAttachment {
  if (!isRecord(value)) return false;
  return (value.kind === "image" || value.kind === "file") && typeof value.fileName === "string" && typeof value.mimeType === "string" && typeof value.sizeBytes === "number" && typeof value.content === "string";
}

/** Whether an entry's stored copy is still there; another page deletes it when it sends or cancels the message. */
export async function isStillStored(runId: string): Promise<boolean> {
  const db = await openLocalDb();
  return (await db.getKey("outbox", runId)) !== undefined;
}

export async function readOutbox(gatewayScope: string): Promise<OutboxEntry[]> {
  const db = await openLocalDb();
  const rows = await db.getAll("outbox");
  return rows.filter((row) => row.gatewayScope === gatewayScope).map(fromStored);
}

/** Mirrors every change of the store into IndexedDB, in order. Returns the unsubscribe and a flush for tests and unload. */
export function persistOutbox(store: OutboxStore, gatewayScope: string, onError: (error: unknown) => void): { stop(): void; flush(): Promise<void> } {
  // Acknowledged messages leave the disk at once: no later page may send them again.
  const onDisk = () => new Map(outboxEntries(store).filter((entry) => entry.status !== "sent").map((entry) => [entry.runId, entry]));
  let written = onDisk();
  let queue: Promise<void> = Promise.resolve();
  const unsubscribe = store.subscribe(() => {
    const current = onDisk();
    // A freshly restored entry is what the disk already holds; writing it back could bring back a row another tab just deleted.
    const changed = [...current.values()].filter((entry) => written.get(entry.runId) !== entry && !(entry.fromDisk && !written.has(entry.runId)));
    const removed = [...written.keys()].filter((runId) => !current.has(runId));
    written = current;
    if (changed.length === 0 && removed.length === 0) return;
    queue = queue
      .then(async () => {
        const db = await openLocalDb();
        const tx = db.transaction("outbox", "readwrite");
        await Promise.all([...changed.map((entry) => tx.store.put(toStored(gatewayScope, entry))), ...removed.map((runId) => tx.store.delete(runId))]);
        await tx.done;
      })
      .catch(onError);
  });
  return { stop: unsubscribe, flush: () => queue };
}
