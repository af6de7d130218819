/** The local database as its first schema (version 1) left it, for the tests that upgrade or read it. */
import { openDB } from "idb";
import { readFileSync } from "node:fs";
import { DB_NAME } from "@/lib/local-db";

export interface RunLogV1<TSignal> {
  key: string;
  gatewayScope: string;
  sessionKey: string;
  runId: string;
  signals: TSignal[];
}

/** The run logs as version 1 stored them, committed when that schema was current. */
export function runLogsV1<TSignal = unknown>(): { records: Array<RunLogV1<TSignal>> } {
  return JSON.parse(readFileSync(new URL("./fixtures/run-logs-v1.json", import.meta.url), "utf8")) as { records: Array<RunLogV1<TSignal>> };
}

/** A database exactly as version 1 created it, holding `records`; the caller closes it. */
export async function seedVersion1(records: unknown[]) {
  const db = await openDB(DB_NAME, 1, {
    upgrade(v1) {
      v1.createObjectStore("device-keys", { keyPath: "id" });
      v1.createObjectStore("device-tokens", { keyPath: "key" });
      const runLogs = v1.createObjectStore("run-logs", { keyPath: "key" });
      runLogs.createIndex("by-session", ["gatewayScope", "sessionKey"]);
      runLogs.createIndex("by-updated", "updatedAt");
      const outbox = v1.createObjectStore("outbox", { keyPath: "idempotencyKey" });
      outbox.createIndex("by-session", ["gatewayScope", "sessionKey"]);
    },
  });
  for (const record of records) await db.put("run-logs", record);
  return db;
}
