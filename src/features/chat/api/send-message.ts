/**
 * Sending a message: a fresh idempotency key per message (it becomes the run
 * id), an optimistic pending entry, and an honest failure when the gateway
 * does not take it.
 */
import type { GatewayConnection } from "@/gateway/gateway-connection";
import { pendingMessagesStore } from "../store/pending-messages-store";

export interface ChatSendAck {
  runId: string;
  status: string;
}

export async function sendChatMessage(connection: GatewayConnection, sessionKey: string, text: string, runId: string = crypto.randomUUID()): Promise<string> {
  const store = pendingMessagesStore.getState();
  store.messageSubmitted({ runId, sessionKey, text, at: Date.now() });
  try {
    await connection.request<ChatSendAck>("chat.send", { sessionKey, message: text, idempotencyKey: runId, deliver: false }, { timeoutMs: 20_000 });
    store.messageAcknowledged(sessionKey, runId);
  } catch (error) {
    store.messageFailed(sessionKey, runId, error instanceof Error ? error.message : String(error));
  }
  return runId;
}

export async function abortRun(connection: GatewayConnection, sessionKey: string, runId?: string): Promise<void> {
  await connection.request("chat.abort", runId ? { sessionKey, runId } : { sessionKey }, { timeoutMs: 10_000 });
}
