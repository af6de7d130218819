/**
 * Sends what waits in the outbox whenever the gateway is reachable, one
 * message at a time and oldest first. A message that may already have
 * arrived (its acknowledgement was lost to a restart, a timeout or a reload)
 * is first looked up in the session's history, and is only sent again —
 * with its original idempotency key — if the gateway does not have it.
 */
import type { GatewayConnection } from "@/gateway/gateway-connection";
import { classifySendFailure, sendOrder, type OutboxEntry } from "../model/outbox";
import { deliveredRunIds } from "../model/transcript";
import type { OutboxStore } from "../store/outbox-store";
import { outboxEntries } from "../store/outbox-store";

export interface OutboxSenderOptions {
  connection: Pick<GatewayConnection, "request" | "getSnapshot" | "subscribe">;
  store: OutboxStore;
  /** Right before a message goes on the wire: the run it starts can be followed from here. */
  onDispatch?(entry: OutboxEntry): void;
  /** History showed messages this outbox still held: the chat's copy of history is behind. */
  onDelivered?(sessionKey: string): void;
  /** For entries another page wrote: is their stored copy still there (not sent or canceled there since)? */
  isStillStored?(runId: string): Promise<boolean>;
  sendTimeoutMs?: number;
  /** After a refusal the gateway called temporary, while still connected. */
  retryDelayMs?: number;
}

const SEND_TIMEOUT_MS = 20_000;

/** chat.send's `attachments`: base64 content with its type and name (ChatAttachmentSchema). */
function wireAttachments(entry: OutboxEntry): { attachments?: unknown[] } {
  if (!entry.attachments?.length) return {};
  return { attachments: entry.attachments.map(({ kind, mimeType, fileName, content }) => ({ type: kind, mimeType, fileName, content })) };
}
const RETRY_DELAY_MS = 3_000;

export class OutboxSender {
  private flushing = false;
  private again = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  /** After a temporary refusal, new messages wait for the retry instead of hammering the gateway. */
  private pausedUntil = 0;

  constructor(private readonly options: OutboxSenderOptions) {}

  start(): () => void {
    let wasOnline = this.online();
    const offConnection = this.options.connection.subscribe(() => {
      const online = this.online();
      if (online && !wasOnline) {
        this.pausedUntil = 0;
        this.flush();
      }
      wasOnline = online;
    });
    const offStore = this.options.store.subscribe(() => {
      if (Date.now() >= this.pausedUntil && sendOrder(outboxEntries(this.options.store)).length > 0) this.flush();
    });
    this.flush();
    return () => {
      this.stopped = true;
      clearTimeout(this.retryTimer);
      offConnection();
      offStore();
    };
  }

  /** Safe to call at any time: a flush already under way picks the new work up. */
  flush(): void {
    if (this.stopped || !this.online()) return;
    if (this.flushing) {
      this.again = true;
      return;
    }
    this.flushing = true;
    this.again = false;
    void this.drain().finally(() => {
      this.flushing = false;
      // Work that arrived while the last pass was finishing.
      if (this.again && Date.now() >= this.pausedUntil) this.flush();
    });
  }

  private online(): boolean {
    return this.options.connection.getSnapshot().status === "online";
  }

  private async drain(): Promise<void> {
    const checked = new Set<string>();
    do {
      this.again = false;
      for (const queued of sendOrder(outboxEntries(this.options.store))) {
        if (this.stopped || !this.online()) return;
        if (queued.attempts > 0 && !checked.has(queued.sessionKey)) {
          checked.add(queued.sessionKey);
          if (!(await this.forgetDelivered(queued.sessionKey))) return;
        }
        if (!(await this.send(queued))) return;
      }
    } while (this.again);
  }

  private current(entry: OutboxEntry): OutboxEntry | undefined {
    return this.options.store.getState().bySession[entry.sessionKey]?.find((item) => item.runId === entry.runId);
  }

  /** False when history could not be read: sending blind could deliver a message twice. */
  private async forgetDelivered(sessionKey: string): Promise<boolean> {
    try {
      const history = await this.options.connection.request<{ messages?: unknown[] }>("chat.history", { sessionKey, limit: 200 }, { timeoutMs: SEND_TIMEOUT_MS });
      const delivered = deliveredRunIds(history.messages ?? []);
      const held = this.options.store.getState().bySession[sessionKey] ?? [];
      this.options.store.getState().historyDelivered(sessionKey, delivered);
      if (held.some((entry) => delivered.has(entry.runId))) this.options.onDelivered?.(sessionKey);
      return true;
    } catch {
      this.scheduleRetry(RETRY_DELAY_MS);
      return false;
    }
  }

  /** False when sending should pause until the connection changes or the retry timer fires. */
  private async send(queued: OutboxEntry): Promise<boolean> {
    const store = this.options.store.getState();
    if (queued.fromDisk && this.options.isStillStored && !(await this.options.isStillStored(queued.runId))) {
      store.takenElsewhere(queued.sessionKey, queued.runId);
      return true;
    }
    // It may have been canceled, or found in history, while this pass was waiting.
    const entry = this.current(queued);
    if (entry?.status !== "waiting") return true;
    store.sendStarted(entry.sessionKey, entry.runId);
    this.options.onDispatch?.(entry);
    try {
      await this.options.connection.request(
        "chat.send",
        { sessionKey: entry.sessionKey, message: entry.text, idempotencyKey: entry.runId, deliver: false, ...wireAttachments(entry) },
        { timeoutMs: this.options.sendTimeoutMs ?? SEND_TIMEOUT_MS },
      );
      store.sendAcknowledged(entry.sessionKey, entry.runId);
      return true;
    } catch (error) {
      const failure = classifySendFailure(error);
      if (failure.disposition === "reject") {
        store.sendRejected(entry.sessionKey, entry.runId, failure.reason);
        return true;
      }
      store.sendDeferred(entry.sessionKey, entry.runId, failure.reason);
      if (this.online()) this.scheduleRetry(failure.retryAfterMs ?? this.options.retryDelayMs ?? RETRY_DELAY_MS);
      return false;
    }
  }

  private scheduleRetry(delayMs: number): void {
    clearTimeout(this.retryTimer);
    this.pausedUntil = Date.now() + delayMs;
    this.retryTimer = setTimeout(() => {
      this.pausedUntil = 0;
      this.flush();
    }, delayMs);
  }
}
