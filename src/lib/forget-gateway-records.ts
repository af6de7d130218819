/**
 * Removes what this browser recorded about one gateway in IndexedDB: the run
 * logs (and their storage tally) and the messages waiting to be sent (both kept per gateway URL). The
 * device key is this browser's, not the gateway's, and stays.
 */
import { openLocalDb } from "./local-db";

export interface ForgottenRecords {
  runLogs: number;
  waitingMessages: number;
  /** The sessions those records were about, so their drafts and held messages can go too. */
  sessionKeys: string[];
}

export async function forgetGatewayRecords(gatewayScope: string): Promise<ForgottenRecords> {
  const db = await openLocalDb();
  const tx = db.transaction(["run-logs", "run-log-usage", "outbox"], "readwrite");
  const sessionKeys = new Set<string>();
  let runLogs = 0;
  let waitingMessages = 0;
  for (const row of await tx.objectStore("run-logs").getAll()) {
    if (row.gatewayScope !== gatewayScope) continue;
    await tx.objectStore("run-logs").delete(row.key);
    sessionKeys.add(row.sessionKey);
    runLogs += 1;
  }
  // Its share of the storage budget and the count of evicted runs go with the logs.
  await tx.objectStore("run-log-usage").delete(gatewayScope);
  for (const row of await tx.objectStore("outbox").getAll()) {
    if (row.gatewayScope !== gatewayScope) continue;
    await tx.objectStore("outbox").delete(row.idempotencyKey);
    sessionKeys.add(row.sessionKey);
    waitingMessages += 1;
  }
  await tx.done;
  return { runLogs, waitingMessages, sessionKeys: [...sessionKeys] };
}
